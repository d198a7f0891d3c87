import type { InferenceScalingCheck } from "../policy-document.js";
import { notWeaker, upperBound } from "./strictness.js";
import type { CheckDefinition, CheckResult } from "./check-definition.js";

/**
 * Inference capacity can come down when idle: minimum capacity at most a cap, able to scale to zero, or
 * scale-to-zero or a scheduled scale-down. Applies to resources whose workload is inference.
 */
export const inferenceScaling: CheckDefinition<InferenceScalingCheck> = {
  kind: "inference-scaling",
  evaluate(check, ctx) {
    const out: CheckResult[] = [];
    for (const r of ctx.head) {
      const f = r.estimate.facts;
      if (f.workload !== "inference") continue;
      const problems: string[] = [];
      let unknown = false;
      if (check.maxMinCapacity !== undefined) {
        const min = f.minCapacity === undefined ? f.instanceCount : f.minCapacity;
        if (min === null) unknown = true;
        else if (min > check.maxMinCapacity) problems.push(`minimum capacity ${min} exceeds ${check.maxMinCapacity}`);
      }
      const toZero = f.scalesToZero === true || f.minCapacity === 0;
      if (check.require === "scale-to-zero" && !toZero) problems.push("cannot scale to zero (set min capacity 0 or use serverless inference)");
      if (check.require === "scale-down" && !toZero && f.scaleDownScheduled !== true)
        problems.push("neither scales to zero nor has a scheduled scale-down");
      if (problems.length) out.push({ resource: r, message: problems.join("; ") });
      else if (unknown)
        out.push({ resource: r, unknown: true, message: `minimum capacity is unknown at synth; cap ${check.maxMinCapacity}` });
    }
    return out;
  },
  loosenings(central, project) {
    const scale = [undefined, "scale-down", "scale-to-zero"] as const;
    return [
      ...upperBound("maxMinCapacity", central.maxMinCapacity, project.maxMinCapacity),
      ...notWeaker("require", scale, central.require, project.require),
    ];
  },
};
