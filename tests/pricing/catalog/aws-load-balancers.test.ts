import { describe, expect, it } from "vitest";
import { parseUsage } from "../../../src/pricing/usage.js";
import { productDocument } from "../../fakes/price-list-documents.js";
import { priceStackLive } from "../../helpers/live-stack.js";
import { priceStack } from "../../helpers/stack-plan.js";

const usage = (yaml: string) => parseUsage(yaml, "usage.yml");
const elb = (family: string, usagetype: string, usd: string, unit = "Hrs") =>
  productDocument({ serviceCode: "AWSELB", productFamily: family, region: "us-east-1", attributes: { usagetype }, dimensions: [{ unit, usd }] });

describe("aws_elb (Classic Load Balancer)", () => {
  it("prices hours and usage data processed from the snapshot (us-east-1: $0.025/h, $0.008/GB)", async () => {
    const { res } = await priceStack({ aws_elb: { web: { listener: [] } } }, { usage: usage("resource_usage:\n  aws_elb.web:\n    monthly_data_processed_gb: 1000\n") });
    const r = res("aws_elb.web");
    expect(r.components.map((c) => [c.name, c.monthlyQuantity, c.unitPrice])).toEqual([
      ["Classic Load Balancer hours", 730, 0.025],
      ["Data processed", 1000, 0.008],
    ]);
    // 730 × 0.025 = 18.25; 1000 × 0.008 = 8.00
    expect(r.monthlyCost).toBeCloseTo(26.25, 10);
    expect(r.status).toBe("priced");
  });

  it("uses eu-west-1's own rows ($0.028/h) and leaves data processed usage-based without usage", async () => {
    const { res } = await priceStack({ aws_elb: { web: {} } }, { region: "eu-west-1" });
    const r = res("aws_elb.web");
    expect(r.components[0]).toMatchObject({ unitPrice: 0.028, monthlyQuantity: 730 });
    expect(r.components[0]!.monthlyCost).toBeCloseTo(20.44, 10);
    expect(r.components[1]).toMatchObject({ monthlyQuantity: null, monthlyCost: null, usageKey: "monthly_data_processed_gb" });
  });

  it("is unpriced with the reason in a region the snapshot lacks", async () => {
    const { res } = await priceStack({ aws_elb: { web: {} } }, { region: "ap-south-1" });
    expect(res("aws_elb.web").components[0]!.unpricedReason).toMatch(/embedded snapshot has no price for Classic Load Balancer hours in ap-south-1.*--prices aws/);
  });
});

