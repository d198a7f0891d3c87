import type { NodePoolCheck } from "../policy-document.js";
import { durationSeconds, formatSeconds } from "../duration.js";
import { keepsAll, upperBound } from "./strictness.js";
import type { CheckDefinition, CheckResult } from "./check-definition.js";

/**
 * Karpenter NodePools are bounded and give idle capacity back: required `limits` (a GPU pool without a GPU
 * limit can launch GPUs without end), a consolidation policy with a bounded `consolidateAfter`, and spot among
 * the capacity types. Resources that are not NodePools are not judged; with `gpuOnly` (default) neither are
 * pools that cannot launch GPUs or accelerators. A limit written as an expression is *unknown*.
 */
export const nodePool: CheckDefinition<NodePoolCheck> = {
  kind: "node-pool",
  evaluate(check, ctx) {
    const out: CheckResult[] = [];
    for (const r of ctx.head) {
      const p = r.estimate.facts.nodePool;
      if (!p || ((check.gpuOnly ?? true) && !p.mayRunGpus)) continue;
      const problems: string[] = [];
      let unknown = false;
      for (const need of check.requireLimits ?? []) {
        const set = need === "gpu" ? p.limits.gpus || p.limits.neuron : need === "cpu" ? p.limits.cpu : p.limits.memory;
        const keys = need === "gpu" ? ["gpus", "neuron"] : need === "cpu" ? ["cpu"] : ["memoryGib"];
        if (set) continue;
        if (p.limits.unresolved.some((k) => keys.includes(k))) unknown = true;
        else problems.push(`NodePool ${p.name} has no ${need === "gpu" ? "nvidia.com/gpu (or aws.amazon.com/neuron)" : need} limit, so it can launch ${need === "gpu" ? "GPUs" : "capacity"} without bound; set spec.limits`);
      }
      if (check.consolidation) {
        const max = durationSeconds(check.consolidation.maxConsolidateAfter);
        const after = p.consolidateAfterSeconds;
        if (p.consolidationPolicy === undefined) problems.push(`NodePool ${p.name} sets no disruption.consolidationPolicy; idle GPU nodes are not consolidated`);
        else if (after === null) problems.push(`NodePool ${p.name} never consolidates (consolidateAfter: Never)`);
        else if (after !== undefined && after > max) problems.push(`NodePool ${p.name} waits ${formatSeconds(after)} before consolidating idle nodes; at most ${check.consolidation.maxConsolidateAfter}`);
      }
      if (check.requireSpot && !p.capacityTypes.includes("spot"))
        problems.push(`NodePool ${p.name} allows only ${p.capacityTypes.join(", ")} capacity; add spot to karpenter.sh/capacity-type`);
      if (problems.length) out.push({ resource: r, message: problems.join("; ") });
      else if (unknown) out.push({ resource: r, unknown: true, message: `NodePool ${p.name}'s limits are expressions costgate cannot resolve, so they cannot be shown to bound it` });
    }
    return out;
  },
  loosenings(central, project) {
    const out = [...keepsAll("required limits", central.requireLimits, project.requireLimits)];
    if ((central.gpuOnly ?? true) === false && (project.gpuOnly ?? true) === true) out.push("narrows the rule to GPU pools only");
    if (central.requireSpot && !project.requireSpot) out.push("drops requireSpot");
    if (central.consolidation) {
      if (!project.consolidation) out.push("drops consolidation");
      else out.push(...upperBound("consolidation.maxConsolidateAfter (seconds)", durationSeconds(central.consolidation.maxConsolidateAfter), durationSeconds(project.consolidation.maxConsolidateAfter)));
    }
    return out;
  },
};
