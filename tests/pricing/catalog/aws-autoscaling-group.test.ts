import { describe, expect, it } from "vitest";
import { onDemandInstances } from "../../../src/pricing/catalog/aws-autoscaling-group.js";
import { priceStack } from "../../helpers/stack-plan.js";
import { evaluatePolicies } from "../../../src/policy/evaluate-policies.js";
import { rule } from "../../policy/build-estimate.js";

describe("aws_autoscaling_group", () => {
  it("splits mixed instances as base + ceil((n - base) × pct / 100) on-demand", () => {
    expect(onDemandInstances(10, 2, 25)).toBe(4);
    expect(onDemandInstances(10, 0, 0)).toBe(0);
    expect(onDemandInstances(10, 0, 100)).toBe(10);
    expect(onDemandInstances(7, 0, 50)).toBe(4); // 3.5 rounds up
    expect(onDemandInstances(1, 3, 0)).toBe(1); // capacity below the base is all on-demand
  });

  const lt = { aws_launch_template: { lt: { name: "gpu", instance_type: "g5.xlarge", block_device_mappings: [{ device_name: "/dev/xvda", ebs: { volume_size: 100, volume_type: "gp3" } }] } } };

  it("prices desired capacity of the referenced launch template's type; the template alone is free", async () => {
    const { res } = await priceStack({
      ...lt,
      aws_autoscaling_group: { g: { min_size: 1, max_size: 5, desired_capacity: 3, launch_template: { id: "${aws_launch_template.lt.id}", version: "$Latest" } } },
    });
    expect(res("aws_launch_template.lt")).toMatchObject({ status: "free", monthlyCost: 0 });
    const g = res("aws_autoscaling_group.g");
    expect(g.components.map((c) => [c.purchaseOption, c.monthlyQuantity, c.monthlyCost])).toEqual([
      ["on-demand", 3 * 730, 1.006 * 3 * 730],
      ["on-demand", 300, 0.08 * 300],
    ]);
    expect(g.facts).toMatchObject({ instanceTypes: ["g5.xlarge"], instanceCount: 3, purchaseOption: "on-demand", minCapacity: 1 });
  });

  it("falls back to min_size when desired_capacity is not set, and resolves templates by literal name", async () => {
    const { res } = await priceStack({ ...lt, aws_autoscaling_group: { g: { min_size: 2, max_size: 5, launch_template: { name: "gpu" } } } });
    expect(res("aws_autoscaling_group.g").components[0]!.monthlyQuantity).toBe(2 * 730);
  });

  it("prices a mixed instances policy split into on-demand and spot components", async () => {
    const { res } = await priceStack({
      ...lt,
      aws_autoscaling_group: {
        g: {
          min_size: 0,
          max_size: 20,
          desired_capacity: 10,
          mixed_instances_policy: {
            instances_distribution: { on_demand_base_capacity: 2, on_demand_percentage_above_base_capacity: 25 },
            launch_template: { launch_template_specification: { launch_template_id: "${aws_launch_template.lt.id}" }, override: [{ instance_type: "g5.2xlarge" }] },
          },
        },
      },
    });
    const g = res("aws_autoscaling_group.g");
    expect(g.components.slice(0, 2).map((c) => [c.purchaseOption, c.monthlyQuantity, c.unitPrice])).toEqual([
      ["on-demand", 4 * 730, 1.212],
      ["spot", 6 * 730, 1.212 * 0.5],
    ]);
    expect(g.monthlyCost).toBeCloseTo(1.212 * 4 * 730 + 1.212 * 0.5 * 6 * 730 + 0.08 * 1000, 9);
    expect(g.monthlyCostOnDemand).toBeCloseTo(1.212 * 4 * 730 + 1.212 * 6 * 730 + 0.08 * 1000, 9);
    expect(g.facts.purchaseOption).toBe("mixed");
  });

  it("is unpriced when the launch template cannot be resolved", async () => {
    const { res } = await priceStack({ aws_autoscaling_group: { g: { min_size: 1, max_size: 1, launch_template: { id: "lt-0abc" } } } });
    expect(res("aws_autoscaling_group.g").components[0]!.unpricedReason).toMatch(/the launch template is not in this stack/);
  });

  it("converts weighted capacity units to instances: desired 24 units, weight 8 → 3 instances (item 6)", async () => {
    const { res } = await priceStack({
      ...lt,
      aws_autoscaling_group: {
        g: {
          min_size: 0,
          max_size: 64,
          desired_capacity: 24,
          mixed_instances_policy: {
            instances_distribution: { on_demand_base_capacity: 8, on_demand_percentage_above_base_capacity: 0 },
            launch_template: {
              launch_template_specification: { launch_template_id: "${aws_launch_template.lt.id}" },
              override: [{ instance_type: "g5.2xlarge", weighted_capacity: "8" }, { instance_type: "g5.4xlarge", weighted_capacity: "16" }],
            },
          },
        },
      },
    });
    const g = res("aws_autoscaling_group.g");
    // base 8 units on-demand = 1 instance; 16 units spot = 2 instances (not 8 + 16 instances)
    expect(g.components.slice(0, 2).map((c) => [c.purchaseOption, c.monthlyQuantity])).toEqual([
      ["on-demand", 730],
      ["spot", 2 * 730],
    ]);
    // 730 × $1.212 + 1,460 × $0.606 + 3 × 100 GB gp3 × $0.08 = $884.76 + $884.76 + $24.00 = $1,793.52
    expect(g.monthlyCost).toBeCloseTo(730 * 1.212 + 1460 * 1.212 * 0.5 + 3 * 100 * 0.08, 9);
    expect(g.facts).toMatchObject({ instanceCount: 3, gpusPerInstance: 1, purchaseOption: "mixed" });
    // Capacity in instances at both ends: max_size 64 units ÷ 8 = 8 instances (the base capacity is on-demand).
    expect(g.facts).toMatchObject({ minCapacity: 0, maxCapacity: 8 });
    const bounded = await priceStack({ ...lt, aws_autoscaling_group: { g: { min_size: 16, max_size: 64, desired_capacity: 24, mixed_instances_policy: { launch_template: { launch_template_specification: { launch_template_id: "${aws_launch_template.lt.id}" }, override: [{ instance_type: "g5.2xlarge", weighted_capacity: "8" }] } } } } });
    expect(bounded.res("aws_autoscaling_group.g").facts).toMatchObject({ minCapacity: 2, maxCapacity: 8 });
  });

  it("converts desired_capacity_type = vcpu with the type's vCPUs; memory-mib and unknown weights leave the count unknown (item 6)", async () => {
    const { res } = await priceStack({
      ...lt,
      aws_autoscaling_group: {
        v: { min_size: 0, max_size: 100, desired_capacity: 10, desired_capacity_type: "vcpu", launch_template: { name: "gpu" } },
        m: { min_size: 0, max_size: 100, desired_capacity: 65536, desired_capacity_type: "memory-mib", launch_template: { name: "gpu" } },
        w: {
          min_size: 0,
          max_size: 10,
          desired_capacity: 4,
          mixed_instances_policy: { launch_template: { launch_template_specification: { launch_template_name: "gpu" }, override: [{ instance_type: "g5.xlarge", weighted_capacity: "${var.weight}" }] } },
        },
      },
    });
    // g5.xlarge has 4 vCPUs: ⌈10 ÷ 4⌉ = 3 instances; 3 × 730 × $1.006 = $2,203.14 (+ 3 × 100 GB gp3 = $24)
    const v = res("aws_autoscaling_group.v");
    expect(v.components[0]!.monthlyQuantity).toBe(3 * 730);
    expect(v.facts.instanceCount).toBe(3);
    expect(v.monthlyCost).toBeCloseTo(3 * 730 * 1.006 + 24, 9);
    expect(res("aws_autoscaling_group.m").components[0]).toMatchObject({ monthlyQuantity: null, unpricedReason: expect.stringMatching(/MiB of memory/) });
    expect(res("aws_autoscaling_group.m").facts.instanceCount).toBeNull();
    expect(res("aws_autoscaling_group.w").components[0]!.unpricedReason).toMatch(/weighted_capacity is \$\{var\.weight\}/);
  });

  it("prices a launch configuration (by reference, spot via spot_price, its own root volume) (item 9)", async () => {
    const { res } = await priceStack({
      aws_launch_configuration: { lc: { name_prefix: "w-", image_id: "ami-1", instance_type: "g5.xlarge", spot_price: "0.9", root_block_device: { volume_size: 50, volume_type: "gp3" } } },
      aws_autoscaling_group: { g: { min_size: 1, max_size: 4, desired_capacity: 2, launch_configuration: "${aws_launch_configuration.lc.name}" } },
    });
    expect(res("aws_launch_configuration.lc").status).toBe("free");
    const g = res("aws_autoscaling_group.g");
    // 2 × 730 × $1.006 × 0.5 = $734.38 spot; 2 × 50 GB gp3 × $0.08 = $8.00 → $742.38
    expect(g.components.map((c) => [c.purchaseOption, c.monthlyQuantity])).toEqual([
      ["spot", 1460],
      ["on-demand", 100],
    ]);
    expect(g.monthlyCost).toBeCloseTo(1460 * 1.006 * 0.5 + 8, 9);
    expect(g.facts.purchaseOption).toBe("spot");
  });

  it("a template's spot option with on-demand-only settings elsewhere: the template decides (item 5)", async () => {
    const { res } = await priceStack({
      aws_launch_template: { s: { name: "s", instance_type: "g5.2xlarge", instance_market_options: [{ market_type: "spot", spot_options: [{ max_price: "1" }] }] } },
      aws_autoscaling_group: { g: { min_size: 3, max_size: 3, launch_template: [{ name: "s" }] } },
    });
    // 3 × 730 × $1.212 × 0.5 = $1,327.14
    expect(res("aws_autoscaling_group.g").monthlyCost).toBeCloseTo(3 * 730 * 1.212 * 0.5, 9);
  });
});

