import type { MinUtilizationCheck } from "../policy-document.js";
import { same } from "./strictness.js";
import type { CheckDefinition, CheckResult } from "./check-definition.js";

/**
 * GPU inference endpoints are used: utilisation at or above a floor (0–1). `basis: throughput` (default) is
 * instances needed for the average load ÷ instances provisioned at expected capacity, from the measured
 * throughput per instance in the usage file; `basis: gpu` is the usage file's `gpu_utilization`. Scope it to
 * production with `scope.environments`. Unknown utilisation (no throughput or no gpu_utilization) fails closed.
 */
export const minUtilization: CheckDefinition<MinUtilizationCheck> = {
  kind: "min-utilization",
  evaluate(check, ctx) {
    const out: CheckResult[] = [];
    const basis = check.basis ?? "throughput";
    const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
    for (const r of ctx.head) {
      const e = r.estimate;
      // Inference resources with instance-hours and GPUs — or an unknown GPU count (an unresolved type fails closed).
      if (e.facts.workload !== "inference" || e.facts.gpusPerInstance === 0 || !e.components.some((c) => c.unit === "hours")) continue;
      const u =
        basis === "gpu"
          ? (e.unitEconomics?.idleGpu?.gpuUtilization ?? null)
          : (e.unitEconomics?.inference?.capacity?.utilization ?? null);
      if (u === null) {
        const how = basis === "gpu" ? "set `gpu_utilization` in the usage file" : "set `monthly_requests` and a measured `requests_per_second_per_instance` or `output_tokens_per_second_per_instance`";
        out.push({ resource: r, unknown: true, message: `utilisation is unknown (${how}); floor ${pct(check.min)}` });
      } else if (u < check.min) out.push({ resource: r, message: `utilisation ${pct(u)} is below the ${pct(check.min)} floor${basis === "throughput" ? " (instances needed for the average load ÷ provisioned)" : " (gpu_utilization)"}` });
    }
    return out;
  },
  loosenings(central, project) {
    const out = project.min < central.min ? [`lowers min from ${central.min} to ${project.min}`] : [];
    return [...out, ...same("basis", central.basis ?? "throughput", project.basis ?? "throughput")];
  },
};
