import type { CheckpointingCheck } from "../policy-document.js";
import { compileRegex, regexProblem } from "../regex.js";
import { notWeaker, same } from "./strictness.js";
import type { CheckDefinition, CheckResult } from "./check-definition.js";

/**
 * Compute declares a checkpoint location: an interrupted spot job without checkpoints restarts from scratch
 * and bills again. Applies to resources with compute; `when: spot` (default) only to spot or mixed capacity.
 */
export const checkpointing: CheckDefinition<CheckpointingCheck> = {
  kind: "checkpointing",
  validate(check) {
    const problem = check.locationPattern === undefined ? undefined : regexProblem(check.locationPattern);
    return problem ? [{ path: ["locationPattern"], message: problem }] : [];
  },
  evaluate(check, ctx) {
    const out: CheckResult[] = [];
    for (const r of ctx.head) {
      const f = r.estimate.facts;
      if (f.purchaseOption === undefined) continue;
      if ((check.when ?? "spot") === "spot" && f.purchaseOption === "on-demand") continue;
      const what = f.purchaseOption === "on-demand" ? "training" : `${f.purchaseOption === "mixed" ? "mixed spot" : "spot"} capacity`;
      const loc = f.checkpointLocation;
      if (loc === undefined || loc.trim() === "")
        out.push({
          resource: r,
          message: `${what} has no checkpoint location; an interrupted job restarts from scratch (set checkpoint_config.s3_uri, CHECKPOINT_URI or the checkpoint-uri tag)`,
        });
      else if (loc.includes("${"))
        out.push({ resource: r, unknown: true, message: `checkpoint location is unknown at synth (${loc})` });
      else if (check.locationPattern !== undefined && !compileRegex(check.locationPattern).test(loc))
        out.push({ resource: r, message: `checkpoint location ${loc} does not match /${check.locationPattern}/` });
    }
    return out;
  },
  loosenings(central, project) {
    return [
      ...notWeaker("when", ["spot", "always"], central.when ?? "spot", project.when ?? "spot"),
      ...(central.locationPattern !== undefined ? same("locationPattern", central.locationPattern, project.locationPattern) : []),
    ];
  },
};
