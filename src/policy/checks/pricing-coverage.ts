import type { PricingCoverageCheck } from "../policy-document.js";
import { gpuCountOf, incompleteReason } from "../policy-resource.js";
import type { CheckDefinition, CheckResult } from "./check-definition.js";

/**
 * Every resource in scope is priced: unpriced, partly priced and unsupported resources fail (never a silent
 * $0). Usage-based resources pass unless `allowUsageBased: false`. `gpuOnly` looks only at resources with GPUs
 * or an instance type costgate cannot resolve.
 */
export const pricingCoverage: CheckDefinition<PricingCoverageCheck> = {
  kind: "pricing-coverage",
  evaluate(check, ctx) {
    const out: CheckResult[] = [];
    for (const r of ctx.head) {
      const e = r.estimate;
      if (check.gpuOnly) {
        const gpus = e.facts.gpusPerInstance;
        const mayHaveGpus = (gpus !== null && gpus > 0) || (gpus === null && gpuCountOf(e) === null);
        if (!mayHaveGpus) continue;
      }
      const failing = e.status === "unpriced" || e.status === "partial" || e.status === "unsupported" || (e.status === "usage-based" && check.allowUsageBased === false);
      if (failing) out.push({ resource: r, message: `not fully priced (${incompleteReason(e)})`, subjectMonthlyCost: e.monthlyCost });
    }
    return out;
  },
  loosenings(central, project) {
    const out: string[] = [];
    if (central.gpuOnly !== true && project.gpuOnly === true) out.push("narrows coverage to GPU resources only");
    if (central.allowUsageBased === false && project.allowUsageBased !== false) out.push("allows usage-based resources");
    return out;
  },
};
