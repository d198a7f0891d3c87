import { firstBlock, literalString, toNumber } from "../../plan/json-values.js";
import type { CostComponentSpec } from "../cost-component.js";
import { definePriceFactory, type PriceKey } from "../price-key.js";
import { GB_MONTHS } from "../prices/units.js";
import type { CatalogEntry } from "./catalog-entry.js";
import { fromUsage, perResource, serviceFacts } from "./service-components.js";
import { monthlyHours } from "./compute-components.js";

/**
 * Amazon DynamoDB (`AmazonDynamoDB`), as Infracost's `dynamodb_table.go` filters it: provisioned capacity
 * (`Provisioned IOPS`, usage types `…ReadCapacityUnit-Hrs` / `…WriteCapacityUnit-Hrs`), on-demand request units
 * (`Amazon DynamoDB PayPerRequest Throughput`, group `DDB-ReadUnits` / `DDB-WriteUnits`), storage
 * (`…TimedStorage-ByteHrs`), point-in-time-recovery and on-demand backup storage (`…TimedPITRStorage-ByteHrs`,
 * `…TimedBackupStorage-ByteHrs`), restores (`…RestoreDataSize-Bytes`). Usage types not in an Infracost filter are
 * not verified against the live API.
 *
 * Offline prices (`services-2026-11-30.json`, `infracost-goldens-95ba4f49`, as of 2024-11-15, us-east-2 only — the
 * sources have no us-east-1 DynamoDB row): on-demand reads $0.125 per 1M, Standard storage $0.25/GB-month, PITR
 * $0.20/GB-month, on-demand backups $0.10/GB-month, restores $0.15/GB. The provisioned RCU/WCU and on-demand write
 * rows are rounded in their source and not quoted. The free tier (25 GB, 25 RCU/WCU per account) is not
 * subtracted. Usage keys (Infracost's): `monthly_read_request_units`, `monthly_write_request_units`, `storage_gb`,
 * `pitr_backup_storage_gb`, `on_demand_backup_storage_gb`, `monthly_data_restored_gb`.
 */
export type DynamoPart = "rcu-hours" | "wcu-hours" | "read-units" | "write-units" | "storage" | "pitr" | "backup" | "restore";
const PART: Record<DynamoPart, { family: string; check: string; unit: string; units: Record<string, { unit: string; factor: number }>; what: string }> = {
  "rcu-hours": { family: "Provisioned IOPS", check: "ReadCapacityUnit-Hrs", unit: "RCU-hours", units: { ReadCapacityUnit: { unit: "RCU-hours", factor: 1 }, Hrs: { unit: "RCU-hours", factor: 1 } }, what: "provisioned read capacity" },
  "wcu-hours": { family: "Provisioned IOPS", check: "WriteCapacityUnit-Hrs", unit: "WCU-hours", units: { WriteCapacityUnit: { unit: "WCU-hours", factor: 1 }, Hrs: { unit: "WCU-hours", factor: 1 } }, what: "provisioned write capacity" },
  "read-units": { family: "Amazon DynamoDB PayPerRequest Throughput", check: "ReadRequestUnits", unit: "1M request units", units: { ReadRequestUnits: { unit: "1M request units", factor: 1e6 } }, what: "on-demand read request units" },
  "write-units": { family: "Amazon DynamoDB PayPerRequest Throughput", check: "WriteRequestUnits", unit: "1M request units", units: { WriteRequestUnits: { unit: "1M request units", factor: 1e6 } }, what: "on-demand write request units" },
  storage: { family: "Database Storage", check: "TimedStorage-ByteHrs", unit: "GB-months", units: GB_MONTHS, what: "storage (Standard table class)" },
  pitr: { family: "Database Storage", check: "TimedPITRStorage-ByteHrs", unit: "GB-months", units: GB_MONTHS, what: "point-in-time recovery storage" },
  backup: { family: "Database Storage", check: "TimedBackupStorage-ByteHrs", unit: "GB-months", units: GB_MONTHS, what: "on-demand backup storage" },
  restore: { family: "Amazon DynamoDB Restore Data Size", check: "RestoreDataSize-Bytes", unit: "GB", units: { GB: { unit: "GB", factor: 1 } }, what: "data restored" },
};

export const dynamodbPrice: (region: string, part: DynamoPart) => PriceKey = definePriceFactory("dynamodb", "AmazonDynamoDB", (region, part: DynamoPart) => ({
  productFamily: PART[part].family,
  attributes: [],
  checks: [{ field: "usagetype", op: "matches", pattern: `(^|-)${PART[part].check}$` }],
  units: PART[part].units,
  unit: PART[part].unit,
  what: `DynamoDB ${PART[part].what} in ${region}`,
}));

/**
 * `aws_dynamodb_table`: `billing_mode` PROVISIONED (default): `read_capacity` / `write_capacity` × hours;
 * PAY_PER_REQUEST: usage-based request units. Usage-based storage, PITR (when enabled), backups and restores.
 * Global-table replicas are not priced.
 */
export const awsDynamodbTable: CatalogEntry = {
  types: ["aws_dynamodb_table"],
  components(r, ctx) {
    const onDemand = literalString(r.attributes.billing_mode) === "PAY_PER_REQUEST";
    const out: CostComponentSpec[] = [];
    if (onDemand) {
      out.push(
        fromUsage(ctx, { name: "Read request units", unit: "1M request units", usageKey: "monthly_read_request_units", priceKey: dynamodbPrice(r.region, "read-units"), per: 1e6 }),
        fromUsage(ctx, { name: "Write request units", unit: "1M request units", usageKey: "monthly_write_request_units", priceKey: dynamodbPrice(r.region, "write-units"), per: 1e6 }),
      );
    } else {
      for (const [attr, part, label] of [["read_capacity", "rcu-hours", "Read"], ["write_capacity", "wcu-hours", "Write"]] as const) {
        const n = toNumber(r.attributes[attr]);
        out.push(perResource(r, { name: `${label} capacity (${n ?? "?"} units)`, unit: part === "rcu-hours" ? "RCU-hours" : "WCU-hours", perResource: n === null ? null : n * monthlyHours(ctx), priceKey: dynamodbPrice(r.region, part), usageKey: "monthly_hrs", problem: n === null ? `${attr} is unknown (${String(r.attributes[attr] ?? "not set")})` : undefined }));
      }
    }
    out.push(fromUsage(ctx, { name: "Storage", unit: "GB-months", usageKey: "storage_gb", priceKey: dynamodbPrice(r.region, "storage") }));
    const pitr = firstBlock(r.attributes.point_in_time_recovery)?.enabled;
    if (pitr === true || pitr === "true") out.push(fromUsage(ctx, { name: "Point-in-time recovery storage", unit: "GB-months", usageKey: "pitr_backup_storage_gb", priceKey: dynamodbPrice(r.region, "pitr") }));
    out.push(
      fromUsage(ctx, { name: "On-demand backup storage", unit: "GB-months", usageKey: "on_demand_backup_storage_gb", priceKey: dynamodbPrice(r.region, "backup") }),
      fromUsage(ctx, { name: "Data restored", unit: "GB", usageKey: "monthly_data_restored_gb", priceKey: dynamodbPrice(r.region, "restore") }),
    );
    return out;
  },
  facts: serviceFacts,
};

