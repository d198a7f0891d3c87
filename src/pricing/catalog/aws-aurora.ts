import { firstBlock, isUnresolved, literalString, toNumber } from "../../plan/json-values.js";
import type { Resource } from "../../plan/resource.js";
import type { CostComponentSpec } from "../cost-component.js";
import { HOURS_PER_MONTH } from "../estimate.js";
import { definePriceFactory, type PriceKey } from "../price-key.js";
import { GB_MONTHS, HOURS } from "../prices/units.js";
import type { CatalogContext, CatalogEntry } from "./catalog-entry.js";
import { monthlyHours } from "./compute-components.js";
import { RDS_ENGINES } from "./aws-db-instance.js";
import { referencedResource } from "./resource-reference.js";
import { fromUsage, resourceHours, serviceFacts } from "./service-components.js";

/**
 * Amazon Aurora (`AmazonRDS` offer): provisioned instance-hours (`aws_rds_cluster_instance`), Serverless v2
 * ACU-hours (`db.serverless` instances), Serverless v1 ACU-hours (`engine_mode = "serverless"` clusters), storage,
 * I/O requests (Aurora Standard only) and backup storage (`aws_rds_cluster`). Aurora Standard and I/O-Optimized
 * (`storage_type = "aurora-iopt1"`) are different prices. The usage types below (`…InstanceUsage[IOOptimized]:…`,
 * `…Aurora:ServerlessV2[IOOptimized]Usage`, `…Aurora:ServerlessUsage`, `…Aurora:StorageUsage`,
 * `…Aurora:IO-OptimizedStorageUsage`, `…Aurora:StorageIOUsage`, `…Aurora:BackupUsage`) are not verified against the
 * live API: a mismatch ends in NoMatchingPrice or AmbiguousPrice, never a wrong price.
 *
 * Offline prices (`services-2026-11-30.json`, `infracost-goldens-95ba4f49`, us-east-1): Aurora Standard
 * instance-hours for aurora-mysql db.t3.medium/large, db.r4.large/8xlarge and aurora-postgresql db.t3.large;
 * Serverless v2 $0.12 per ACU-hour (aurora-mysql, Standard); Serverless v1 $0.06 per ACU-hour; Standard storage
 * $0.10/GB-month; backup $0.021/GB-month. The I/O-Optimized storage and ACU rows and the I/O request rows are
 * rounded in their source and not quoted. Usage keys (Infracost's): `capacity_units_per_hr`, `storage_gb`,
 * `write_requests_per_sec`, `read_requests_per_sec`, `backup_snapshot_size_gb`.
 */
export type AuroraStorage = "standard" | "io-optimized";

const engineAttr = (engine: string) => ({ field: "databaseEngine", value: RDS_ENGINES[engine] ?? engine });
const io = (storage: AuroraStorage, base: string) =>
  storage === "io-optimized" ? { field: "usagetype", op: "matches", pattern: `${base}IOOptimized` } as const : { field: "usagetype", op: "not-matches", pattern: "IOOptimized|IO-Optimized" } as const;

/** Aurora provisioned instance-hours by engine, storage configuration and class. */
export const auroraInstancePrice: (region: string, engine: string, storage: AuroraStorage, instanceClass: string) => PriceKey = definePriceFactory(
  "aurora-instance-hours",
  "AmazonRDS",
  (region, engine: string, storage: AuroraStorage, instanceClass: string) =>
    ({
      productFamily: "Database Instance",
      attributes: [{ field: "instanceType", value: instanceClass }, engineAttr(engine)],
      checks: [{ field: "instanceType", op: "equals", value: instanceClass }, io(storage, "InstanceUsage")],
      units: HOURS,
      unit: "hours",
      what: `Aurora ${engine} ${instanceClass} (${storage}) in ${region}`,
    }),
);

/** Aurora capacity units: Serverless v2 or v1, ACU-hours. */
export const auroraAcuPrice: (region: string, engine: string, storage: AuroraStorage, version: "v1" | "v2") => PriceKey = definePriceFactory(
  "aurora-acu-hours",
  "AmazonRDS",
  (region, engine: string, storage: AuroraStorage, version: "v1" | "v2") =>
    ({
      productFamily: version === "v2" ? "ServerlessV2" : "Serverless",
      attributes: [engineAttr(engine)],
      checks: version === "v2" ? [{ field: "usagetype", op: "matches", pattern: storage === "io-optimized" ? "ServerlessV2IOOptimizedUsage$" : "ServerlessV2Usage$" }] : [{ field: "usagetype", op: "ends-with", value: "Aurora:ServerlessUsage" }],
      units: { "ACU-Hr": { unit: "ACU-hours", factor: 1 }, "ACU-Hrs": { unit: "ACU-hours", factor: 1 } },
      unit: "ACU-hours",
      what: `Aurora Serverless ${version} ACU-hours (${engine}, ${storage}) in ${region}`,
    }),
);

