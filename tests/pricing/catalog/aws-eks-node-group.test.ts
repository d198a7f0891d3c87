import { describe, expect, it } from "vitest";
import { parseUsage } from "../../../src/pricing/usage.js";
import { priceStack } from "../../helpers/stack-plan.js";
import { evaluatePolicies } from "../../../src/policy/evaluate-policies.js";
import { rule } from "../../policy/build-estimate.js";

describe("aws_eks_node_group", () => {
  it("prices desired size × first instance type, spot for capacity_type SPOT, with the node disk", async () => {
    const { res } = await priceStack({
      aws_eks_node_group: { p: { instance_types: ["g5.2xlarge", "g5.4xlarge"], capacity_type: "SPOT", disk_size: 50, scaling_config: { desired_size: 2, min_size: 0, max_size: 4 } } },
    });
    const p = res("aws_eks_node_group.p");
    expect(p.components[0]).toMatchObject({ purchaseOption: "spot", monthlyQuantity: 1460, unitPrice: 1.212 * 0.5 });
    expect(p.components[0]!.name).toMatch(/first of 2 instance types/);
    expect(p.components[1]).toMatchObject({ monthlyQuantity: 100, monthlyCost: 10 });
    expect(p.facts).toMatchObject({ instanceTypes: ["g5.2xlarge", "g5.4xlarge"], purchaseOption: "spot", scalesToZero: true, gpusPerInstance: 1 });
  });

  it("takes the instance type from a referenced launch template, and its volumes instead of disk_size", async () => {
    const { res } = await priceStack({
      aws_launch_template: { lt: { instance_type: "p4d.24xlarge", block_device_mappings: [{ device_name: "/dev/xvda", ebs: { volume_size: 500, volume_type: "gp3" } }] } },
      aws_eks_node_group: { p: { launch_template: { id: "${aws_launch_template.lt.id}", version: "1" }, scaling_config: { desired_size: 1, min_size: 1, max_size: 1 } } },
    });
    const p = res("aws_eks_node_group.p");
    expect(p.components.map((c) => c.monthlyCost)).toEqual([21.957642 * 730, 0.08 * 500]);
    expect(p.facts.gpusPerInstance).toBe(8);
  });

  it("at desired size 0 says it scales from zero, with its ceiling and the usage key that prices it", async () => {
    const group = { instance_types: ["g5.xlarge"], capacity_type: "SPOT", scaling_config: { desired_size: 0, min_size: 0, max_size: 4 } };
    const idle = (await priceStack({ aws_eks_node_group: { p: group } })).res("aws_eks_node_group.p").components[0]!;
    expect(idle).toMatchObject({ monthlyQuantity: 0, monthlyCost: 0 });
    expect(idle.name).toBe("Node usage, scales from zero to 4 nodes; set usage instance_count (Linux/UNIX, spot, g5.xlarge)");
    const usage = parseUsage("resource_usage:\n  aws_eks_node_group.p:\n    instance_count: 1.5\n", "u.yml");
    const used = (await priceStack({ aws_eks_node_group: { p: group } }, { usage })).res("aws_eks_node_group.p").components[0]!;
    expect(used.name).toBe("Node usage (Linux/UNIX, spot, g5.xlarge)");
    expect(used.monthlyQuantity).toBeCloseTo(1.5 * 730, 6);
  });

  it("is unpriced when desired size is an expression", async () => {
    const { res } = await priceStack({ aws_eks_node_group: { p: { instance_types: ["g5.xlarge"], scaling_config: { desired_size: "${var.n}", min_size: 1, max_size: 3 } } } });
    expect(res("aws_eks_node_group.p").components[0]!.unpricedReason).toMatch(/desired size is an expression/);
  });
});

