import { isUnresolved, literalString, toNumber } from "../../plan/json-values.js";
import type { Resource } from "../../plan/resource.js";
import type { CostComponentSpec } from "../cost-component.js";
import { definePriceFactory, type PriceKey } from "../price-key.js";
import { GB_MONTHS, HOURS } from "../prices/units.js";
import type { CatalogEntry } from "./catalog-entry.js";
import { fromUsage, perResource, resourceHours, serviceFacts } from "./service-components.js";

/**
 * Amazon RDS (`AmazonRDS` offer) for `aws_db_instance`: instance-hours by engine, deployment (Single-AZ /
 * Multi-AZ) and class; allocated storage by volume type; provisioned IOPS (io1, and gp3 above its baseline); and
 * usage-based backup storage beyond the free allowance. Filters follow Infracost's `internal/resources/aws/
 * db_instance.go` (product families `Database Instance`, `Database Storage`, `Provisioned IOPS`, `Storage
 * Snapshot`; attributes `instanceType`, `databaseEngine`, `deploymentOption`, `volumeType`). The usage-type
 * patterns of the IOPS products are not verified against the live API: a mismatch ends in NoMatchingPrice or
 * AmbiguousPrice, never a wrong price.
 *
 * Offline prices: `services-2026-11-30.json`, dataset `infracost-goldens-95ba4f49` (us-east-1 unless stated):
 * instance-hours for db.t3.large (mysql, postgres, mariadb; mysql Multi-AZ), db.t4g.small (mysql, Single and
 * Multi-AZ), db.m5.large (mysql), db.t3.small/large (aurora-*), db.m6g.xlarge (postgres Multi-AZ, eu-west-1);
 * gp2 storage (mysql, postgres, mariadb; Multi-AZ mysql, postgres, and postgres in eu-west-1), gp3 storage and
 * gp3 IOPS (mysql), io1 storage and IOPS (mysql Single-AZ), magnetic storage (mysql Single-AZ), backup storage
 * (mysql, mariadb, postgres; postgres in eu-west-1). Every other class, engine, deployment and region is unpriced
 * offline with the reason; `--prices aws` prices it.
 */

/** Terraform `engine` → Price List `databaseEngine`. Oracle and SQL Server also need an edition and licence model. */
export const RDS_ENGINES: Readonly<Record<string, string>> = {
  mysql: "MySQL",
  postgres: "PostgreSQL",
  mariadb: "MariaDB",
  "aurora-mysql": "Aurora MySQL",
  aurora: "Aurora MySQL",
  "aurora-postgresql": "Aurora PostgreSQL",
};

export type RdsDeployment = "Single-AZ" | "Multi-AZ";

/** RDS instance-hours (On-Demand) by engine, deployment and instance class. */
export const rdsInstancePrice: (region: string, engine: string, deployment: RdsDeployment, instanceClass: string) => PriceKey = definePriceFactory(
  "rds-instance-hours",
  "AmazonRDS",
  (region, engine: string, deployment: RdsDeployment, instanceClass: string) => ({
    productFamily: "Database Instance",
    attributes: [
      { field: "instanceType", value: instanceClass },
      { field: "databaseEngine", value: RDS_ENGINES[engine] ?? engine },
      { field: "deploymentOption", value: deployment },
    ],
    checks: [{ field: "instanceType", op: "equals", value: instanceClass }],
    units: HOURS,
    unit: "hours",
    what: `RDS ${engine} ${instanceClass} (${deployment}) in ${region}`,
  }),
);

/** Terraform `storage_type` → Price List `volumeType` of `Database Storage`. */
const RDS_VOLUME: Record<string, string> = { gp2: "General Purpose", gp3: "General Purpose-GP3", io1: "Provisioned IOPS", io2: "Provisioned IOPS-IO2", standard: "Magnetic" };

/** RDS storage, GB-months, by engine, deployment and storage type (gp2, gp3, io1, io2, standard). */
export const rdsStoragePrice: (region: string, engine: string, deployment: RdsDeployment, storageType: string) => PriceKey = definePriceFactory(
  "rds-storage",
  "AmazonRDS",
  (region, engine: string, deployment: RdsDeployment, storageType: string) => ({
    productFamily: "Database Storage",
    attributes: [
      { field: "volumeType", value: RDS_VOLUME[storageType] ?? storageType },
      { field: "databaseEngine", value: RDS_ENGINES[engine] ?? engine },
      { field: "deploymentOption", value: deployment },
    ],
    checks: [],
    units: GB_MONTHS,
    unit: "GB-months",
    what: `RDS ${engine} ${storageType} storage (${deployment}) in ${region}`,
  }),
);

/** RDS provisioned IOPS, IOPS-months: io1 (all provisioned IOPS), gp3 (IOPS above the baseline). */
export const rdsIopsPrice: (region: string, engine: string, deployment: RdsDeployment, storageType: string) => PriceKey = definePriceFactory(
  "rds-iops",
  "AmazonRDS",
  (region, engine: string, deployment: RdsDeployment, storageType: string) => ({
    productFamily: "Provisioned IOPS",
    attributes: [
      { field: "databaseEngine", value: RDS_ENGINES[engine] ?? engine },
      { field: "deploymentOption", value: deployment },
    ],
    checks:
      storageType === "gp3"
        ? [{ field: "usagetype", op: "matches", pattern: "GP3-PIOPS$" }]
        : [
            { field: "usagetype", op: "matches", pattern: "PIOPS$" },
            { field: "usagetype", op: "not-matches", pattern: "GP3|IO2" },
          ],
    units: { "IOPS-Mo": { unit: "IOPS-months", factor: 1 } },
    unit: "IOPS-months",
    what: `RDS ${engine} ${storageType} provisioned IOPS (${deployment}) in ${region}`,
    ...(storageType === "gp3" || storageType === "io1" ? {} : { notInPriceList: `RDS ${storageType} storage has no provisioned-IOPS price costgate models` }),
  }),
);

