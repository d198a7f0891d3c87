import { describe, expect, it } from "vitest";
import { runGate } from "../../../src/gate.js";
import { parsePolicy } from "../../../src/policy/load-policy.js";
import { readFileSync } from "node:fs";
import { parseUsage } from "../../../src/pricing/usage.js";
import { priceStack, stackPlan } from "../../helpers/stack-plan.js";

// Karpenter NodePools in the shapes public EKS AI blueprints write them. Prices: embedded snapshot, us-east-1
// On-Demand: g5.2xlarge $1.212, g5.4xlarge $1.624, g5.8xlarge $2.448, g5.12xlarge $5.672, p5.48xlarge $55.04 /h;
// specs: g5.2xlarge 8 vCPU, 4xlarge 16, 8xlarge 32, 12xlarge 48; p5.48xlarge 8 GPUs. gp3 $0.08/GB-month.

/** ai-on-eks style: NodePool YAML in a kubectl_manifest, spot and on-demand, a CPU limit. */
const g5Pool = `apiVersion: karpenter.sh/v1
kind: NodePool
metadata:
  name: g5-gpu-karpenter
spec:
  template:
    metadata:
      labels:
        type: karpenter
        NodeGroupType: g5-gpu-karpenter
    spec:
      nodeClassRef:
        group: karpenter.k8s.aws
        kind: EC2NodeClass
        name: g5-gpu-karpenter
      requirements:
        - key: "karpenter.k8s.aws/instance-family"
          operator: In
          values: ["g5"]
        - key: "karpenter.k8s.aws/instance-size"
          operator: In
          values: ["2xlarge", "4xlarge", "8xlarge", "12xlarge"]
        - key: "kubernetes.io/arch"
          operator: In
          values: ["amd64"]
        - key: "karpenter.sh/capacity-type"
          operator: In
          values: ["spot", "on-demand"]
  limits:
    cpu: 1000
  disruption:
    consolidationPolicy: WhenEmpty
    consolidateAfter: 180s
`;

const g5NodeClass = `apiVersion: karpenter.k8s.aws/v1
kind: EC2NodeClass
metadata:
  name: g5-gpu-karpenter
spec:
  amiSelectorTerms:
    - alias: al2023@latest
  blockDeviceMappings:
    - deviceName: /dev/xvda
      ebs:
        volumeSize: 100Gi
        volumeType: gp3
`;

/** A kubernetes_manifest NodePool (object), v1beta1, on-demand p5 with a GPU limit. */
const p5Pool = {
  apiVersion: "karpenter.sh/v1beta1",
  kind: "NodePool",
  metadata: { name: "p5-training" },
  spec: {
    template: {
      metadata: { labels: { workload: "training" } },
      spec: {
        nodeClassRef: { name: "default" },
        requirements: [
          { key: "node.kubernetes.io/instance-type", operator: "In", values: ["p5.48xlarge"] },
          { key: "karpenter.sh/capacity-type", operator: "In", values: ["on-demand"] },
        ],
      },
    },
    limits: { "nvidia.com/gpu": "16" },
    disruption: { consolidationPolicy: "WhenUnderutilized" },
  },
};