/** Aurora storage, GB-months, by engine and storage configuration. */
export const auroraStoragePrice: (region: string, engine: string, storage: AuroraStorage) => PriceKey = definePriceFactory("aurora-storage", "AmazonRDS", (region, engine: string, storage: AuroraStorage) =>
  ({
    productFamily: "Database Storage",
    attributes: [engineAttr(engine)],
    checks: [{ field: "usagetype", op: "ends-with", value: storage === "io-optimized" ? "Aurora:IO-OptimizedStorageUsage" : "Aurora:StorageUsage" }],
    units: GB_MONTHS,
    unit: "GB-months",
    what: `Aurora ${engine} storage (${storage}) in ${region}`,
  }),
);

/** Aurora Standard I/O requests, per 1M. */
export const auroraIoPrice: (region: string, engine: string) => PriceKey = definePriceFactory("aurora-io-requests", "AmazonRDS", (region, engine: string) =>
  ({
    productFamily: "System Operation",
    attributes: [engineAttr(engine)],
    checks: [{ field: "usagetype", op: "ends-with", value: "Aurora:StorageIOUsage" }],
    units: { IOs: { unit: "1M requests", factor: 1_000_000 } },
    unit: "1M requests",
    what: `Aurora ${engine} I/O requests in ${region}`,
  }),
);

/** Aurora backup storage beyond the free allowance, GB-months. */
export const auroraBackupPrice: (region: string, engine: string) => PriceKey = definePriceFactory("aurora-backup-storage", "AmazonRDS", (region, engine: string) =>
  ({
    productFamily: "Storage Snapshot",
    attributes: [engineAttr(engine)],
    checks: [{ field: "usagetype", op: "ends-with", value: "Aurora:BackupUsage" }],
    units: GB_MONTHS,
    unit: "GB-months",
    what: `Aurora ${engine} backup storage in ${region}`,
  }),
);

/** Engine (`aurora-mysql`, `aurora-postgresql`; `aurora` = MySQL 5.6-compatible) or why it is not an Aurora engine. */
function auroraEngine(v: unknown): { engine?: string; problem?: string } {
  // `aurora` (the provider's old default) is MySQL-compatible Aurora: the same `Aurora MySQL` prices.
  if (v === undefined || v === null) return { engine: "aurora-mysql" };
  const s = literalString(v);
  if (s === "aurora") return { engine: "aurora-mysql" };
  if (s === "aurora-mysql" || s === "aurora-postgresql") return { engine: s };
  return { problem: `engine ${isUnresolved(v) ? `is an expression (${String(v)})` : JSON.stringify(v) + " is not an Aurora engine"}` };
}

/** Storage configuration of a cluster (`storage_type = "aurora-iopt1"` is I/O-Optimized), or why it is unknown. */
function auroraStorage(cluster: Resource | undefined): { storage?: AuroraStorage; problem?: string } {
  if (!cluster) return { problem: "the cluster is not in this stack (cluster_identifier is not a reference costgate can follow): Aurora Standard or I/O-Optimized unknown" };
  const t = cluster.attributes.storage_type;
  if (t === undefined || t === null || t === "" || t === "aurora") return { storage: "standard" };
  if (t === "aurora-iopt1") return { storage: "io-optimized" };
  return { problem: `the cluster's storage_type ${isUnresolved(t) ? `is an expression (${String(t)})` : JSON.stringify(t) + " is not aurora or aurora-iopt1"}` };
}

/** I/O requests a month from `write_requests_per_sec` + `read_requests_per_sec` (both needed), in 1M. */
function ioMillions(ctx: CatalogContext): number | null {
  const w = ctx.usage.write_requests_per_sec;
  const rd = ctx.usage.read_requests_per_sec;
  return w === undefined || rd === undefined ? null : ((w + rd) * 3600 * HOURS_PER_MONTH) / 1_000_000;
}

/**
 * `aws_rds_cluster`: usage-based storage, I/O requests (Aurora Standard) and backup storage; a Serverless v1
 * cluster (`engine_mode = "serverless"`) also its ACU-hours (`capacity_units_per_hr` × hours). A provisioned
 * cluster's compute is priced on its `aws_rds_cluster_instance`s.
 */
