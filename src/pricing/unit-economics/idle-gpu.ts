import type { ResourceEstimate } from "../estimate.js";
import type { ResourceUsage } from "../usage.js";
import { computeHoursOf, scaleRange } from "./compute-hours.js";
import type { IdleGpu } from "./unit-figures.js";

/**
 * Idle GPU cost of a GPU resource, USD per month: (1 − gpu_utilization) × the cost of its GPU instance-hours
 * (low / expected / high). Without `gpu_utilization` the idle cost is unknown (null), not 0. Undefined for
 * resources without GPUs.
 */
export function idleGpu(r: ResourceEstimate, usage: ResourceUsage): IdleGpu | undefined {
  if (!(r.facts.gpusPerInstance !== null && r.facts.gpusPerInstance > 0)) return undefined;
  const hours = computeHoursOf(r);
  if (hours.components.length === 0) return undefined;
  const u = usage.gpu_utilization ?? null;
  return {
    gpuUtilization: u,
    gpuCost: hours.cost,
    idleCost: u === null ? null : scaleRange(hours.cost, 1 - u),
    complete: hours.complete,
  };
}
