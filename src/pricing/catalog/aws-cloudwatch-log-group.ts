import { literalString } from "../../plan/json-values.js";
import { definePriceFactory, type PriceKey } from "../price-key.js";
import { GB_MONTHS } from "../prices/units.js";
import type { CatalogEntry } from "./catalog-entry.js";
import { fromUsage, serviceFacts } from "./service-components.js";

/**
 * Amazon CloudWatch Logs (`AmazonCloudWatch` offer), as Infracost's `cloudwatch_log_group.go` filters it: ingestion
 * (product family `Data Payload`, usage type `…DataProcessing-Bytes`, the standard log class), archival storage
 * (`Storage Snapshot`, `…TimedStorage-ByteHrs`) and Logs Insights data scanned (`Data Payload`,
 * `…DataScanned-Bytes`). The Infrequent Access log class has other usage types and no offline price.
 *
 * Offline prices (`services-2026-11-30.json`, `infracost-goldens-95ba4f49`, us-east-1 and eu-west-1): ingestion
 * $0.50/GB (eu-west-1 $0.57), storage $0.03/GB-month, Insights $0.005/GB scanned (eu-west-1 $0.0057). Usage
 * keys (Infracost's): `monthly_data_ingested_gb`, `storage_gb`, `monthly_data_scanned_gb`.
 */
export type LogsPart = "ingestion" | "storage" | "insights";
const USAGE: Record<LogsPart, string> = { ingestion: "DataProcessing-Bytes", storage: "TimedStorage-ByteHrs", insights: "DataScanned-Bytes" };

export const cloudwatchLogsPrice: (region: string, part: LogsPart) => PriceKey = definePriceFactory("cloudwatch-logs", "AmazonCloudWatch", (region, part: LogsPart) => ({
  productFamily: part === "storage" ? "Storage Snapshot" : "Data Payload",
  attributes: [],
  checks: [
    { field: "usagetype", op: "ends-with", value: USAGE[part] },
    { field: "usagetype", op: "not-matches", pattern: "VendedLog|-IA-|InfrequentAccess" },
  ],
  units: part === "storage" ? GB_MONTHS : { GB: { unit: "GB", factor: 1 } },
  unit: part === "storage" ? "GB-months" : "GB",
  what: `CloudWatch Logs ${part === "insights" ? "Insights data scanned" : part} in ${region}`,
}));

/** `aws_cloudwatch_log_group`: usage-based ingestion, storage and Insights queries (nothing is billed without logs). */
export const awsCloudwatchLogGroup: CatalogEntry = {
  types: ["aws_cloudwatch_log_group"],
  components(r, ctx) {
    const ia = literalString(r.attributes.log_group_class) === "INFREQUENT_ACCESS";
    const problem = ia ? "the INFREQUENT_ACCESS log class has no price in costgate's catalog yet" : undefined;
    return [
      fromUsage(ctx, { name: "Data ingested", unit: "GB", usageKey: "monthly_data_ingested_gb", priceKey: problem ? null : cloudwatchLogsPrice(r.region, "ingestion"), problem }),
      fromUsage(ctx, { name: "Archival storage", unit: "GB-months", usageKey: "storage_gb", priceKey: cloudwatchLogsPrice(r.region, "storage") }),
      fromUsage(ctx, { name: "Insights queries data scanned", unit: "GB", usageKey: "monthly_data_scanned_gb", priceKey: cloudwatchLogsPrice(r.region, "insights") }),
    ];
  },
  facts: serviceFacts,
};