describe("aws_lb / aws_alb", () => {
  it("prices ALB hours offline in us-east-1 from the dated third-party page (low confidence, labelled); LCU-hours from usage", async () => {
    const { res } = await priceStack(
      { aws_lb: { alb: { load_balancer_type: "application", internal: true }, nlb: { load_balancer_type: "network", internal: true } }, aws_alb: { old: { internal: true } } },
      { usage: usage("resource_usage:\n  aws_lb.alb:\n    monthly_lcu_hours: 1000\n") },
    );
    const alb = res("aws_lb.alb");
    expect(alb.components.map((c) => [c.name, c.monthlyQuantity, c.unitPrice])).toEqual([
      ["Application Load Balancer hours", 730, 0.0225],
      ["Load balancer capacity units", 1000, 0.008],
    ]);
    // 730 × 0.0225 = 16.425; 1000 × 0.008 = 8
    expect(alb.monthlyCost).toBeCloseTo(24.425, 10);
    expect(alb.components[0]!.price).toMatchObject({ source: "snapshot", asOf: "2026-05", note: expect.stringMatching(/low confidence: third-party page/) });
    expect(res("aws_alb.old").components[1]).toMatchObject({ unit: "LCU-hours", usageKey: "monthly_lcu_hours", monthlyCost: null });
    expect(res("aws_alb.old").components[0]!.monthlyCost).toBeCloseTo(16.425, 10);
    expect(res("aws_lb.nlb").components.map((c) => c.unitPrice)).toEqual([0.0225, 0.006]);
  });

  it("leaves ALB hours unpriced offline outside us-east-1, with the reason", async () => {
    const { res } = await priceStack({ aws_lb: { alb: {} } }, { region: "eu-west-1" });
    expect(res("aws_lb.alb").components[0]!.unpricedReason).toMatch(/no price for Application Load Balancer hours in eu-west-1 \(use --prices aws/);
  });

  it("charges an internet-facing ALB's and NLB's public IPv4 addresses, one per AZ (uniform $0.005/h)", async () => {
    const { res } = await priceStack({
      aws_lb: {
        web: { subnets: ["a", "b", "c"] },
        nlb: { load_balancer_type: "network", subnet_mapping: [{ subnet_id: "a", allocation_id: "${aws_eip.a.id}" }, { subnet_id: "b" }] },
        dual: { subnets: ["a", "b"], ip_address_type: "dualstack-without-public-ipv4" },
        unknown: { subnets: "${var.subnets}" },
      },
    });
    const web = res("aws_lb.web");
    expect(web.components[2]).toMatchObject({ name: "Public IPv4 addresses (3, one per AZ, at least)", monthlyQuantity: 2190, unitPrice: 0.005 });
    // 730 × 0.0225 + 3 × 730 × 0.005 = 16.425 + 10.95 = 27.375 (LCU-hours usage-based)
    expect(web.components[0]!.monthlyCost! + web.components[2]!.monthlyCost!).toBeCloseTo(27.375, 10);
    // The mapping with an Elastic IP is charged on the aws_eip; one AWS-provided address remains.
    expect(res("aws_lb.nlb").components[2]).toMatchObject({ monthlyQuantity: 730, unitPrice: 0.005 });
    expect(res("aws_lb.dual").components).toHaveLength(2);
    expect(res("aws_lb.unknown").components[2]!.unpricedReason).toMatch(/number of subnets \(AZs\) is unknown/);
  });

  it("says why when load_balancer_type cannot be read", async () => {
    const { res } = await priceStack({ aws_lb: { x: { load_balancer_type: "${var.kind}" } } });
    expect(res("aws_lb.x").components[0]!.unpricedReason).toMatch(/load_balancer_type "\$\{var.kind\}" is not application, network or gateway/);
    expect(res("aws_lb.x").status).toBe("unpriced");
  });

  describe("live, through the loopback Price List API", () => {
    const products = [
      elb("Load Balancer-Application", "USE1-LoadBalancerUsage", "0.0225000000"),
      elb("Load Balancer-Application", "USE1-LCUUsage", "0.0080000000", "LCU-Hrs"),
      elb("Load Balancer-Network", "USE1-LoadBalancerUsage", "0.0225000000"),
      elb("Load Balancer-Network", "USE1-LCUUsage", "0.0060000000", "LCU-Hrs"),
      elb("Load Balancer", "USE1-LoadBalancerUsage", "0.0250000000"),
      elb("Load Balancer", "USE1-DataProcessing-Bytes", "0.0080000000", "GB"),
    ];

    it("prices ALB and NLB hours and LCU-hours, each from its own product family", async () => {
      const { res, warnings } = await priceStackLive(
        { aws_lb: { alb: { internal: true }, nlb: { load_balancer_type: "network", internal: true } } },
        products,
        { usage: usage("resource_usage:\n  aws_lb.alb:\n    monthly_lcu_hours: 1000\n  aws_lb.nlb:\n    monthly_lcu_hours: 500\n") },
      );
      const alb = res("aws_lb.alb");
      expect(alb.components.map((c) => [c.monthlyQuantity, c.unitPrice])).toEqual([[730, 0.0225], [1000, 0.008]]);
      // 730 × 0.0225 = 16.425; 1000 × 0.008 = 8
      expect(alb.monthlyCost).toBeCloseTo(24.425, 10);
      const nlb = res("aws_lb.nlb");
      expect(nlb.components.map((c) => c.unitPrice)).toEqual([0.0225, 0.006]);
      // 16.425 + 500 × 0.006 = 19.425
      expect(nlb.monthlyCost).toBeCloseTo(19.425, 10);
      expect(alb.components[0]!.price).toMatchObject({ source: "aws-pricing-api" });
      expect(warnings).toEqual([]);
    });
  });
});
