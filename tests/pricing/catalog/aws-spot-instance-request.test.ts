import { describe, expect, it } from "vitest";
import { priceStack } from "../../helpers/stack-plan.js";

describe("aws_spot_instance_request", () => {
  it("is priced as a spot aws_instance: spot instance-hours with the on-demand worst case, and its volumes", async () => {
    const { res } = await priceStack({
      aws_spot_instance_request: { s: { instance_type: "p5.48xlarge", spot_price: "30", wait_for_fulfillment: true, root_block_device: { volume_size: 100, volume_type: "gp3" } } },
      aws_instance: { t: { instance_type: "p5.48xlarge", instance_market_options: { market_type: "spot" }, root_block_device: { volume_size: 100, volume_type: "gp3" } } },
    });
    const s = res("aws_spot_instance_request.s");
    // p5.48xlarge: $55.04/h on demand, default 50% spot discount: 730 × 27.52 = 20,089.60; 100 GB gp3: 100 × 0.08 = 8.00
    expect(s.components.map((c) => [c.name, c.monthlyQuantity, c.unitPrice])).toEqual([
      ["Instance usage (Linux/UNIX, spot, p5.48xlarge)", 730, 27.52],
      ["Root volume (gp3, 100 GB)", 100, 0.08],
    ]);
    expect(s.monthlyCost).toBeCloseTo(20097.6, 9);
    expect(s.monthlyCostOnDemand).toBeCloseTo(55.04 * 730 + 8, 9);
    expect(s.components[0]!.price).toMatchObject({ source: "spot-discount", estimated: true });
    expect(s.facts).toMatchObject({ instanceTypes: ["p5.48xlarge"], gpusPerInstance: 8, purchaseOption: "spot" });
    expect(s.components).toEqual(res("aws_instance.t").components);
  });

  it("takes its instance type from a launch template, and says why a type it cannot read is unpriced", async () => {
    const { res } = await priceStack({
      aws_launch_template: { lt: { instance_type: "g5.xlarge" } },
      aws_spot_instance_request: { a: { launch_template: { id: "${aws_launch_template.lt.id}" } }, b: { instance_type: "${var.type}" } },
    });
    expect(res("aws_spot_instance_request.a").components[0]).toMatchObject({ name: "Instance usage (Linux/UNIX, spot, g5.xlarge)", purchaseOption: "spot" });
    expect(res("aws_spot_instance_request.b").components[0]!.unpricedReason).toMatch(/instance type is an expression/);
  });
});
