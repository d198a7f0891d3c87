import { literalString } from "../../plan/json-values.js";
import { definePriceFactory, type PriceKey, type UnitConversion } from "../price-key.js";
import type { CostComponentSpec } from "../cost-component.js";
import type { CatalogEntry } from "./catalog-entry.js";
import { fromUsage, serviceFacts } from "./service-components.js";
import { monthlyHours } from "./compute-components.js";

/**
 * ElastiCache Serverless (`AmazonElastiCache` offer): data stored per GB-hour and ElastiCache Processing Units
 * (ECPUs) per million, by engine. The Price List filter (product family `ElastiCache Serverless`, attribute
 * `cacheEngine`, usage types containing `Storage` / `ECPU`) is not verified against the live API: a mismatch
 * ends in NoMatchingPrice or AmbiguousPrice, never a wrong price.
 *
 * Offline prices: dataset `gomomento-elasticache-serverless-2024-02-21` (scripts/price-facts/, low confidence: a
 * dated third-party page that states no region, us-east-1 assumed; the same figures as the AWS Database Blog's
 * worked example): Redis $0.125 per GB-hour and $0.0034 per million ECPUs. Valkey and Memcached: `--prices aws`.
 * "ElastiCache Serverless always meters for a minimum of 1 GB storage on every cache" (AWS Database Blog, "Unlock
 * on-demand, cost-optimized performance with Amazon ElastiCache Serverless", 2023): for Redis and Memcached
 * caches, data stored is at least 1 GB × hours, the range's low end, with no upper bound unless `storage_gb` is set.
 */
export type ServerlessCacheEngine = "redis" | "valkey" | "memcached";
const ENGINE: Record<ServerlessCacheEngine, string> = { redis: "Redis", valkey: "Valkey", memcached: "Memcached" };

const STORAGE_UNITS: Readonly<Record<string, UnitConversion>> = { "GB-Hrs": { unit: "GB-hours", factor: 1 }, "GB-Hours": { unit: "GB-hours", factor: 1 } };
const ECPU_UNITS: Readonly<Record<string, UnitConversion>> = { ECPU: { unit: "1M ECPUs", factor: 1_000_000 }, ECPUs: { unit: "1M ECPUs", factor: 1_000_000 } };

export const elasticacheServerlessPrice: (region: string, engine: ServerlessCacheEngine, part: "storage" | "ecpu") => PriceKey = definePriceFactory(
  "elasticache-serverless",
  "AmazonElastiCache",
  (region, engine: ServerlessCacheEngine, part: "storage" | "ecpu") => ({
    productFamily: "ElastiCache Serverless",
    attributes: [{ field: "cacheEngine", value: ENGINE[engine] }],
    checks: [{ field: "usagetype", op: "matches", pattern: part === "storage" ? "Storage" : "ECPU" }],
    units: part === "storage" ? STORAGE_UNITS : ECPU_UNITS,
    unit: part === "storage" ? "GB-hours" : "1M ECPUs",
    what: `ElastiCache Serverless ${ENGINE[engine]} ${part === "storage" ? "data stored" : "ECPUs"} in ${region}`,
  }),
);

/** Least data stored metered per cache (GB), Redis and Memcached (AWS Database Blog, above). */
const MINIMUM_GB = 1;

/**
 * `aws_elasticache_serverless_cache`: data stored GB-hours (usage `storage_gb` × hours, at least the 1 GB minimum
 * for Redis and Memcached; without usage, the minimum as the low end of an unbounded range) and ECPUs
 * (`monthly_ecpus`, per 1M).
 */
export const awsElasticacheServerlessCache: CatalogEntry = {
  types: ["aws_elasticache_serverless_cache"],
  components(r, ctx) {
    const e = literalString(r.attributes.engine);
    const engine = e === "redis" || e === "valkey" || e === "memcached" ? e : undefined;
    const problem = engine ? undefined : `engine ${r.attributes.engine === undefined ? "is not set" : `${JSON.stringify(r.attributes.engine)} is not redis, valkey or memcached`}`;
    const hours = monthlyHours(ctx);
    const floor = engine === "redis" || engine === "memcached" ? MINIMUM_GB : undefined;
    const stored = ctx.usage.storage_gb;
    const gb = stored === undefined ? floor : floor === undefined ? stored : Math.max(stored, floor);
    const storage: CostComponentSpec = {
      name: `Data stored${floor !== undefined && (stored === undefined || stored < floor) ? ` (the ${floor} GB minimum)` : ""}`,
      unit: "GB-hours",
      monthlyQuantity: gb === undefined ? null : gb * hours,
      usageKey: "storage_gb",
      ...(stored === undefined && gb !== undefined ? { quantityRange: { low: gb * hours, high: null }, quantitySource: "default" as const } : {}),
      priceKey: engine ? elasticacheServerlessPrice(r.region, engine, "storage") : null,
      purchaseOption: "usage",
      ...(problem ? { unpricedReason: problem } : {}),
    };
    return [storage, fromUsage(ctx, { name: "ElastiCache Processing Units", unit: "1M ECPUs", usageKey: "monthly_ecpus", per: 1_000_000, priceKey: engine ? elasticacheServerlessPrice(r.region, engine, "ecpu") : null, problem })];
  },
  facts: serviceFacts,
};
