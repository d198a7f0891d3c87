import { describe, expect, it } from "vitest";
import { priceStack } from "../../helpers/stack-plan.js";

describe("aws_instance", () => {
  it("prices on-demand instance-hours × count plus the default root volume", async () => {
    const { res } = await priceStack({ aws_instance: { a: { instance_type: "g5.xlarge", count: 3 } } });
    const r = res("aws_instance.a");
    expect(r.status).toBe("priced");
    expect(r.components[0]).toMatchObject({ purchaseOption: "on-demand", monthlyQuantity: 3 * 730, unitPrice: 1.006, monthlyCost: 1.006 * 3 * 730 });
    expect(r.components[1]).toMatchObject({ name: "Root volume, AMI default assumed (gp2, 8 GB)", monthlyQuantity: 24, unitPrice: 0.1 });
    expect(r.monthlyCost).toBe(1.006 * 3 * 730 + 0.1 * 24);
    expect(r.components[0]!.price).toMatchObject({ source: "snapshot", asOf: "2026-07-20" });
  });

  it("prices spot via instance_market_options with the on-demand worst case beside it", async () => {
    const { res } = await priceStack({
      aws_instance: { t: { instance_type: "p5.48xlarge", instance_market_options: { market_type: "spot" }, root_block_device: { volume_size: 100, volume_type: "gp3" } } },
    });
    const c = res("aws_instance.t").components[0]!;
    // Default 50% discount; the Spot Advisor's 52% for p5.48xlarge in us-east-1 does not lower it.
    expect(c).toMatchObject({ purchaseOption: "spot", unitPrice: 55.04 * 0.5, monthlyCost: 55.04 * 0.5 * 730, onDemandMonthlyCost: 55.04 * 730 });
    expect(c.price).toMatchObject({ source: "spot-discount", estimated: true });
    expect(c.interruptionBand).toBe(">20%");
    expect(res("aws_instance.t").monthlyCostOnDemand).toBe(55.04 * 730 + 0.08 * 100);
  });

  it("caps the spot discount by the Spot Advisor's savings when lower", async () => {
    const { res } = await priceStack({ aws_instance: { t: { instance_type: "g6.xlarge", instance_market_options: { market_type: "spot" } } } });
    expect(res("aws_instance.t").components[0]!.unitPrice).toBeCloseTo(0.8048 * 0.51, 12);
  });

  it("prices EBS block devices with gp3 IOPS and throughput above the baseline", async () => {
    const { res } = await priceStack({
      aws_instance: {
        x: { instance_type: "m5.large", root_block_device: [{ volume_size: 20, volume_type: "gp3" }], ebs_block_device: [{ device_name: "/dev/sdf", volume_size: 100, volume_type: "gp3", iops: 4000, throughput: 200 }] },
      },
    });
    const cs = res("aws_instance.x").components;
    expect(cs.map((c) => [c.name, c.monthlyCost])).toEqual([
      ["Instance usage (Linux/UNIX, on-demand, m5.large)", 0.096 * 730],
      ["Root volume (gp3, 20 GB)", 0.08 * 20],
      ["EBS volume /dev/sdf (gp3, 100 GB)", 0.08 * 100],
      ["EBS volume /dev/sdf IOPS above 3,000", 0.005 * 1000],
      ["EBS volume /dev/sdf throughput above 125 MiB/s", 0.04 * 75],
    ]);
  });

  it("lists an unknown count and an expression instance type as unpriced, never $0", async () => {
    const { res, estimate } = await priceStack({
      aws_instance: { n: { instance_type: "g5.xlarge", count: "${var.n}" }, e: { instance_type: "${var.type}" } },
    });
    expect(res("aws_instance.n").status).toBe("unpriced");
    expect(res("aws_instance.n").notes.join()).toMatch(/count is unknown \(\$\{var\.n\}\)/);
    expect(res("aws_instance.e").components[0]!.unpricedReason).toMatch(/instance type is an expression/);
    expect(res("aws_instance.e").status).toBe("partial");
    expect(estimate.totals.unpriced).toBe(1);
  });

  it("reports a type with no public list price (p5e.48xlarge) as unpriced", async () => {
    const { res } = await priceStack({ aws_instance: { h: { instance_type: "p5e.48xlarge" } } });
    expect(res("aws_instance.h").components[0]!.unpricedReason).toMatch(/p5e\.48xlarge: no On-Demand price in us-east-1 in the embedded snapshot \(its sources list none/);
  });

  it("fails on an unknown instance type, naming the file and attribute", async () => {
    await expect(priceStack({ aws_instance: { x: { instance_type: "p9.mega" } } })).rejects.toThrow(
      /inline\.json at \/resource\/aws_instance\/x\/instance_type: unknown instance type `p9\.mega`/,
    );
  });

  it("prices GPU types in other regions from the regional dataset", async () => {
    const { res } = await priceStack({ aws_instance: { x: { instance_type: "p4d.24xlarge", root_block_device: { volume_size: 10 } } } }, { region: "eu-west-1" });
    const r = res("aws_instance.x");
    expect(r.components[0]).toMatchObject({ unitPrice: 23.71569, price: { asOf: "2026-01-21" } });
    expect(r.components[1]!.unpricedReason).toMatch(/embedded snapshot has no price for EBS gp2 storage in eu-west-1/);
    expect(r.status).toBe("partial");
  });

  it("takes type, spot and volumes from its launch template; its own attributes win (item 5)", async () => {
    const { res } = await priceStack({
      aws_launch_template: {
        lt: {
          name: "gpu",
          instance_type: "g5.xlarge",
          instance_market_options: { market_type: "spot" },
          block_device_mappings: [{ device_name: "/dev/xvda", ebs: { volume_size: 200, volume_type: "gp3" } }],
        },
      },
      aws_instance: {
        a: { launch_template: { id: "${aws_launch_template.lt.id}" } },
        b: { launch_template: { name: "gpu" }, instance_type: "g5.2xlarge", instance_market_options: { market_type: "capacity-block" }, root_block_device: { volume_size: 50, volume_type: "gp3" } },
      },
    });
    const a = res("aws_instance.a");
    // 730 × $1.006 × 0.5 = $367.19 spot + 200 GB gp3 × $0.08 = $16.00 → $383.19
    expect(a.components.map((c) => [c.name, c.monthlyQuantity])).toEqual([
      ["Instance usage (Linux/UNIX, spot, g5.xlarge)", 730],
      ["Launch template volume /dev/xvda (gp3, 200 GB)", 200],
    ]);
    expect(a.monthlyCost).toBeCloseTo(730 * 1.006 * 0.5 + 16, 9);
    const b = res("aws_instance.b");
    // own type, own (non-spot) market options and own root volume. The market is a Capacity Block: never priced
    // at the On-Demand rate (730 × $1.212), so only the root volume is counted: 50 × $0.08 = $4.00, a lower bound.
    expect(b.components.map((c) => c.name)).toEqual(["Instance usage (Linux/UNIX, on-demand, g5.2xlarge)", "Root volume (gp3, 50 GB)"]);
    expect(b.components[0]!.unpricedReason).toContain("never billed at the On-Demand rate");
    expect(b.monthlyCost).toBeCloseTo(4, 9);
    expect(b.complete).toBe(false);
  });
});
