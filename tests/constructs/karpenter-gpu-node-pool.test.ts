import { afterEach, describe, expect, test } from "vitest";
import { applyCostGovernance } from "../../constructs/governance/apply-cost-governance.js";
import { KarpenterGpuNodePool, type KarpenterGpuNodePoolProps } from "../../constructs/node-pool/karpenter-gpu-node-pool.js";
import { CostTags } from "../../constructs/tags/cost-tags.js";
import { planFromCdktfStack } from "../../src/plan/cdktf-plan.js";
import { estimatePlan } from "../../src/pricing/estimate-plans.js";
import { parseUsage } from "../../src/pricing/usage.js";
import { GOOD_TAGS, errors, resourcesOf, synth, testApp, type TestApp } from "./synth-helpers.js";

const BASE: KarpenterGpuNodePoolProps = {
  name: "train-gpu",
  workload: "training",
  instanceFamilies: ["g5"],
  gpuLimit: 16,
  nodeClass: { role: "KarpenterNodeRole-ml", discoveryTag: "ml-cluster" },
};

let t: TestApp;
afterEach(() => t?.cleanup());

function pool(props: Partial<KarpenterGpuNodePoolProps> = {}) {
  t = testApp();
  const stack = t.stack("dev");
  CostTags.of(stack).set(GOOD_TAGS);
  new KarpenterGpuNodePool(stack, "pool", { ...BASE, ...props });
  return stack;
}

describe("KarpenterGpuNodePool", () => {
  test("a bounded, consolidating, spot-first GPU NodePool whose nodes carry the cost tags", () => {
    const json = synth(pool());
    const manifests = Object.values(resourcesOf(json, "kubernetes_manifest")).map((m) => m.manifest as Record<string, any>);
    const np = manifests.find((m) => m.kind === "NodePool")!;
    const nc = manifests.find((m) => m.kind === "EC2NodeClass")!;
    expect(np.spec.limits).toEqual({ "nvidia.com/gpu": "16" });
    expect(np.spec.disruption).toEqual({ consolidationPolicy: "WhenEmptyOrUnderutilized", consolidateAfter: "5m" });
    expect(np.spec.template.spec.requirements).toContainEqual({ key: "karpenter.sh/capacity-type", operator: "In", values: ["spot", "on-demand"] });
    expect(np.spec.template.spec.nodeClassRef).toEqual({ group: "karpenter.k8s.aws", kind: "EC2NodeClass", name: "train-gpu-nodes" });
    expect(nc.spec.tags).toEqual({ ...GOOD_TAGS, workload: "training" });
    // Label values must be valid Kubernetes labels: an e-mail owner stays an AWS tag only.
    expect(np.spec.template.metadata.labels["costgate/team"]).toBe(GOOD_TAGS.team);
  });

  test("costgate prices it: the GPU limit bounds the ceiling, and the nodes' tags are the EC2NodeClass's", async () => {
    const json = synth(pool());
    const usage = parseUsage("resource_type_default_usage:\n  kubernetes_manifest:\n    node_hours: 730\n", "usage.yml");
    const e = await estimatePlan(planFromCdktfStack(json, { stack: "dev", file: "dev/cdk.tf.json", defaultRegion: "us-east-1" }), { usage });
    const r = e.stacks[0]!.resources.find((x) => x.facts.nodePool)!;
    // 16 GPUs: the g5 type with the most nodes × price under the limit. g5.xlarge..16xlarge have 1 GPU (16 nodes);
    // the costliest of those per hour is g5.16xlarge ($4.096) → 16 × 4.096 = 65.536/h; g5.12xlarge/24xlarge have 4
    // (4 nodes: 22.688, 32.576/h); g5.48xlarge 8 (2 nodes: 32.576/h). Ceiling on demand: 65.536 × 730 = 47,841.28
    // plus 16 nodes × 200 GB gp3 × $0.08 = $256.
    expect(r.rangeOnDemand.high).toBeCloseTo(47_841.28 + 256, 6);
    // Expected: 730 node-hours at the cheapest g5 (g5.xlarge $1.006) = 734.38, plus one node's 200 GB × $0.08 = 16.
    expect(r.rangeOnDemand.expected).toBeCloseTo(734.38 + 16, 6);
    expect(r.facts.maxGpuCount).toBe(16);
    expect(r.facts.workload).toBe("training");
    expect(r.tags).toMatchObject(GOOD_TAGS);
  });

  test("the governance aspect judges it like any resource; a missing GPU limit is refused at construction", () => {
    t = testApp();
    const stack = t.stack("dev");
    CostTags.of(stack).set(GOOD_TAGS);
    new KarpenterGpuNodePool(stack, "pool", { ...BASE, gpuLimit: 0 });
    expect(errors(stack).map((a) => a.message).join("\n")).toMatch(/gpuLimit/);
    const ok = pool();
    applyCostGovernance(ok, { policy: "policies/default.yaml", today: "2026-11-30", print: false });
    synth(ok);
    // Without usage the pool's expected cost is unknown: the default budget says so (a warning at synth), while
    // the GPU-limit, consolidation and spot rules pass.
    const messages = errors(ok).map((a) => a.message).join("\n");
    expect(messages).not.toMatch(/CG-GPU-003|CG-GPU-004|CG-SPOT-003/);
  });
});
