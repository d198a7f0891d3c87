import type { Estimate } from "../pricing/estimate.js";

/**
 * The documented, versioned JSON form of an Estimate (`schemaVersion: costgate.estimate/v2`).
 * Raw resource attributes are internal and left out; everything else is as computed (full precision).
 */
export function estimateToJson(e: Estimate): unknown {
  return {
    ...e,
    stacks: e.stacks.map((s) => ({
      ...s,
      resources: s.resources.map(({ attributes: _attributes, ...rest }) => rest),
    })),
  };
}

export function renderEstimateJson(e: Estimate): string {
  return JSON.stringify(estimateToJson(e), null, 2) + "\n";
}
