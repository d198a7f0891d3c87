import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { estimatePlans } from "../../../src/pricing/estimate-plans.js";
import type { Estimate } from "../../../src/pricing/estimate.js";
import { AwsPricingSource } from "../../../src/pricing/sources/aws-pricing-source.js";
import { PriceCache } from "../../../src/pricing/sources/price-cache.js";
import { SpotDiscountSource } from "../../../src/pricing/sources/spot-discount-source.js";
import { SpotHistorySource } from "../../../src/pricing/sources/spot-history-source.js";
import { SNAPSHOT } from "../../../src/pricing/snapshot/snapshot.js";
import { startFakeEc2Api, type FakeEc2Api } from "../../fakes/fake-ec2-api.js";
import { startFakePricingApi, TEST_CREDENTIALS, type FakePricingApi, type FakePricingApiOptions } from "../../fakes/fake-pricing-api.js";
import { ec2InstanceProduct, productDocument } from "../../fakes/price-list-documents.js";
import { plan, resource } from "./plan-fixture.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const R = "us-east-1";
const PRODUCTS = [
  ec2InstanceProduct(R, "p5.48xlarge", "55.0400000000"),
  ec2InstanceProduct(R, "g5.xlarge", "1.0060000000"),
  ec2InstanceProduct(R, "m5.large", "0.0960000000"),
  productDocument({ serviceCode: "AmazonEC2", productFamily: "Storage", region: R, attributes: { volumeApiName: "gp2", usagetype: "EBS:VolumeUsage.gp2" }, dimensions: [{ unit: "GB-Mo", usd: "0.1000000000" }] }),
  productDocument({ serviceCode: "AmazonEC2", productFamily: "NAT Gateway", region: R, attributes: { usagetype: "NatGateway-Hours" }, dimensions: [{ unit: "Hrs", usd: "0.0450000000" }] }),
  productDocument({ serviceCode: "AmazonEC2", productFamily: "NAT Gateway", region: R, attributes: { usagetype: "NatGateway-Bytes" }, dimensions: [{ unit: "GB", usd: "0.0450000000" }] }),
];

// Base: one p5 trainer and a CPU controller. Head: two stacks, the trainer doubled, a spot g5 worker and a NAT gateway.
const base = plan("base/cdktf.out", [
  resource("training", "aws_instance", "trainer", { instance_type: "p5.48xlarge" }),
  resource("training", "aws_instance", "controller", { instance_type: "m5.large" }),
]);
const head = plan("head/cdktf.out", [
  resource("training", "aws_instance", "trainer", { instance_type: "p5.48xlarge" }, R, 2),
  resource("training", "aws_instance", "controller", { instance_type: "m5.large" }),
  resource("inference", "aws_instance", "worker", { instance_type: "g5.xlarge", instance_market_options: { market_type: "spot" } }),
  resource("inference", "aws_nat_gateway", "nat", {}),
]);
// Distinct keys across base + head: 3 instance types, gp2 root volumes, NAT hours, NAT data; NAT hours and data
// share one query.
const DISTINCT_KEYS = 6;
const DISTINCT_QUERIES = 5;

let ec2: FakeEc2Api;
beforeAll(async () => {
  ec2 = await startFakeEc2Api({
    history: [
      { region: R, availabilityZone: "us-east-1a", instanceType: "g5.xlarge", spotPrice: "0.4000", timestamp: "2026-11-23T11:00:00.000Z" },
      { region: R, availabilityZone: "us-east-1b", instanceType: "g5.xlarge", spotPrice: "0.4200", timestamp: "2026-11-23T11:00:00.000Z" },
      { region: R, availabilityZone: "us-east-1c", instanceType: "g5.xlarge", spotPrice: "0.4400", timestamp: "2026-11-23T11:00:00.000Z" },
    ],
  });
});
afterAll(async () => {
  await ec2.close();
});

async function run(options: FakePricingApiOptions, cacheDir?: string) {
  const api = await startFakePricingApi({ products: PRODUCTS, ...options });
  const prices = new AwsPricingSource({ endpoint: api.endpoint, credentials: TEST_CREDENTIALS, maxAttempts: 1, ...(cacheDir ? { cache: new PriceCache(cacheDir) } : {}) });
  const spot = new SpotHistorySource({ endpoint: ec2.endpoint, credentials: TEST_CREDENTIALS, maxAttempts: 1, fallback: new SpotDiscountSource() });
  try {
    const [b, h] = await estimatePlans([base, head], { prices, spot });
    return { api, estimates: [b!, h!] as [Estimate, Estimate], prices };
  } finally {
    await api.close();
  }
}

