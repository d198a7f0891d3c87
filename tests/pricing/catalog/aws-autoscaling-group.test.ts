import { describe, expect, it } from "vitest";
import { onDemandInstances } from "../../../src/pricing/catalog/aws-autoscaling-group.js";
import { priceStack } from "../../helpers/stack-plan.js";

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
});
