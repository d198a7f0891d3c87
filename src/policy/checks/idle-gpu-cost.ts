import { usdBrief } from "../../money.js";
import type { IdleGpuCostCheck } from "../policy-document.js";
import { gpuCountOf } from "../policy-resource.js";
import { upperBound } from "./strictness.js";
import type { CheckDefinition, CheckResult } from "./check-definition.js";
import { judgeUnitCap } from "./unit-cap.js";

/**
 * Idle GPU cost, USD per month = (1 − gpu_utilization) × GPU instance cost, per resource (`maxMonthly`) and over all
 * in-scope GPU resources (`maxTotal`). A GPU resource without `gpu_utilization` has an unknown idle cost and fails
 * closed (unless `onUnknown` relaxes it).
 */
export const idleGpuCost: CheckDefinition<IdleGpuCostCheck> = {
  kind: "idle-gpu-cost",
  evaluate(check, ctx) {
    const out: CheckResult[] = [];
    // GPU resources with instance-hours, and those whose GPUs are unknown (an unresolved type fails closed).
    const gpuResources = ctx.head.filter((r) => r.estimate.unitEconomics?.idleGpu || (gpuCountOf(r.estimate) === null && r.estimate.components.some((c) => c.unit === "hours")));
    let expected = 0;
    let high: number | null = 0;
    let unknown = 0;
    for (const r of gpuResources) {
      const idle = r.estimate.unitEconomics?.idleGpu;
      if (!idle || idle.idleCost === null) unknown++;
      else {
        expected += idle.idleCost.expected;
        high = high === null || idle.idleCost.high === null || !idle.complete ? null : high + idle.idleCost.high;
      }
      if (check.maxMonthly === undefined) continue;
      const f = judgeUnitCap({ resource: r, figure: idle?.idleCost, complete: idle?.complete ?? false, cap: check.maxMonthly, what: "idle GPU cost", format: (n) => `${usdBrief(n)}/month`, missing: "set `gpu_utilization` (0–1) in the usage file" });
      if (f) out.push(f.unknown ? f : { ...f, monthlyCost: idle!.idleCost!.expected - check.maxMonthly });
    }
    if (check.maxTotal !== undefined && gpuResources.length > 0) {
      const group = { label: "idle GPU cost (total)", resources: gpuResources };
      const cap = check.maxTotal;
      if (expected > cap) out.push({ group, message: `idle GPU cost ${usdBrief(expected)}/month exceeds the ${usdBrief(cap)}/month total cap${unknown ? ` (and ${unknown} GPU resource${unknown === 1 ? "'s" : "s'"} idle cost is unknown)` : ""}`, monthlyCost: expected - cap });
      else if (unknown > 0) out.push({ group, unknown: true, message: `idle GPU cost of ${unknown} GPU resource${unknown === 1 ? " is" : "s are"} unknown (set \`gpu_utilization\`); the known part ${usdBrief(expected)}/month cannot be shown to be within the ${usdBrief(cap)}/month cap` });
      else if (high === null || high > cap) out.push({ group, unknown: true, message: `idle GPU cost ${usdBrief(expected)}/month expected is within the cap, but ${high === null ? "its high end is unbounded" : `could reach ${usdBrief(high)}/month`}` });
    }
    return out;
  },
  loosenings(central, project) {
    return [...upperBound("maxMonthly", central.maxMonthly, project.maxMonthly), ...upperBound("maxTotal", central.maxTotal, project.maxTotal)];
  },
};