const component = (e: Estimate, stack: string, address: string, name: RegExp) =>
  e.stacks.find((s) => s.name === stack)!.resources.find((r) => r.address === address)!.components.find((c) => name.test(c.name))!;

describe("estimatePlans with live AWS prices", () => {
  it("prices base and head with one request per distinct key, spot from spot history", async () => {
    const { api, estimates } = await run({});
    const [b, h] = estimates;
    expect(api.getProducts()).toHaveLength(DISTINCT_QUERIES);
    expect(api.requests.every((r) => r.signature.valid)).toBe(true);

    const trainer = component(h, "training", "aws_instance.trainer", /^Instance usage/);
    expect(trainer.unitPrice).toBe(55.04);
    expect(trainer.monthlyCost).toBeCloseTo(2 * 730 * 55.04, 6);
    expect(trainer.price?.label).toBe("aws-pricing-api 2026-11-01");
    expect(component(b, "training", "aws_instance.trainer", /^Instance usage/).monthlyCost).toBeCloseTo(730 * 55.04, 6);

    const worker = component(h, "inference", "aws_instance.worker", /^Instance usage/);
    expect(worker.purchaseOption).toBe("spot");
    expect(worker.unitPrice).toBe(0.42);
    expect(worker.price).toMatchObject({ source: "spot-history", label: "spot-history 2026-11-23" });
    expect(worker.onDemandMonthlyCost).toBeCloseTo(730 * 1.006, 6);
    expect(ec2.requests.filter((r) => r.params["InstanceType.1"] === "g5.xlarge")).toHaveLength(1);

    expect(component(h, "inference", "aws_nat_gateway.nat", /hours/).unitPrice).toBe(0.045);
    expect(h.warnings).toEqual([]);
    expect(h.priceSources.map((s) => s.id)).toEqual(["aws-pricing-api", "spot-history"]);
  });

  it("survives an outage for some keys: a full estimate, those keys from the snapshot, a warning listing each", async () => {
    const { api, estimates } = await run({
      fault: ({ input }) => {
        const type = input.Filters?.find((f: { Field: string }) => f.Field === "instanceType")?.Value;
        return type === "p5.48xlarge" || type === "m5.large" ? { status: 500, type: "InternalErrorException", message: "Service unavailable" } : undefined;
      },
    });
    const [, h] = estimates;
    expect(api.getProducts()).toHaveLength(DISTINCT_QUERIES);
    const trainer = component(h, "training", "aws_instance.trainer", /^Instance usage/);
    const snapRow = SNAPSHOT.prices["us-east-1"]!["ec2-instance|p5.48xlarge"]!;
    expect(trainer.unitPrice).toBe(snapRow[0]);
    expect(trainer.price?.label).toBe(`snapshot ${SNAPSHOT.datasets[snapRow[1]]!.asOf}`);
    expect(component(h, "training", "aws_instance.controller", /^Instance usage/).price?.source).toBe("snapshot");
    expect(component(h, "inference", "aws_nat_gateway.nat", /hours/).price?.source).toBe("aws-pricing-api");
    // Every resource is still priced: nothing became $0 or unpriced because of the outage.
    const statuses = h.stacks.flatMap((s) => s.resources.map((r) => r.status));
    expect(statuses).not.toContain("unpriced");
    expect(h.totals.monthlyCost).toBeGreaterThan(2 * 730 * snapRow[0]);
    expect(h.warnings).toEqual([
      "price ec2-instance|us-east-1|p5.48xlarge from snapshot: InternalErrorException: Service unavailable",
      "price ec2-instance|us-east-1|m5.large from snapshot: InternalErrorException: Service unavailable",
    ]);
    const ids = h.priceSources.map((s) => s.id);
    expect(ids[0]).toBe("aws-pricing-api");
    expect(ids.at(-1)).toBe("spot-history");
    expect(ids.slice(1, -1).length).toBeGreaterThan(0);
    expect(ids.slice(1, -1).every((id) => id.startsWith("snapshot:"))).toBe(true);
  });

  it("sends nothing to the Price List API on a warm cache", async () => {
    const dir = mkdtempSync(join(tmpdir(), "costgate-live-estimate-"));
    try {
      const cold = await run({}, dir);
      expect(cold.api.getProducts()).toHaveLength(DISTINCT_QUERIES);
      const warm = await run({}, dir);
      expect(warm.api.requests).toHaveLength(0);
      expect(warm.prices.stats()).toMatchObject({ cached: DISTINCT_KEYS, requests: 0 });
      expect(warm.estimates[1].totals.monthlyCost).toBe(cold.estimates[1].totals.monthlyCost);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