// A managed node group may launch any of its instance_types: the expected cost is at the first (EKS tries them in
// order for On-Demand), the high end at the costliest. Prices are read from single-type groups priced the same way.
describe("aws_eks_node_group with several instance types: the high end at the costliest", () => {
  const group = (types: unknown[], extra: Record<string, unknown> = {}) => ({
    aws_eks_node_group: { p: { instance_types: types, scaling_config: { desired_size: 1, min_size: 1, max_size: 3 }, ...extra } },
  });
  const rateOf = async (type: string, extra: Record<string, unknown> = {}) =>
    (await priceStack(group([type], extra))).res("aws_eks_node_group.p").components[0]!;

  it("on-demand: expected at m5.large, the ceiling at p4d.24xlarge × max size (a cap then sees it)", async () => {
    const m5 = (await rateOf("m5.large")).unitPrice!;
    const p4d = (await rateOf("p4d.24xlarge")).unitPrice!;
    expect(p4d).toBeGreaterThan(m5);
    const { estimate, res } = await priceStack(group(["m5.large", "p4d.24xlarge"]));
    const node = res("aws_eks_node_group.p");
    const c = node.components[0]!;
    expect(c.unitPrice).toBe(m5);
    expect(c.monthlyCost).toBeCloseTo(m5 * 730, 9);
    expect(c.costRange!.low).toBeCloseTo(m5 * 730, 9);
    expect(c.costRange!.high).toBeCloseTo(p4d * 3 * 730, 9);
    expect(c.highEndInstanceType).toBe("p4d.24xlarge");
    expect(c.name).toMatch(/first of 2 instance types \(the costliest at the high end\)/);
    expect(node.range.high).toBeGreaterThanOrEqual(p4d * 3 * 730);
    expect(node.rangeOnDemand.high).toBe(node.range.high);
    // A $5,000/month cap: within it at m5.large (~$70), over it at 3 × p4d.24xlarge (~$48k): unknown, which fails.
    const v = evaluatePolicies([rule("{kind: resource-cost, maxMonthly: 5000}")], estimate);
    expect(v.status).toBe("fail");
    expect(v.findings[0]!.message).toMatch(/^\$72\.08\/month expected is within the cap, but it could reach \$48,093\/month at maximum capacity$/);
  });

  it("spot: the ceiling at the costliest spot rate, the on-demand basis at the costliest on-demand rate", async () => {
    const spot = { capacity_type: "SPOT" };
    const g5 = await rateOf("g5.xlarge", spot);
    const p4d = await rateOf("p4d.24xlarge", spot);
    const c = (await priceStack(group(["g5.xlarge", "p4d.24xlarge"], spot))).res("aws_eks_node_group.p").components[0]!;
    expect(c.unitPrice).toBe(g5.unitPrice);
    expect(c.costRange!.high).toBeCloseTo(Math.max(g5.unitPrice!, p4d.unitPrice!) * 3 * 730, 9);
    expect(c.onDemandCostRange!.low).toBeCloseTo(g5.onDemandUnitPrice! * 730, 9);
    expect(c.onDemandCostRange!.high).toBeCloseTo(Math.max(g5.onDemandUnitPrice!, p4d.onDemandUnitPrice!) * 3 * 730, 9);
  });

  it("the first type costliest: the ceiling stays at it", async () => {
    const p4d = (await rateOf("p4d.24xlarge")).unitPrice!;
    const c = (await priceStack(group(["p4d.24xlarge", "m5.large"]))).res("aws_eks_node_group.p").components[0]!;
    expect(c.costRange!.high).toBeCloseTo(p4d * 3 * 730, 9);
    expect(c.highEndInstanceType).toBe("p4d.24xlarge");
  });

  it("another type that is an expression: the ceiling is unknown (high null), the expected cost still priced, the type unknown to policies", async () => {
    const { estimate, res } = await priceStack(group(["m5.large", "${var.big_type}"]));
    const node = res("aws_eks_node_group.p");
    expect(node.facts.instanceTypes).toEqual(["m5.large", "${var.big_type}"]);
    expect(evaluatePolicies([rule("{kind: instance-types, deny: [p5]}")], estimate).findings).toEqual([expect.objectContaining({ unknown: true })]);
    expect(node.components[0]!.costRange!.high).toBeNull();
    expect(node.components[0]!.highEndInstanceType).toBe("${var.big_type}");
    expect(node.range.high).toBeNull();
    expect(node.components[0]!.monthlyCost).not.toBeNull();
  });

  it("another type that is not an instance type is a typo like the first one: one positioned error", async () => {
    await expect(priceStack(group(["m5.large", "p9.mega"]))).rejects.toThrow("inline.json at /resource/aws_eks_node_group/p/instance_types/1: unknown instance type `p9.mega`");
  });

  it("a fixed count from the usage file still gets its ceiling at the costliest type", async () => {
    const usage = parseUsage("resource_usage:\n  aws_eks_node_group.p:\n    instance_count: 2\n", "u.yml");
    const p4d = (await rateOf("p4d.24xlarge")).unitPrice!;
    const c = (await priceStack(group(["m5.large", "p4d.24xlarge"]), { usage })).res("aws_eks_node_group.p").components[0]!;
    expect(c.quantityRange).toEqual({ low: 1460, high: 1460 });
    expect(c.costRange!.high).toBeCloseTo(p4d * 1460, 9);
  });

  it("a CPU type first does not hide a GPU type from gpu-count or GPU pricing coverage", async () => {
    const { estimate, res } = await priceStack(group(["m5.large", "p4d.24xlarge"]));
    expect(res("aws_eks_node_group.p").facts.maxGpuCount).toBe(8 * 3);
    const v = evaluatePolicies([rule("{kind: gpu-count, maxPerResource: 8}")], estimate);
    expect(v.findings.map((f) => f.message)).toEqual([expect.stringMatching(/^0 GPUs now, but up to 24 at maximum capacity/)]);
    const unknown = await priceStack(group(["m5.large", "${var.t}"]));
    expect(unknown.res("aws_eks_node_group.p").facts.maxGpuCount).toBeNull();
    // Its node usage unpriced (desired size an expression): a GPU-only coverage rule sees the GPU type it may run.
    const unpriced = await priceStack({ aws_eks_node_group: { p: { instance_types: ["m5.large", "p4d.24xlarge"], scaling_config: { desired_size: "${var.n}", min_size: 1, max_size: 3 } } } });
    const cov = evaluatePolicies([rule("{kind: pricing-coverage, gpuOnly: true}")], unpriced.estimate);
    expect(cov.findings.map((f) => f.message)).toEqual([expect.stringMatching(/^GPU cost is not priced \(Node usage.*desired size is an expression/)]);
  });

  it("no known upper bound (max_size an expression, a usage-file count): the GPU ceiling is unknown, as for one type", async () => {
    const unbounded = await priceStack({ aws_eks_node_group: { p: { instance_types: ["p5.48xlarge", "p4d.24xlarge"], scaling_config: { desired_size: 1, min_size: 1, max_size: "${var.max}" } } } });
    expect(unbounded.res("aws_eks_node_group.p").facts.maxGpuCount).toBeNull();
    const v = evaluatePolicies([rule("{kind: gpu-count, maxPerResource: 8}")], unbounded.estimate);
    expect(v.findings.map((f) => f.message)).toEqual([expect.stringMatching(/^8 GPUs now, but its capacity has no upper bound/)]);
    const usage = parseUsage("resource_usage:\n  aws_eks_node_group.p:\n    instance_count: 1\n", "u.yml");
    const counted = await priceStack(group(["p5.48xlarge", "p4d.24xlarge"]), { usage });
    expect(counted.res("aws_eks_node_group.p").facts.maxGpuCount).toBeNull();
  });

  it("a later type without a price: GPU-only pricing coverage flags the unknown high end", async () => {
    const { estimate } = await priceStack(group(["m5.large", "p5e.48xlarge"]));
    const cov = evaluatePolicies([rule("{kind: pricing-coverage, gpuOnly: true}")], estimate);
    expect(cov.findings.map((f) => f.message)).toEqual([expect.stringMatching(/it may also run p5e\.48xlarge, whose price or count at the high end is unknown/)]);
  });

  it("an empty type (how provider state writes an unset one) is not a known type", async () => {
    const { res } = await priceStack(group(["m5.large", ""]));
    const node = res("aws_eks_node_group.p");
    expect(node.facts.instanceTypes).toEqual(["m5.large", "${no type}"]);
    expect(node.components[0]!.costRange!.high).toBeNull();
  });
});
