import { describe, expect, it } from "vitest";
import { parseUsage } from "../../../src/pricing/usage.js";
import { productDocument } from "../../fakes/price-list-documents.js";
import { priceStackLive } from "../../helpers/live-stack.js";
import { priceStack } from "../../helpers/stack-plan.js";

describe("aws_dynamodb_table", () => {
  const u = parseUsage(
    "resource_usage:\n  aws_dynamodb_table.t:\n    monthly_read_request_units: 10000000\n    monthly_write_request_units: 1000000\n    storage_gb: 100\n    pitr_backup_storage_gb: 100\n",
    "u.yml",
  );
  const table = { t: { name: "t", hash_key: "id", billing_mode: "PAY_PER_REQUEST", point_in_time_recovery: { enabled: true } } };

  it("prices on-demand reads, storage and PITR from the us-east-2 rows; writes (a rounded source) unpriced", async () => {
    const { res } = await priceStack({ aws_dynamodb_table: table }, { region: "us-east-2", usage: u });
    const c = res("aws_dynamodb_table.t").components;
    expect(c.map((x) => [x.name, x.monthlyQuantity, x.unitPrice ?? null])).toEqual([
      ["Read request units", 10, 0.125],
      ["Write request units", 1, null],
      ["Storage", 100, 0.25],
      ["Point-in-time recovery storage", 100, 0.2],
      ["On-demand backup storage", null, 0.1],
      ["Data restored", null, 0.15],
    ]);
    expect(c[1]!.unpricedReason).toMatch(/no price for DynamoDB on-demand write request units in us-east-2 \(use --prices aws/);
    // 10 × 0.125 = 1.25; 100 × 0.25 = 25; 100 × 0.20 = 20
    expect(c[0]!.monthlyCost! + c[2]!.monthlyCost! + c[3]!.monthlyCost!).toBeCloseTo(46.25, 10);
  });

  it("prices provisioned capacity as RCU/WCU-hours, unpriced offline (no exact source), with the reason", async () => {
    const { res } = await priceStack({ aws_dynamodb_table: { p: { name: "p", hash_key: "id", read_capacity: 5, write_capacity: 5 } } });
    const c = res("aws_dynamodb_table.p").components;
    expect(c.slice(0, 2).map((x) => [x.unit, x.monthlyQuantity])).toEqual([["RCU-hours", 3650], ["WCU-hours", 3650]]);
    expect(c[0]!.unpricedReason).toMatch(/no price for DynamoDB provisioned read capacity in us-east-1/);
  });
});

describe("aws_eks_fargate_profile", () => {
  it("is usage-based, and unpriced offline because the only sourced Fargate rates are rounded", async () => {
    const { res } = await priceStack({ aws_eks_fargate_profile: { f: { cluster_name: "c", fargate_profile_name: "f", selector: [{ namespace: "default" }] } } }, { usage: parseUsage("resource_usage:\n  aws_eks_fargate_profile.f:\n    monthly_vcpu_hours: 1000\n", "u.yml") });
    const c = res("aws_eks_fargate_profile.f").components;
    expect(c[0]).toMatchObject({ monthlyQuantity: 1000, monthlyCost: null });
    expect(c[0]!.unpricedReason).toMatch(/no price for EKS Fargate vCPU-hours in us-east-1 \(use --prices aws/);
    expect(c[1]).toMatchObject({ monthlyQuantity: null, usageKey: "monthly_memory_gb_hours" });
  });

  it("live: vCPU-hours and GB-hours through the loopback Price List API", async () => {
    const f = (usagetype: string, unit: string, usd: string) => productDocument({ serviceCode: "AmazonEKS", productFamily: "Compute", region: "eu-west-1", attributes: { usagetype }, dimensions: [{ unit, usd }] });
    const { res, warnings } = await priceStackLive(
      { aws_eks_fargate_profile: { f: { cluster_name: "c", fargate_profile_name: "f" } } },
      [f("EU-Fargate-vCPU-Hours:perCPU", "vCPU-Hours", "0.0445600000"), f("EU-Fargate-GB-Hours", "GB-Hours", "0.0048900000"), f("EU-AmazonEKS-Hours:perCluster", "Hours", "0.1000000000")],
      { region: "eu-west-1", usage: parseUsage("resource_usage:\n  aws_eks_fargate_profile.f:\n    monthly_vcpu_hours: 1000\n    monthly_memory_gb_hours: 2000\n", "u.yml") },
    );
    // 1000 × 0.04456 = 44.56; 2000 × 0.00489 = 9.78
    expect(res("aws_eks_fargate_profile.f").monthlyCost).toBeCloseTo(54.34, 10);
    expect(warnings).toEqual([]);
  });
});
