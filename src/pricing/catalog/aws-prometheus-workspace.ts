import { definePriceFactory, type PriceKey, type UnitConversion } from "../price-key.js";
import { GB_MONTHS } from "../prices/units.js";
import type { CatalogEntry } from "./catalog-entry.js";
import { fromUsage, serviceFacts } from "./service-components.js";

/**
 * Amazon Managed Service for Prometheus (`AmazonPrometheus` offer): metric samples ingested, metrics stored
 * (GB-months) and query samples processed. Ingestion is priced in volume tiers; costgate prices the first tier
 * only and leaves the rest unpriced (never at the first tier's rate) — here the whole ingestion is one usage
 * component whose tier the Price List decides. The filter (usage types containing `MetricSampleCount`,
 * `MetricStorageByteHrs`, `QuerySamplesProcessed`) is not verified against the live API.
 *
 * Offline: no dated public price was found (shared/pricing SOURCES-2026-11-30 lists AMP under "no source found";
 * the AWS pricing page copies in the search corpus carry no figures): every component is unpriced with the
 * reason; `--prices aws` prices it.
 */
export type PrometheusPart = "ingested" | "stored" | "queried";
const USAGE: Record<PrometheusPart, string> = { ingested: "MetricSampleCount", stored: "MetricStorageByteHrs", queried: "QuerySamplesProcessed" };

const SAMPLE_UNITS: Readonly<Record<string, UnitConversion>> = { Samples: { unit: "samples", factor: 1 }, Count: { unit: "samples", factor: 1 } };

export const prometheusPrice: (region: string, part: PrometheusPart) => PriceKey = definePriceFactory("prometheus", "AmazonPrometheus", (region, part: PrometheusPart) => ({
  attributes: [],
  checks: [{ field: "usagetype", op: "matches", pattern: USAGE[part] }],
  units: part === "stored" ? GB_MONTHS : SAMPLE_UNITS,
  unit: part === "stored" ? "GB-months" : "samples",
  what: `Managed Prometheus ${part === "stored" ? "metrics stored" : part === "ingested" ? "metric samples ingested" : "query samples processed"} in ${region}`,
}));

/** `aws_prometheus_workspace`: usage-based samples ingested (`monthly_ingested_samples`), storage (`storage_gb`), query samples (`monthly_query_samples`). */
export const awsPrometheusWorkspace: CatalogEntry = {
  types: ["aws_prometheus_workspace"],
  components: (r, ctx) => [
    fromUsage(ctx, { name: "Metric samples ingested", unit: "samples", usageKey: "monthly_ingested_samples", priceKey: prometheusPrice(r.region, "ingested") }),
    fromUsage(ctx, { name: "Metrics stored", unit: "GB-months", usageKey: "storage_gb", priceKey: prometheusPrice(r.region, "stored") }),
    fromUsage(ctx, { name: "Query samples processed", unit: "samples", usageKey: "monthly_query_samples", priceKey: prometheusPrice(r.region, "queried") }),
  ],
  facts: serviceFacts,
};