/** RDS backup storage beyond the free allowance (100% of provisioned storage), GB-months, by engine. */
export const rdsBackupPrice: (region: string, engine: string) => PriceKey = definePriceFactory("rds-backup-storage", "AmazonRDS", (region, engine: string) => ({
  productFamily: "Storage Snapshot",
  attributes: [{ field: "databaseEngine", value: RDS_ENGINES[engine] ?? engine }],
  checks: [{ field: "usagetype", op: "ends-with", value: "ChargedBackupUsage" }],
  units: GB_MONTHS,
  unit: "GB-months",
  what: `RDS ${engine} backup storage in ${region}`,
}));

/** A literal string attribute, or a reason it cannot be read. */
function readLiteral(r: Resource, name: string): { value?: string; problem?: string } {
  const v = r.attributes[name];
  if (v === undefined || v === null || v === "") return {};
  if (isUnresolved(v)) return { problem: `${name} is not known until apply or is an expression (${String(v)})` };
  const s = literalString(v);
  return s === undefined ? { problem: `${name} is not a string (${JSON.stringify(v)})` } : { value: s };
}

/**
 * gp3 IOPS included with RDS gp3 storage for MySQL, PostgreSQL and MariaDB: 3,000 below 400 GB, 12,000 from
 * 400 GB (AWS, "Amazon RDS DB instance storage", gp3 baseline table).
 */
export function rdsGp3BaselineIops(sizeGb: number): number {
  return sizeGb < 400 ? 3000 : 12000;
}

/**
 * `aws_db_instance`: `instance_class` hours by `engine` and `multi_az` (usage `monthly_hrs`); `allocated_storage`
 * GB-months by `storage_type` (provider default: io1 when `iops` is set, else gp2); io1 `iops`, or gp3 `iops`
 * above the baseline; usage-based backup storage beyond the free allowance (`additional_backup_storage_gb`).
 */
export const awsDbInstance: CatalogEntry = {
  types: ["aws_db_instance"],
  components(r, ctx) {
    const engineRead = readLiteral(r, "engine");
    const engine = engineRead.value;
    const engineProblem =
      engineRead.problem ??
      (engine === undefined
        ? "engine is not set (a replica's engine comes from its source, which costgate does not follow)"
        : RDS_ENGINES[engine]
          ? undefined
          : `engine ${engine} is not priced by costgate (Oracle and SQL Server prices depend on edition and licence model)`);
    const cls = readLiteral(r, "instance_class");
    const classProblem = cls.problem ?? (cls.value ? undefined : "instance_class is not set");
    const multiAz = r.attributes.multi_az;
    const azProblem = isUnresolved(multiAz) ? `multi_az is an expression (${String(multiAz)})` : undefined;
    const deployment: RdsDeployment = multiAz === true || multiAz === "true" ? "Multi-AZ" : "Single-AZ";
    const iops = toNumber(r.attributes.iops);
    const st = readLiteral(r, "storage_type");
    const storageType = st.value ?? (iops !== null && iops > 0 ? "io1" : "gp2");
    const size = toNumber(r.attributes.allocated_storage);
    const ok = !engineProblem && !azProblem ? engine! : undefined;
    const out: CostComponentSpec[] = [
      resourceHours(r, ctx, {
        name: `Database instance (${engine ?? "unknown engine"}, ${deployment}, ${cls.value ?? "unknown class"})`,
        priceKey: ok && cls.value && !classProblem ? rdsInstancePrice(r.region, ok, deployment, cls.value) : null,
        problem: engineProblem ?? azProblem ?? classProblem,
      }),
      perResource(r, {
        name: `Storage (${storageType}, ${deployment})`,
        unit: "GB-months",
        perResource: size,
        priceKey: ok && !st.problem ? rdsStoragePrice(r.region, ok, deployment, storageType) : null,
        problem: engineProblem ?? azProblem ?? st.problem ?? (size === null ? `allocated_storage is unknown (${String(r.attributes.allocated_storage ?? "not set")})` : undefined),
      }),
    ];
    if (storageType === "io1" || storageType === "io2" || (storageType === "gp3" && iops !== null && size !== null && iops > rdsGp3BaselineIops(size))) {
      const billed = iops === null ? null : storageType === "gp3" ? iops - rdsGp3BaselineIops(size!) : iops;
      out.push(
        perResource(r, {
          name: storageType === "gp3" ? `Provisioned IOPS above the gp3 baseline (${rdsGp3BaselineIops(size!)})` : `Provisioned IOPS (${storageType})`,
          unit: "IOPS-months",
          perResource: billed,
          priceKey: ok ? rdsIopsPrice(r.region, ok, deployment, storageType) : null,
          problem: engineProblem ?? azProblem ?? (billed === null ? `iops is unknown (${String(r.attributes.iops ?? "not set")})` : undefined),
        }),
      );
    }
    out.push(fromUsage(ctx, { name: "Backup storage beyond the free allowance", unit: "GB-months", usageKey: "additional_backup_storage_gb", priceKey: ok ? rdsBackupPrice(r.region, ok) : null, problem: engineProblem }));
    return out;
  },
  facts: serviceFacts,
};
