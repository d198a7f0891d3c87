import { describe, expect, it } from "vitest";
import { parseUsage } from "../../../src/pricing/usage.js";
import { productDocument } from "../../fakes/price-list-documents.js";
import { priceStackLive } from "../../helpers/live-stack.js";
import { priceStack } from "../../helpers/stack-plan.js";

describe("aws_db_instance", () => {
  it("prices a PostgreSQL db.t3.large with 100 GB gp2 from the snapshot (us-east-1)", async () => {
    const { res } = await priceStack(
      { aws_db_instance: { db: { engine: "postgres", instance_class: "db.t3.large", allocated_storage: 100 } } },
      { usage: parseUsage("resource_usage:\n  aws_db_instance.db:\n    additional_backup_storage_gb: 50\n", "u.yml") },
    );
    const r = res("aws_db_instance.db");
    expect(r.components.map((c) => [c.name, c.monthlyQuantity, c.unitPrice])).toEqual([
      ["Database instance (postgres, Single-AZ, db.t3.large)", 730, 0.145],
      ["Storage (gp2, Single-AZ)", 100, 0.115],
      ["Backup storage beyond the free allowance", 50, 0.095],
    ]);
    // 730 × 0.145 = 105.85; 100 × 0.115 = 11.50; 50 × 0.095 = 4.75
    expect(r.monthlyCost).toBeCloseTo(122.1, 10);
    expect(r.components[0]!.price).toMatchObject({ source: "snapshot", asOf: "2026-05-03" });
  });

  it("prices MySQL Multi-AZ gp3 with IOPS above the 12,000 baseline of 400 GB and more", async () => {
    const { res } = await priceStack({
      aws_db_instance: { db: { engine: "mysql", instance_class: "db.t3.large", multi_az: true, storage_type: "gp3", allocated_storage: 500, iops: 15000 } },
    });
    const r = res("aws_db_instance.db");
    expect(r.components.slice(0, 3).map((c) => [c.name, c.monthlyQuantity, c.unitPrice])).toEqual([
      ["Database instance (mysql, Multi-AZ, db.t3.large)", 730, 0.272],
      ["Storage (gp3, Multi-AZ)", 500, 0.23],
      ["Provisioned IOPS above the gp3 baseline (12000)", 3000, 0.04],
    ]);
    // 730 × 0.272 = 198.56; 500 × 0.23 = 115; 3000 × 0.04 = 120 (backup usage-based, not given)
    expect(r.components.slice(0, 3).reduce((a, c) => a + c.monthlyCost!, 0)).toBeCloseTo(433.56, 10);
    expect(r.components[3]).toMatchObject({ monthlyCost: null, usageKey: "additional_backup_storage_gb" });
    expect(r.range.high).toBeNull();
    expect(r.complete).toBe(false); // backup storage is an unknown amount, not $0
  });

  it("prices io1 (the default when iops is set): storage and every provisioned IOPS", async () => {
    const { res } = await priceStack({ aws_db_instance: { db: { engine: "mysql", instance_class: "db.m5.large", allocated_storage: 200, iops: 1000 } } });
    const c = res("aws_db_instance.db").components;
    expect(c.slice(0, 3).map((x) => [x.name, x.monthlyQuantity, x.unitPrice])).toEqual([
      ["Database instance (mysql, Single-AZ, db.m5.large)", 730, 0.171],
      ["Storage (io1, Single-AZ)", 200, 0.125],
      ["Provisioned IOPS (io1)", 1000, 0.1],
    ]);
    // 124.83 + 25 + 100
    expect(c.slice(0, 3).reduce((a, x) => a + x.monthlyCost!, 0)).toBeCloseTo(249.83, 10);
  });

  it("is unpriced with the reason for a class, engine or region the snapshot lacks, and for unreadable attributes", async () => {
    const { res } = await priceStack({
      aws_db_instance: {
        big: { engine: "postgres", instance_class: "db.r6g.2xlarge", allocated_storage: 100 },
        ora: { engine: "oracle-se2", instance_class: "db.t3.large", allocated_storage: 100 },
        expr: { engine: "postgres", instance_class: "${var.cls}", allocated_storage: 100 },
      },
    });
    expect(res("aws_db_instance.big").components[0]!.unpricedReason).toMatch(/no price for RDS postgres db\.r6g\.2xlarge \(Single-AZ\) in us-east-1 \(use --prices aws/);
    expect(res("aws_db_instance.big").components[1]!.unitPrice).toBe(0.115);
    expect(res("aws_db_instance.ora").components[0]!.unpricedReason).toMatch(/oracle-se2 is not priced by costgate/);
    expect(res("aws_db_instance.expr").components[0]!.unpricedReason).toMatch(/instance_class is not known until apply or is an expression/);
    const { res: eu } = await priceStack({ aws_db_instance: { db: { engine: "postgres", instance_class: "db.m6g.xlarge", multi_az: true, allocated_storage: 100 } } }, { region: "eu-west-1" });
    // eu-west-1 has this one class: 730 × 0.704 = 513.92; 100 × 0.253 = 25.30
    expect(eu("aws_db_instance.db").components.slice(0, 2).reduce((a, x) => a + x.monthlyCost!, 0)).toBeCloseTo(539.22, 10);
  });

  it("live: instance-hours and storage through the loopback Price List API", async () => {
    const rds = (family: string, attributes: Record<string, string>, usd: string, unit: string) => productDocument({ serviceCode: "AmazonRDS", productFamily: family, region: "us-west-2", attributes, dimensions: [{ unit, usd }] });
    const { res, warnings, requests } = await priceStackLive(
      { aws_db_instance: { db: { engine: "postgres", instance_class: "db.r6g.large", allocated_storage: 100, storage_type: "gp3" } } },
      [
        rds("Database Instance", { instanceType: "db.r6g.large", databaseEngine: "PostgreSQL", deploymentOption: "Single-AZ", usagetype: "USW2-InstanceUsage:db.r6g.large" }, "0.2250000000", "Hrs"),
        rds("Database Instance", { instanceType: "db.r6g.large", databaseEngine: "PostgreSQL", deploymentOption: "Multi-AZ", usagetype: "USW2-Multi-AZUsage:db.r6g.large" }, "0.4500000000", "Hrs"),
        rds("Database Instance", { instanceType: "db.r6g.large", databaseEngine: "MySQL", deploymentOption: "Single-AZ", usagetype: "USW2-InstanceUsage:db.r6g.large" }, "0.2150000000", "Hrs"),
        rds("Database Storage", { volumeType: "General Purpose-GP3", databaseEngine: "PostgreSQL", deploymentOption: "Single-AZ", usagetype: "USW2-RDS:GP3-Storage" }, "0.1150000000", "GB-Mo"),
        rds("Storage Snapshot", { databaseEngine: "PostgreSQL", usagetype: "USW2-RDS:ChargedBackupUsage" }, "0.0950000000", "GB-Mo"),
        rds("Database Storage", { volumeType: "General Purpose", databaseEngine: "PostgreSQL", deploymentOption: "Single-AZ", usagetype: "USW2-RDS:GP2-Storage" }, "0.1150000000", "GB-Mo"),
      ],
      { region: "us-west-2" },
    );
    const c = res("aws_db_instance.db").components;
    expect(c.slice(0, 2).map((x) => x.unitPrice)).toEqual([0.225, 0.115]);
    // 730 × 0.225 = 164.25; 100 × 0.115 = 11.50
    expect(c.slice(0, 2).reduce((a, x) => a + x.monthlyCost!, 0)).toBeCloseTo(175.75, 10);
    expect(c[0]!.price).toMatchObject({ source: "aws-pricing-api" });
    expect(requests.every((q) => q.input.ServiceCode === "AmazonRDS")).toBe(true);
    expect(warnings).toEqual([]);
  });
});
