import type { GpuCountCheck } from "../policy-document.js";
import { groupResources } from "../groups.js";
import { gpuCountOf, monthlyCostOf } from "../policy-resource.js";
import { same, upperBound } from "./strictness.js";
import type { CheckDefinition, CheckResult } from "./check-definition.js";

/** GPUs (GPUs per instance × instances) per resource and in total per group stay under caps. */
export const gpuCount: CheckDefinition<GpuCountCheck> = {
  kind: "gpu-count",
  evaluate(check, ctx) {
    const out: CheckResult[] = [];
    if (check.maxPerResource !== undefined) {
      for (const r of ctx.head) {
        const n = gpuCountOf(r.estimate);
        const f = r.estimate.facts;
        if (n === null)
          out.push({
            resource: r,
            unknown: true,
            message: `GPU count is unknown (instance type ${f.instanceTypes.join(", ") || "not resolved"}, ${f.instanceCount ?? "unknown"} instances); cap ${check.maxPerResource}`,
            subjectMonthlyCost: r.estimate.monthlyCost,
          });
        else if (n > check.maxPerResource)
          out.push({
            resource: r,
            message: `${n} GPUs (${f.gpusPerInstance} × ${f.instanceCount} ${f.instanceTypes[0] ?? ""}) exceeds the cap of ${check.maxPerResource} per resource`,
            subjectMonthlyCost: r.estimate.monthlyCost,
          });
      }
    }
    if (check.maxTotal !== undefined) {
      for (const g of groupResources(ctx.head, check.groupBy)) {
        const counts = g.resources.map((r) => gpuCountOf(r.estimate));
        const known = counts.reduce<number>((s, n) => s + (n ?? 0), 0);
        const unknown = counts.filter((n) => n === null).length;
        const group = { label: g.label, ...(g.stack ? { stack: g.stack } : {}), resources: g.resources };
        const cost = g.resources.reduce((s, r) => s + monthlyCostOf(r.estimate), 0);
        if (known > check.maxTotal) out.push({ group, message: `${g.label} has ${known} GPUs, over the cap of ${check.maxTotal}`, subjectMonthlyCost: cost });
        else if (unknown > 0)
          out.push({
            group,
            unknown: true,
            message: `${g.label} has ${known} known GPUs, but ${unknown} resource${unknown === 1 ? "'s" : "s'"} GPU count is unknown; cap ${check.maxTotal}`,
            subjectMonthlyCost: cost,
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
