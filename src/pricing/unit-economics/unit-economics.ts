import { addRange, allResources, zeroRange, type Estimate, type ResourceEstimate } from "../estimate.js";
import { EMPTY_USAGE, usageFor, type Usage } from "../usage.js";
import { cheaperAlternatives } from "./alternatives.js";
import { computeHoursOf } from "./compute-hours.js";
import { idleGpu } from "./idle-gpu.js";
import { inferenceUnits } from "./inference-units.js";
import { trainingUnits } from "./training-units.js";
import type { ResourceUnitEconomics, UnitEconomicsTotals } from "./unit-figures.js";

/** Options for `unitEconomicsOf`. */
export interface UnitEconomicsOptions {
  /** Look for cheaper equivalents in the snapshot (default true). */
  alternatives?: boolean;
}

/**
 * Pure: unit figures of every resource that serves or trains a model or runs GPUs, from the estimate and the usage
 * file. Inference: resources whose workload is `inference` (SageMaker endpoint configurations; tagged node groups)
 * or that have `monthly_requests`. Training: workload `training` or `hours_per_run`. Idle GPU cost and cheaper
 * equivalents: resources with GPUs. Only resources with instance-hours get figures. Returns per-resource figures
 * by resource (identity) and the totals; `undefined` totals when no resource has any.
 */
export function unitEconomicsOf(
  e: Estimate,
  usage: Usage = EMPTY_USAGE,
  opts: UnitEconomicsOptions = {},
): { byResource: Map<ResourceEstimate, ResourceUnitEconomics>; totals: UnitEconomicsTotals | undefined } {
  const byResource = new Map<ResourceEstimate, ResourceUnitEconomics>();
  const totals: UnitEconomicsTotals = { idleGpuCost: zeroRange(), idleGpuUnknown: 0, trainingMonthly: zeroRange(), trainingUnknown: 0, sources: [] };
  for (const r of allResources(e)) {
    if (r.action === "delete" || !r.components.some((c) => c.unit === "hours")) continue;
    const u = usageFor(usage, r);
    const out: ResourceUnitEconomics = {};
    if (r.facts.workload === "inference" || u.monthly_requests !== undefined) out.inference = inferenceUnits(r, u);
    if (r.facts.workload === "training" || u.hours_per_run !== undefined) {
      const t = trainingUnits(r, u);
      if (t) out.training = t;
    }
    const idle = idleGpu(r, u);
    if (idle) out.idleGpu = idle;
    if (idle && opts.alternatives !== false) {
      const alts = cheaperAlternatives(r);
      if (alts.length) out.alternatives = alts;
    }
    if (Object.keys(out).length === 0) continue;
    byResource.set(r, out);
    if (out.idleGpu) {
      if (out.idleGpu.idleCost === null) totals.idleGpuUnknown++;
      else addRange(totals.idleGpuCost, out.idleGpu.idleCost);
      if (!out.idleGpu.complete) totals.idleGpuCost.high = null;
    }
    if (out.training) {
      if (out.training.monthlyCost === null) totals.trainingUnknown++;
      else addRange(totals.trainingMonthly, out.training.monthlyCost);
      if (!out.training.complete) totals.trainingMonthly.high = null;
    }
  }
  if (byResource.size === 0) return { byResource, totals: undefined };
  if (totals.idleGpuUnknown > 0) totals.idleGpuCost.high = null;
  if (totals.trainingUnknown > 0) totals.trainingMonthly.high = null;
  const api = [...byResource.values()].flatMap((x) => x.inference?.apiComparison ?? []);
  for (const a of api) {
    const label = `Amazon Bedrock on-demand: ${a.source}, as of ${a.asOf}, confidence ${a.confidence}, region ${a.region}`;
    if (!totals.sources.includes(label)) totals.sources.push(label);
  }
  return { byResource, totals };
}

/**
 * The estimate with unit figures attached: `unitEconomics` on each resource that has any, and `unitEconomics`
 * totals on the estimate. Returns the same estimate object (resources are annotated in place: call it once, right
 * after assembling, before anything else holds the estimate).
 */
export function withUnitEconomics(e: Estimate, usage: Usage = EMPTY_USAGE, opts: UnitEconomicsOptions = {}): Estimate {
  const { byResource, totals } = unitEconomicsOf(e, usage, opts);
  if (!totals) return e;
  for (const [r, u] of byResource) r.unitEconomics = u;
  e.unitEconomics = totals;
  return e;
}

export { computeHoursOf };
