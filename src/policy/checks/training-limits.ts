import type { TrainingLimitsCheck } from "../policy-document.js";
import { durationSeconds, formatSeconds } from "../duration.js";
import { upperBound } from "./strictness.js";
import type { CheckDefinition, CheckResult } from "./check-definition.js";

/**
 * Training runs are bounded: max runtime (and, for spot, max wait) set and no longer than the caps. Applies to
 * resources that can carry the limit (the catalog reports `maxRuntimeSeconds` for them: SageMaker training
 * jobs, Batch job definitions); a limit that is not set, or not a literal, fails.
 */
export const trainingLimits: CheckDefinition<TrainingLimitsCheck> = {
  kind: "training-limits",
  evaluate(check, ctx) {
    const out: CheckResult[] = [];
    for (const r of ctx.head) {
      const f = r.estimate.facts;
      if (!("maxRuntimeSeconds" in f) || f.maxRuntimeSeconds === undefined) continue;
      const problems: string[] = [];
      if (check.maxRuntime !== undefined) {
        const cap = durationSeconds(check.maxRuntime);
        if (f.maxRuntimeSeconds === null) problems.push(`no max runtime is set (cap ${check.maxRuntime})`);
        else if (f.maxRuntimeSeconds > cap) problems.push(`max runtime ${formatSeconds(f.maxRuntimeSeconds)} exceeds the ${check.maxRuntime} cap`);
      }
      if (check.maxWait !== undefined && f.purchaseOption !== "on-demand") {
        const cap = durationSeconds(check.maxWait);
        const wait = f.maxWaitSeconds;
        if (wait === null || wait === undefined) {
          if (f.purchaseOption === "spot") problems.push(`spot training has no max wait (cap ${check.maxWait})`);
        } else if (wait > cap) problems.push(`max wait ${formatSeconds(wait)} exceeds the ${check.maxWait} cap`);
      }
      if (problems.length) out.push({ resource: r, message: problems.join("; ") });
    }
    return out;
  },
  loosenings(central, project) {
    const secs = (d: string | undefined) => (d === undefined ? undefined : durationSeconds(d));
    return [
      ...upperBound("maxRuntime (s)", secs(central.maxRuntime), secs(project.maxRuntime)),
      ...upperBound("maxWait (s)", secs(central.maxWait), secs(project.maxWait)),
    ];
  },
};
