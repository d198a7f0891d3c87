import type { GpuCountCheck } from "../policy-document.js";
import { groupResources } from "../groups.js";
import { gpuCountOf, maxGpuCountOf, type PolicyResource } from "../policy-resource.js";
import { same, upperBound } from "./strictness.js";
import type { CheckDefinition, CheckResult } from "./check-definition.js";

/**
 * GPUs (GPUs per instance × instances, or the sum over instance groups) per resource and in total per group stay
 * under caps across the capacity range: over at the current count is a finding; an unknown count (an unresolved
 * instance type could be a GPU) or a maximum capacity that could exceed the cap is an `unknown` finding.
 */
export const gpuCount: CheckDefinition<GpuCountCheck> = {
  kind: "gpu-count",
  evaluate(check, ctx) {
    const out: CheckResult[] = [];
    if (check.maxPerResource !== undefined) {
      for (const r of ctx.head) {
        const n = gpuCountOf(r.estimate);
        const max = maxGpuCountOf(r.estimate);
        const f = r.estimate.facts;
        // The cap holds across the whole range: nothing to report (a scale-from-zero pool bounded by its limits).
        if (max !== null && max <= check.maxPerResource && (n === null || n <= max)) continue;
        if (n === null)
          out.push({
            resource: r,
            unknown: true,
            message: `GPU count is unknown (instance type ${f.instanceTypes.join(", ") || "not resolved"}, ${f.instanceCount ?? "unknown"} instances); cap ${check.maxPerResource}`,
          });
        else if (n > check.maxPerResource)
          out.push({ resource: r, message: `${n} GPUs (${describeGpus(r)}) exceeds the cap of ${check.maxPerResource} per resource` });
        else if (max === null || max > check.maxPerResource)
          out.push({
            resource: r,
            unknown: true,
            message: `${n} GPUs now, but ${max === null ? "its capacity has no upper bound" : `up to ${max} at maximum capacity (${f.maxCapacity} instances)`}; cap ${check.maxPerResource} per resource`,
          });
      }
    }
    if (check.maxTotal !== undefined) {
      for (const g of groupResources(ctx.head, check.groupBy)) {
        let known = 0;
        let unknown = 0;
        let max: number | null = 0;
        for (const r of g.resources) {
          const n = gpuCountOf(r.estimate);
          if (n === null) unknown++;
          else known += n;
          const m = maxGpuCountOf(r.estimate);
          max = max === null || m === null ? null : max + m;
        }
        const group = { label: g.label, ...(g.stack ? { stack: g.stack } : {}), resources: g.resources };
        const bounded = g.resources.every((r) => maxGpuCountOf(r.estimate) !== null || gpuCountOf(r.estimate) !== null);
        if (known > check.maxTotal) out.push({ group, message: `${g.label} has ${known} GPUs, over the cap of ${check.maxTotal}` });
        else if (bounded && max !== null && max <= check.maxTotal) continue;
        else if (unknown > 0)
          out.push({
            group,
            unknown: true,
            message: `${g.label} has ${known} known GPUs, but ${unknown} resource${unknown === 1 ? "'s" : "s'"} GPU count is unknown${max !== null ? ` (up to ${max} at maximum capacity)` : ""}; cap ${check.maxTotal}`,
          });
        else if (max === null || max > check.maxTotal)
          out.push({
            group,
            unknown: true,
            message: `${g.label} has ${known} GPUs now, but ${max === null ? "its capacity has no upper bound" : `up to ${max} at maximum capacity`}; cap ${check.maxTotal}`,
          });
      }
    }
    return out;
  },
  loosenings(central, project) {
    return [
      ...upperBound("maxPerResource", central.maxPerResource, project.maxPerResource),
      ...upperBound("maxTotal", central.maxTotal, project.maxTotal),
      ...(central.maxTotal !== undefined ? same("groupBy", central.groupBy ?? "total", project.groupBy ?? "total") : []),
    ];
  },
};

/** `8 × 2 p5.48xlarge`, or the instance types of a resource with several groups. */
function describeGpus(r: PolicyResource): string {
  const f = r.estimate.facts;
  return f.gpuCount !== undefined ? f.instanceTypes.join(", ") : `${f.gpusPerInstance} × ${f.instanceCount} ${f.instanceTypes[0] ?? ""}`.trim();
}
