import { describe, expect, it } from "vitest";
import { parseUsage } from "../../../src/pricing/usage.js";
import { productDocument } from "../../fakes/price-list-documents.js";
import { priceStackLive } from "../../helpers/live-stack.js";
import { priceStack } from "../../helpers/stack-plan.js";

describe("aws_eip", () => {
  it("charges every public IPv4 address, attached or idle, at the uniform $0.005/h (in every commercial region)", async () => {
    for (const region of ["us-east-1", "eu-west-1", "ap-southeast-2"]) {
      const { res } = await priceStack({ aws_eip: { nat: { domain: "vpc", count: 2 } } }, { region });
      const c = res("aws_eip.nat").components;
      expect(c).toHaveLength(1);
      expect(c[0]).toMatchObject({ name: "Public IPv4 address hours (in use or idle)", monthlyQuantity: 1460, unitPrice: 0.005 });
      // 2 × 730 × 0.005 = 7.30
      expect(res("aws_eip.nat").monthlyCost).toBeCloseTo(7.3, 10);
      expect(c[0]!.price).toMatchObject({ asOf: "2024-02-01" });
    }
  });

  it("has no charge for a BYOIP address, and says why when the pool is an expression", async () => {
    const { res } = await priceStack({ aws_eip: { byoip: { public_ipv4_pool: "ipv4pool-ec2-0123" }, expr: { public_ipv4_pool: "${var.pool}" } } });
    expect(res("aws_eip.byoip").components).toEqual([]);
    expect(res("aws_eip.expr").components[0]!.unpricedReason).toMatch(/BYOIP/);
  });
});

describe("aws_nat_gateway", () => {
  it("prices hours and data processed from the snapshot's us-east-1 rows ($0.045/h, $0.045/GB)", async () => {
    const { res } = await priceStack({ aws_nat_gateway: { a: { allocation_id: "${aws_eip.nat[0].id}", count: 2 } } }, { usage: parseUsage("resource_type_default_usage:\n  aws_nat_gateway:\n    monthly_data_processed_gb: 100\n", "u.yml") });
    const r = res("aws_nat_gateway.a");
    expect(r.components.map((c) => [c.monthlyQuantity, c.unitPrice])).toEqual([[1460, 0.045], [100, 0.045]]);
    // 1460 × 0.045 = 65.70; 100 × 0.045 = 4.50
    expect(r.monthlyCost).toBeCloseTo(70.2, 10);
    expect(r.components[0]!.price).toMatchObject({ source: "snapshot", asOf: "2024-07-01" });
  });

  it("is unpriced with the reason outside us-east-1 offline", async () => {
    const { res } = await priceStack({ aws_nat_gateway: { a: {} } }, { region: "eu-west-1" });
    expect(res("aws_nat_gateway.a").components[0]!.unpricedReason).toMatch(/no price for NAT gateway hours in eu-west-1 \(use --prices aws/);
  });

  it("live: NAT gateway hours and data and the EIP's public IPv4 hours through the loopback Price List API", async () => {
    const nat = (usagetype: string, usd: string, unit: string) => productDocument({ serviceCode: "AmazonEC2", productFamily: "NAT Gateway", region: "eu-west-1", attributes: { usagetype }, dimensions: [{ unit, usd }] });
    const { res, warnings } = await priceStackLive(
      { aws_nat_gateway: { a: {} }, aws_eip: { ip: { domain: "vpc" } } },
      [
        nat("EU-NatGateway-Hours", "0.0480000000", "Hrs"),
        nat("EU-NatGateway-Bytes", "0.0480000000", "GB"),
        productDocument({ serviceCode: "AmazonVPC", productFamily: "VpcPublicIPv4Address", region: "eu-west-1", attributes: { usagetype: "EU-PublicIPv4:InUseAddress" }, dimensions: [{ unit: "Hrs", usd: "0.0050000000" }] }),
        productDocument({ serviceCode: "AmazonVPC", productFamily: "VpcPublicIPv4Address", region: "eu-west-1", attributes: { usagetype: "EU-PublicIPv4:IdleAddress" }, dimensions: [{ unit: "Hrs", usd: "0.0050000000" }] }),
      ],
      { region: "eu-west-1", usage: parseUsage("resource_usage:\n  aws_nat_gateway.a:\n    monthly_data_processed_gb: 250\n", "u.yml") },
    );
    // 730 × 0.048 = 35.04; 250 × 0.048 = 12.00
    expect(res("aws_nat_gateway.a").monthlyCost).toBeCloseTo(47.04, 10);
    // 730 × 0.005 = 3.65
    expect(res("aws_eip.ip").monthlyCost).toBeCloseTo(3.65, 10);
    expect(res("aws_eip.ip").components[0]!.price).toMatchObject({ source: "aws-pricing-api" });
    expect(warnings).toEqual([]);
  });
});
