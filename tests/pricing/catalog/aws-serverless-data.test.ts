import { describe, expect, it } from "vitest";
import { parseUsage } from "../../../src/pricing/usage.js";
import { productDocument } from "../../fakes/price-list-documents.js";
import { priceStackLive } from "../../helpers/live-stack.js";
import { priceStack } from "../../helpers/stack-plan.js";

describe("aws_elasticache_serverless_cache", () => {
  it("prices Redis data stored (at least the 1 GB minimum) and ECPUs from the dated third-party rows, labelled low confidence", async () => {
    const { res } = await priceStack(
      { aws_elasticache_serverless_cache: { used: { engine: "redis", name: "a" }, idle: { engine: "redis", name: "b" } } },
      { usage: parseUsage("resource_usage:\n  aws_elasticache_serverless_cache.used:\n    storage_gb: 10\n    monthly_ecpus: 2000000000\n", "u.yml") },
    );
    const used = res("aws_elasticache_serverless_cache.used");
    expect(used.components.map((c) => [c.name, c.monthlyQuantity, c.unitPrice])).toEqual([
      ["Data stored", 7300, 0.125],
      ["ElastiCache Processing Units", 2000, 0.0034],
    ]);
    // 10 GB × 730 h × 0.125 = 912.50; 2,000 M ECPUs × 0.0034 = 6.80
    expect(used.monthlyCost).toBeCloseTo(919.3, 10);
    expect(used.components[0]!.price).toMatchObject({ source: "snapshot", asOf: "2024-02-21", note: expect.stringMatching(/low confidence/) });
    // No usage: the 1 GB minimum, 730 × 0.125 = 91.25, as the low end of an unbounded range.
    const idle = res("aws_elasticache_serverless_cache.idle");
    expect(idle.components[0]).toMatchObject({ name: "Data stored (the 1 GB minimum)", monthlyQuantity: 730, monthlyCost: 91.25, quantityRange: { low: 730, high: null } });
    expect(idle.range.high).toBeNull();
  });

  it("Valkey is unpriced offline with the remedy; live it is priced through the Price List", async () => {
    const { res } = await priceStack({ aws_elasticache_serverless_cache: { v: { engine: "valkey", name: "v" } } }, { usage: parseUsage("resource_usage:\n  aws_elasticache_serverless_cache.v:\n    storage_gb: 5\n", "u.yml") });
    expect(res("aws_elasticache_serverless_cache.v").components[0]!.unpricedReason).toMatch(/--prices aws/);
    const doc = (usagetype: string, unit: string, usd: string) =>
      productDocument({ serviceCode: "AmazonElastiCache", productFamily: "ElastiCache Serverless", region: "us-east-1", attributes: { usagetype, cacheEngine: "Valkey" }, dimensions: [{ unit, usd }] });
    const live = await priceStackLive(
      { aws_elasticache_serverless_cache: { v: { engine: "valkey", name: "v" } } },
      [doc("USE1-ElastiCache:ServerlessValkeyStorage", "GB-Hrs", "0.0840000000"), doc("USE1-ElastiCache:ServerlessValkeyECPU", "ECPU", "0.0000000023")],
      { usage: parseUsage("resource_usage:\n  aws_elasticache_serverless_cache.v:\n    storage_gb: 5\n    monthly_ecpus: 1000000000\n", "u.yml") },
    );
    // 5 × 730 × 0.084 = 306.60; 1,000 M ECPUs × 0.0023 = 2.30
    expect(live.res("aws_elasticache_serverless_cache.v").monthlyCost).toBeCloseTo(308.9, 9);
    expect(live.warnings).toEqual([]);
  });
});

describe("aws_opensearchserverless_collection", () => {
  it("prices usage-based indexing and search OCU-hours ($0.24, low-confidence dated page); storage unpriced offline", async () => {
    const { res } = await priceStack(
      { aws_opensearchserverless_collection: { kb: { name: "kb", type: "VECTORSEARCH" } } },
      { usage: parseUsage("resource_usage:\n  aws_opensearchserverless_collection.kb:\n    monthly_indexing_ocu_hours: 730\n    monthly_search_ocu_hours: 730\n    storage_gb: 20\n", "u.yml") },
    );
    const kb = res("aws_opensearchserverless_collection.kb");
    // 730 × 0.24 = 175.20 each
    expect(kb.components.map((c) => c.monthlyCost)).toEqual([175.2, 175.2, null]);
    expect(kb.components[0]!.price).toMatchObject({ asOf: "2026-02" });
    expect(kb.components[2]!.unpricedReason).toMatch(/--prices aws/);
  });

  it("live: OCU-hours and storage through the loopback Price List API", async () => {
    const doc = (usagetype: string, unit: string, usd: string) => productDocument({ serviceCode: "AmazonES", productFamily: "Amazon OpenSearch Service Serverless", region: "eu-west-1", attributes: { usagetype }, dimensions: [{ unit, usd }] });
    const { res, warnings } = await priceStackLive(
      { aws_opensearchserverless_collection: { kb: { name: "kb" } } },
      [doc("EU-IndexingOCU", "OCU-Hours", "0.2600000000"), doc("EU-SearchOCU", "OCU-Hours", "0.2600000000"), doc("EU-ES:ServerlessStorage", "GB-Mo", "0.0260000000")],
      { region: "eu-west-1", usage: parseUsage("resource_usage:\n  aws_opensearchserverless_collection.kb:\n    monthly_indexing_ocu_hours: 365\n    monthly_search_ocu_hours: 365\n    storage_gb: 100\n", "u.yml") },
    );
    // 365 × 0.26 × 2 = 189.80; 100 × 0.026 = 2.60
    expect(res("aws_opensearchserverless_collection.kb").monthlyCost).toBeCloseTo(192.4, 9);
    expect(warnings).toEqual([]);
  });
});

describe("aws_prometheus_workspace", () => {
  it("is unpriced offline with the reason (no dated public price) and priced live", async () => {
    const usage = parseUsage("resource_usage:\n  aws_prometheus_workspace.w:\n    monthly_ingested_samples: 100000000\n    storage_gb: 10\n", "u.yml");
    const { res } = await priceStack({ aws_prometheus_workspace: { w: { alias: "w" } } }, { usage });
    expect(res("aws_prometheus_workspace.w").components[0]!.unpricedReason).toMatch(/no price for Managed Prometheus metric samples ingested in us-east-1 \(use --prices aws/);
    const doc = (usagetype: string, unit: string, usd: string) => productDocument({ serviceCode: "AmazonPrometheus", productFamily: "Managed Prometheus", region: "us-east-1", attributes: { usagetype }, dimensions: [{ unit, usd }] });
    const live = await priceStackLive({ aws_prometheus_workspace: { w: { alias: "w" } } }, [doc("USE1-AMP:MetricSampleCount", "Samples", "0.0000000900"), doc("USE1-AMP:MetricStorageByteHrs", "GB-Mo", "0.0300000000")], { usage });
    // 100 M samples × 0.00000009 = 9.00; 10 GB × 0.03 = 0.30; query samples usage-based
    expect(live.res("aws_prometheus_workspace.w").components.map((c) => c.monthlyCost)).toEqual([9, 0.3, null]);
  });
});