// A mixed instances policy may launch any of its overrides: the expected cost is at the first, the high end at the
// costliest, each override at its own weight (⌈units ÷ weight⌉ instances), and every override is an instance type
// of the group for policies.
describe("aws_autoscaling_group mixed instances: every override", () => {
  const lt = { aws_launch_template: { lt: { name: "gpu", instance_type: "g5.xlarge" } } };
  const asg = (override: unknown[], dist = { on_demand_base_capacity: 8, on_demand_percentage_above_base_capacity: 0 }) => ({
    ...lt,
    aws_autoscaling_group: {
      g: { min_size: 0, max_size: 64, desired_capacity: 24, mixed_instances_policy: { instances_distribution: dist, launch_template: { launch_template_specification: { launch_template_name: "gpu" }, override } } },
    },
  });
  const rates = async (type: string) => {
    const c = (await priceStack({ aws_instance: { i: { instance_type: type } } })).res("aws_instance.i").components[0]!;
    const spot = (await priceStack({ aws_instance: { i: { instance_type: type, instance_market_options: { market_type: "spot" } } } })).res("aws_instance.i").components[0]!;
    return { od: c.unitPrice!, spot: spot.unitPrice! };
  };

  it("the high end of each part at the costliest override at its own weight", async () => {
    const small = await rates("g5.2xlarge");
    const big = await rates("g5.4xlarge");
    const g = (await priceStack(asg([{ instance_type: "g5.2xlarge", weighted_capacity: "8" }, { instance_type: "g5.4xlarge", weighted_capacity: "16" }]))).res("aws_autoscaling_group.g");
    const [od, spot] = g.components;
    // At max 64 units: 8 on-demand (base) and 56 spot. g5.2xlarge (8 units): 1 and 7 instances; g5.4xlarge (16): 1 and 4.
    expect(od!.costRange!.high).toBeCloseTo(Math.max(1 * small.od, 1 * big.od) * 730, 9);
    expect(spot!.costRange!.high).toBeCloseTo(Math.max(7 * small.spot, 4 * big.spot) * 730, 9);
    expect(spot!.onDemandCostRange!.high).toBeCloseTo(Math.max(7 * small.od, 4 * big.od) * 730, 9);
    // The expected cost is still at the first override: 1 on-demand and 2 spot g5.2xlarge at 24 units.
    expect(od!.monthlyCost).toBeCloseTo(small.od * 730, 9);
    expect(spot!.monthlyCost).toBeCloseTo(2 * small.spot * 730, 9);
    expect(g.facts.instanceTypes).toEqual(["g5.2xlarge", "g5.4xlarge"]);
  });

  it("a denied type in a later override is found by the instance-types policy (it saw only the first)", async () => {
    const { estimate } = await priceStack(asg([{ instance_type: "g5.2xlarge" }, { instance_type: "p5.48xlarge" }]));
    const v = evaluatePolicies([rule("{kind: instance-types, deny: [p5]}")], estimate);
    expect(v.findings.map((f) => f.message)).toEqual([expect.stringMatching(/^p5\.48xlarge is denied \(matches `p5`\)/)]);
    expect(estimate.stacks[0]!.resources.find((r) => r.address === "aws_autoscaling_group.g")!.range.high).toBeGreaterThan(55 * 730);
  });

  it("an override by instance_requirements may launch any type: unknown to the policy, and the high end unknown", async () => {
    const { estimate, res } = await priceStack(asg([{ instance_type: "g5.2xlarge" }, { instance_requirements: { vcpu_count: { min: 4 }, memory_mib: { min: 16384 } } }]));
    const g = res("aws_autoscaling_group.g");
    expect(g.facts.instanceTypes).toEqual(["g5.2xlarge", "${instance_requirements}"]);
    expect(g.components[0]!.costRange!.high).toBeNull();
    expect(g.range.high).toBeNull();
    const v = evaluatePolicies([rule("{kind: instance-types, deny: [p5]}")], estimate);
    expect(v.findings).toEqual([expect.objectContaining({ address: "aws_autoscaling_group.g", unknown: true })]);
  });
});

