import { definePriceFactory, type PriceKey } from "../price-key.js";
import { GB_MONTHS, HOURS } from "../prices/units.js";
import type { CatalogEntry } from "./catalog-entry.js";
import { fromUsage, serviceFacts } from "./service-components.js";

/**
 * OpenSearch Serverless (`AmazonES` offer): indexing and search OpenSearch Compute Unit hours (OCU-hours) and
 * managed storage (GB-months). OCUs are shared by the collections of an account that use the same encryption key,
 * so a collection's OCU-hours are usage (`monthly_indexing_ocu_hours`, `monthly_search_ocu_hours`), not derived
 * from the resource. The Price List filter (usage types containing `IndexingOCU`, `SearchOCU`,
 * `ServerlessStorage`) is not verified against the live API: a mismatch ends in NoMatchingPrice or AmbiguousPrice.
 *
 * Offline prices: dataset `awsnegotiations-opensearch-serverless-2026-02` (scripts/price-facts/, low confidence: a
 * dated third-party page, "billed at about $0.24 per OCU-hour", region not stated, us-east-1 assumed): indexing and
 * search OCU-hours $0.24. Storage: `--prices aws`.
 */
export type OpensearchServerlessPart = "indexing" | "search" | "storage";
const USAGE: Record<OpensearchServerlessPart, string> = { indexing: "IndexingOCU", search: "SearchOCU", storage: "ServerlessStorage" };

export const opensearchServerlessPrice: (region: string, part: OpensearchServerlessPart) => PriceKey = definePriceFactory("opensearch-serverless", "AmazonES", (region, part: OpensearchServerlessPart) => ({
  attributes: [],
  checks: [{ field: "usagetype", op: "matches", pattern: USAGE[part] }],
  units: part === "storage" ? GB_MONTHS : { ...HOURS, "OCU-Hours": { unit: "hours", factor: 1 }, "OCU-Hrs": { unit: "hours", factor: 1 } },
  unit: part === "storage" ? "GB-months" : "hours",
  what: `OpenSearch Serverless ${part === "storage" ? "managed storage" : `${part} OCU-hours`} in ${region}`,
}));

/** `aws_opensearchserverless_collection`: usage-based indexing and search OCU-hours and managed storage (`storage_gb`). */
export const awsOpensearchserverlessCollection: CatalogEntry = {
  types: ["aws_opensearchserverless_collection"],
  components: (r, ctx) => [
    fromUsage(ctx, { name: "Indexing OCU-hours", unit: "hours", usageKey: "monthly_indexing_ocu_hours", priceKey: opensearchServerlessPrice(r.region, "indexing") }),
    fromUsage(ctx, { name: "Search OCU-hours", unit: "hours", usageKey: "monthly_search_ocu_hours", priceKey: opensearchServerlessPrice(r.region, "search") }),
    fromUsage(ctx, { name: "Managed storage", unit: "GB-months", usageKey: "storage_gb", priceKey: opensearchServerlessPrice(r.region, "storage") }),
  ],
  facts: serviceFacts,
};
