import { describe, expect, it } from "vitest";
import { parseUsage } from "../../../src/pricing/usage.js";
import { priceStack } from "../../helpers/stack-plan.js";

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
