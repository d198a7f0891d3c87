import { describe, expect, it } from "vitest";
import { parseUsage } from "../../../src/pricing/usage.js";
import { productDocument } from "../../fakes/price-list-documents.js";
import { priceStackLive } from "../../helpers/live-stack.js";
import { priceStack } from "../../helpers/stack-plan.js";

const cluster = (extra: Record<string, unknown> = {}) => ({ cluster_identifier: "db", engine: "aurora-postgresql", master_username: "u", ...extra });

describe("aws_rds_cluster + aws_rds_cluster_instance (Aurora)", () => {
  it("prices provisioned instances at the cluster's Aurora Standard rate, and the cluster's storage and backups from usage", async () => {
    const u = parseUsage("resource_usage:\n  aws_rds_cluster.db:\n    storage_gb: 200\n    backup_snapshot_size_gb: 100\n    write_requests_per_sec: 10\n    read_requests_per_sec: 10\n", "u.yml");
    const { res } = await priceStack(
      { aws_rds_cluster: { db: cluster() }, aws_rds_cluster_instance: { i: { count: 2, cluster_identifier: "${aws_rds_cluster.db.id}", engine: "aurora-postgresql", instance_class: "db.t3.large" } } },
      { usage: u },
    );
    const i = res("aws_rds_cluster_instance.i").components[0]!;
    expect(i).toMatchObject({ name: "Database instance (aurora-postgresql, standard, db.t3.large)", monthlyQuantity: 1460, unitPrice: 0.164 });
    // 2 × 730 × 0.164 = 239.44
    expect(i.monthlyCost).toBeCloseTo(239.44, 10);
    const c = res("aws_rds_cluster.db").components;
    expect(c.map((x) => [x.name, x.monthlyQuantity, x.unitPrice ?? null])).toEqual([
      ["Storage (standard)", 200, 0.1],
      // (10 + 10) × 3600 × 730 / 1M = 52.56M requests; the only sourced rate is rounded: unpriced offline
      ["I/O requests", 52.56, null],
      ["Backup storage", 100, 0.021],
    ]);
    expect(c[1]!.unpricedReason).toMatch(/no price for Aurora aurora-postgresql I\/O requests in us-east-1 \(use --prices aws/);
    // 200 × 0.10 = 20; 100 × 0.021 = 2.10
    expect(c[0]!.monthlyCost! + c[2]!.monthlyCost!).toBeCloseTo(22.1, 10);
  });

  it("prices a db.serverless instance in ACU-hours from min capacity, ranging to max capacity (aurora-mysql $0.12/ACU-h)", async () => {
    const stack = {
      aws_rds_cluster: { db: cluster({ engine: "aurora-mysql", serverlessv2_scaling_configuration: { min_capacity: 0.5, max_capacity: 8 } }) },
      aws_rds_cluster_instance: { s: { cluster_identifier: "${aws_rds_cluster.db.id}", engine: "aurora-mysql", instance_class: "db.serverless" } },
    };
    const { res } = await priceStack(stack);
    const r = res("aws_rds_cluster_instance.s");
    expect(r.components[0]).toMatchObject({ name: "Serverless v2 capacity (0.5–8 ACUs)", monthlyQuantity: 365, unitPrice: 0.12 });
    // 0.5 × 730 × 0.12 = 43.80 expected; 8 × 730 × 0.12 = 700.80 at max capacity
    expect(r.range.expected).toBeCloseTo(43.8, 10);
    expect(r.range.low).toBeCloseTo(43.8, 10);
    expect(r.range.high).toBeCloseTo(700.8, 10);
    const { res: withUsage } = await priceStack(stack, { usage: parseUsage("resource_usage:\n  aws_rds_cluster_instance.s:\n    capacity_units_per_hr: 2\n", "u.yml") });
    // 2 × 730 × 0.12 = 175.20
    expect(withUsage("aws_rds_cluster_instance.s").monthlyCost).toBeCloseTo(175.2, 10);
  });

  it("never prices I/O-Optimized at the Standard rate, nor an instance whose cluster it cannot find", async () => {
    const { res } = await priceStack({
      aws_rds_cluster: { io: cluster({ storage_type: "aurora-iopt1" }) },
      aws_rds_cluster_instance: {
        a: { cluster_identifier: "${aws_rds_cluster.io.id}", engine: "aurora-postgresql", instance_class: "db.t3.large" },
        b: { cluster_identifier: "existing-cluster", engine: "aurora-postgresql", instance_class: "db.t3.large" },
      },
    });
    expect(res("aws_rds_cluster_instance.a").components[0]!.unpricedReason).toMatch(/no price for Aurora aurora-postgresql db\.t3\.large \(io-optimized\) in us-east-1/);
    expect(res("aws_rds_cluster_instance.b").components[0]!.unpricedReason).toMatch(/cluster is not in this stack.*Standard or I\/O-Optimized unknown/);
  });

  it("live: Standard and I/O-Optimized instance-hours are different products", async () => {
    const inst = (usagetype: string, usd: string) =>
      productDocument({ serviceCode: "AmazonRDS", productFamily: "Database Instance", region: "us-east-1", attributes: { instanceType: "db.r6g.large", databaseEngine: "Aurora PostgreSQL", deploymentOption: "Single-AZ", usagetype }, dimensions: [{ unit: "Hrs", usd }] });
    const { res, warnings } = await priceStackLive(
      {
        aws_rds_cluster: { std: cluster(), io: cluster({ storage_type: "aurora-iopt1" }) },
        aws_rds_cluster_instance: {
          s: { count: 2, cluster_identifier: "${aws_rds_cluster.std.id}", engine: "aurora-postgresql", instance_class: "db.r6g.large" },
          o: { cluster_identifier: "${aws_rds_cluster.io.id}", engine: "aurora-postgresql", instance_class: "db.r6g.large" },
        },
      },
      [inst("USE1-InstanceUsage:db.r6g.large", "0.2600000000"), inst("USE1-InstanceUsageIOOptimized:db.r6g.large", "0.3380000000")],
    );
    // 2 × 730 × 0.26 = 379.60; 730 × 0.338 = 246.74
    expect(res("aws_rds_cluster_instance.s").monthlyCost).toBeCloseTo(379.6, 10);
    expect(res("aws_rds_cluster_instance.o").monthlyCost).toBeCloseTo(246.74, 10);
    expect(res("aws_rds_cluster_instance.o").components[0]!.price).toMatchObject({ source: "aws-pricing-api" });
    // The fake serves no storage products (the clusters' usage-based parts); the instance prices resolved cleanly.
    expect(warnings.filter((w) => w.includes("db.r6g.large"))).toEqual([]);
  });
});