describe("aws_autoscaling_group mixed instances: overrides costgate cannot read", () => {
  const lt = { aws_launch_template: { lt: { name: "gpu", instance_type: "t3.micro" } } };
  const asg = (override: unknown[]) => ({
    ...lt,
    aws_autoscaling_group: { g: { min_size: 1, max_size: 4, desired_capacity: 2, mixed_instances_policy: { launch_template: { launch_template_specification: { launch_template_name: "gpu" }, override } } } },
  });

  it("a first override that is an expression stays in the instance types: an allow list cannot pass it", async () => {
    const { estimate, res } = await priceStack(asg([{ instance_type: "${var.gpu_type}" }, { instance_type: "m5.large" }]));
    expect(res("aws_autoscaling_group.g").facts.instanceTypes).toEqual(["${var.gpu_type}", "m5.large"]);
    const v = evaluatePolicies([rule("{kind: instance-types, allow: [m5, t3]}")], estimate);
    expect(v.status).toBe("fail");
    expect(v.findings).toEqual([expect.objectContaining({ address: "aws_autoscaling_group.g", unknown: true })]);
  });

  it("an instance_requirements override with instance_type null (terraform show -json) is not the priced type", async () => {
    const { res } = await priceStack(asg([{ instance_type: null, instance_requirements: [{ vcpu_count: [{ min: 4 }], memory_mib: [{ min: 16384 }] }] }, { instance_type: "m5.large" }]));
    const g = res("aws_autoscaling_group.g");
    expect(g.components[0]!.name).toContain("m5.large");
    expect(g.facts.instanceTypes).toEqual(["m5.large", "${instance_requirements}"]);
    expect(g.components[0]!.costRange!.high).toBeNull();
    expect(g.range.high).toBeNull();
  });

  it("GPUs at the high end over every override: a CPU type first does not hide a GPU override from gpu-count", async () => {
    const { estimate, res } = await priceStack(asg([{ instance_type: "m5.large" }, { instance_type: "p4d.24xlarge" }]));
    expect(res("aws_autoscaling_group.g").facts.maxGpuCount).toBe(8 * 4);
    const v = evaluatePolicies([rule("{kind: gpu-count, maxPerResource: 8}")], estimate);
    expect(v.findings.map((f) => f.message)).toEqual([expect.stringMatching(/^0 GPUs now, but up to 32 at maximum capacity/)]);
  });

  it("an empty instance_type (provider state for an unset one) is not a known type", async () => {
    const { estimate, res } = await priceStack(asg([{ instance_type: "", instance_requirements: [{ vcpu_count: [{ min: 4 }] }] }, { instance_type: "m5.large" }]));
    expect(res("aws_autoscaling_group.g").facts.instanceTypes).toEqual(["m5.large", "${instance_requirements}"]);
    expect(evaluatePolicies([rule("{kind: instance-types, deny: [\"p5*\"]}")], estimate).findings).toEqual([expect.objectContaining({ unknown: true })]);
  });

  it("the GPU ceiling counts each part's instances like the cost (weights round up per part); unknown without a bound", async () => {
    const weighted = {
      ...lt,
      aws_autoscaling_group: {
        g: {
          min_size: 0, max_size: 2, desired_capacity: 0,
          mixed_instances_policy: { instances_distribution: { on_demand_percentage_above_base_capacity: 50 }, launch_template: { launch_template_specification: { launch_template_name: "gpu" }, override: [{ instance_type: "m5.large", weighted_capacity: "2" }, { instance_type: "p5.48xlarge", weighted_capacity: "2" }] } },
        },
      },
    };
    // 2 units at the high end: 1 on-demand and 1 spot unit, each ⌈1 ÷ 2⌉ = 1 instance: 2 × p5.48xlarge = 16 GPUs.
    expect((await priceStack(weighted)).res("aws_autoscaling_group.g").facts.maxGpuCount).toBe(16);
    const unbounded = (await priceStack({ ...lt, aws_autoscaling_group: { g: { min_size: "${var.min}", max_size: 100, desired_capacity: 1, mixed_instances_policy: { launch_template: { launch_template_specification: { launch_template_name: "gpu" }, override: [{ instance_type: "p5.48xlarge" }, { instance_type: "p4d.24xlarge" }] } } } } })).res("aws_autoscaling_group.g");
    expect(unbounded.facts.maxGpuCount).toBeNull();
  });
});