export const awsRdsCluster: CatalogEntry = {
  types: ["aws_rds_cluster"],
  components(r, ctx) {
    const { engine, problem } = auroraEngine(r.attributes.engine);
    const st = auroraStorage(r);
    const ok = engine && st.storage ? { engine, storage: st.storage } : undefined;
    const why = problem ?? st.problem;
    const out: CostComponentSpec[] = [];
    if (literalString(r.attributes.engine_mode) === "serverless") {
      const acu = ctx.usage.capacity_units_per_hr;
      out.push({
        name: "Serverless v1 capacity (ACU-hours)",
        unit: "ACU-hours",
        monthlyQuantity: acu === undefined ? null : acu * monthlyHours(ctx),
        usageKey: "capacity_units_per_hr",
        priceKey: ok ? auroraAcuPrice(r.region, ok.engine, ok.storage, "v1") : null,
        purchaseOption: "usage",
        ...(why ? { unpricedReason: why } : {}),
      });
    }
    out.push(fromUsage(ctx, { name: `Storage (${st.storage ?? "unknown configuration"})`, unit: "GB-months", usageKey: "storage_gb", priceKey: ok ? auroraStoragePrice(r.region, ok.engine, ok.storage) : null, problem: why }));
    if (st.storage !== "io-optimized") {
      const q = ioMillions(ctx);
      out.push({ name: "I/O requests", unit: "1M requests", monthlyQuantity: q, usageKey: "write_requests_per_sec", priceKey: engine ? auroraIoPrice(r.region, engine) : null, purchaseOption: "usage", ...(problem ? { unpricedReason: problem } : {}) });
    }
    out.push(fromUsage(ctx, { name: "Backup storage", unit: "GB-months", usageKey: "backup_snapshot_size_gb", priceKey: engine ? auroraBackupPrice(r.region, engine) : null, problem }));
    return out;
  },
  facts: serviceFacts,
};

/**
 * `aws_rds_cluster_instance`: instance-hours of `instance_class` at its cluster's storage configuration; a
 * `db.serverless` instance: Serverless v2 ACU-hours, expected `capacity_units_per_hr` (else the cluster's
 * `serverlessv2_scaling_configuration.min_capacity`) × hours, ranging from min to max capacity.
 */
export const awsRdsClusterInstance: CatalogEntry = {
  types: ["aws_rds_cluster_instance"],
  components(r, ctx) {
    const cluster = referencedResource(r.attributes.cluster_identifier, "aws_rds_cluster", r, ctx);
    const { engine, problem } = auroraEngine(r.attributes.engine ?? cluster?.attributes.engine);
    const st = auroraStorage(cluster);
    const cls = literalString(r.attributes.instance_class);
    const why = problem ?? st.problem ?? (cls ? undefined : `instance_class is ${r.attributes.instance_class === undefined ? "not set" : `an expression (${String(r.attributes.instance_class)})`}`);
    const ok = engine && st.storage && !why ? { engine, storage: st.storage } : undefined;
    if (cls !== "db.serverless") {
      return [resourceHours(r, ctx, { name: `Database instance (${engine ?? "unknown engine"}, ${st.storage ?? "unknown storage"}, ${cls ?? "unknown class"})`, priceKey: ok && cls ? auroraInstancePrice(r.region, ok.engine, ok.storage, cls) : null, problem: why })];
    }
    const scaling = cluster ? firstBlock(cluster.attributes.serverlessv2_scaling_configuration) : undefined;
    const min = toNumber(scaling?.min_capacity);
    const max = toNumber(scaling?.max_capacity);
    const hours = monthlyHours(ctx);
    const acu = ctx.usage.capacity_units_per_hr ?? min;
    const count = r.count;
    const qty = acu === null || acu === undefined || count === null ? null : acu * hours * count;
    return [
      {
        name: `Serverless v2 capacity (${min ?? "?"}–${max ?? "?"} ACUs)`,
        unit: "ACU-hours",
        monthlyQuantity: qty,
        usageKey: "capacity_units_per_hr",
        ...(qty !== null && min !== null && count !== null ? { quantityRange: { low: Math.min(min * hours * count, qty), high: max === null ? null : Math.max(max * hours * count, qty) } } : {}),
        ...(ctx.usage.capacity_units_per_hr === undefined && min !== null ? { quantitySource: "plan" as const } : {}),
        priceKey: ok ? auroraAcuPrice(r.region, ok.engine, ok.storage, "v2") : null,
        purchaseOption: "on-demand",
        ...(why ? { unpricedReason: why } : qty === null ? { unpricedReason: "no capacity_units_per_hr usage and the cluster's serverlessv2_scaling_configuration.min_capacity is unknown" } : {}),
      },
    ];
  },
  facts: serviceFacts,
};
