import type { Estimate } from "../pricing/estimate.js";
import { writeJson } from "./json-stream.js";

/** What the JSON form leaves out of an Estimate: raw resource attributes (internal). */
export const ESTIMATE_JSON_OMIT = { "stacks.*.resources.*": ["attributes"] } as const;

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

/** `renderEstimateJson`, the same text as UTF-8 bytes, written in chunks to `write` without copying the estimate (any size). */
export function writeEstimateJson(e: Estimate, write: (chunk: Uint8Array) => void): void {
  writeJson(e, write, { omit: ESTIMATE_JSON_OMIT });
}