describe("Karpenter NodePools", () => {
  it("kubectl_manifest YAML: the ceiling is the most nodes the CPU limit allows of the most expensive type", async () => {
    const usage = parseUsage("resource_usage:\n  kubectl_manifest.pool:\n    node_hours: 1460\n", "usage.yml");
    const { res } = await priceStack({ kubectl_manifest: { pool: { yaml_body: g5Pool }, nodeclass: { yaml_body: g5NodeClass } } }, { usage });
    const r = res("kubectl_manifest.pool");
    expect(r.status).toBe("priced");
    expect(r.facts.instanceTypes).toEqual(["g5.12xlarge", "g5.2xlarge", "g5.4xlarge", "g5.8xlarge"]);
    expect(r.facts.purchaseOption).toBe("mixed");
    // Nodes the 1,000 vCPU limit allows: 2xlarge 125, 4xlarge 62, 8xlarge 31, 12xlarge 20.
    // On-demand per hour at those counts: 151.50, 100.688, 75.888, 113.44 → the ceiling is 125 × g5.2xlarge.
    // 151.5 × 730 = 110,595.00 (instances); volumes: 125 nodes × 100 GB × $0.08 = $1,000.00.
    expect(r.rangeOnDemand.high).toBeCloseTo(110_595 + 1_000, 6);
    // Expected: 1,460 node-hours at the cheapest type, g5.2xlarge: 1,460 × 1.212 = 1,769.52 on demand;
    // volumes at 2 nodes on average: 200 GB × 0.08 = 16.00.
    expect(r.rangeOnDemand.expected).toBeCloseTo(1769.52 + 16, 6);
    expect(r.components[0]!.purchaseOption).toBe("spot");
    expect(r.components[0]!.priceKey).toBe("ec2-instance|us-east-1|g5.2xlarge");
    expect(res("kubectl_manifest.nodeclass").status).toBe("not-aws");
  });

  it("kubernetes_manifest object: a GPU limit bounds GPU-hours and GPUs", async () => {
    const usage = parseUsage("resource_usage:\n  kubernetes_manifest.p5:\n    gpu_hours: 1168\n", "usage.yml");
    const { res } = await priceStack({ kubernetes_manifest: { p5: { manifest: p5Pool } } }, { usage });
    const r = res("kubernetes_manifest.p5");
    // 16 GPUs ÷ 8 per p5.48xlarge = 2 nodes: 2 × 55.04 × 730 = 80,358.40. Expected: 1,168 GPU-hours ÷ 8 = 146 h × 55.04 = 8,035.84.
    expect(r.range.high).toBeCloseTo(80_358.4, 6);
    expect(r.range.expected).toBeCloseTo(8_035.84, 6);
    expect(r.facts.maxGpuCount).toBe(16);
    expect(r.facts.workload).toBe("training");
    expect(r.facts.nodePool).toMatchObject({ name: "p5-training", capacityTypes: ["on-demand"], limits: { gpus: true, cpu: false } });
  });

  it("a pool without limits is unbounded; without usage its expected cost is unknown, never $0", async () => {
    const pool = { ...p5Pool, spec: { ...p5Pool.spec, limits: undefined } };
    const { res } = await priceStack({ kubernetes_manifest: { p5: { manifest: pool } } });
    const r = res("kubernetes_manifest.p5");
    expect(r.status).toBe("usage-based");
    expect(r.complete).toBe(false);
    expect(r.range.high).toBeNull();
    expect(r.facts.maxGpuCount).toBeNull();
    expect(r.notes.join(" ")).toContain("set `node_hours`");
  });

  it("an unresolved requirement leaves the types open: unknown to GPU rules", async () => {
    const pool = structuredClone(p5Pool);
    pool.spec.template.spec.requirements[0]!.values = ["${var.gpu_type}"];
    const { res } = await priceStack({ kubernetes_manifest: { p5: { manifest: pool } } });
    const r = res("kubernetes_manifest.p5");
    expect(r.facts.instanceTypes).toContain("${var.gpu_type}");
    expect(r.facts.maxGpuCount).toBeNull();
  });

  it("other Kubernetes objects are not AWS cost; the default policy fails an unbounded GPU NodePool in a dev stack", async () => {
    const pool = { ...p5Pool, spec: { ...p5Pool.spec, limits: undefined, disruption: { consolidationPolicy: "WhenEmpty", consolidateAfter: "Never" } } };
    const plan = stackPlan(
      {
        kubernetes_manifest: { p5: { manifest: pool }, ns: { manifest: { apiVersion: "v1", kind: "Namespace", metadata: { name: "ml" } } } },
        aws_s3_bucket: { data: { bucket: "d", tags: { environment: "dev" } } },
      },
      { stack: "ml-dev" },
    );
    const policies = [parsePolicy(readFileSync("policies/default.yaml", "utf8"), "policies/default.yaml")];
    const usage = parseUsage("resource_usage:\n  kubernetes_manifest.p5:\n    gpu_hours: 100\n", "usage.yml");
    const { head, verdict } = await runGate({ head: plan, policies, evaluation: { today: "2026-11-30" } }, { usage });
    expect(head.stacks[0]!.resources.find((r) => r.address === "kubernetes_manifest.ns")!.status).toBe("not-aws");
    expect(verdict!.status).toBe("fail");
    const byRule = (id: string) => verdict!.findings.filter((f) => f.ruleId === id && f.address === "kubernetes_manifest.p5");
    expect(byRule("CG-GPU-003")[0]).toMatchObject({ enforcement: "hard-mandatory", environment: "dev" });
    expect(byRule("CG-GPU-003")[0]!.message).toContain("has no nvidia.com/gpu (or aws.amazon.com/neuron) limit");
    expect(byRule("CG-GPU-004")[0]!.message).toContain("never consolidates");
    expect(byRule("CG-SPOT-003")[0]!.message).toContain("add spot");
  });
});
