import { firstBlock, literalString, toNumber } from "../../plan/json-values.js";
import { definePriceFactory, type PriceKey } from "../price-key.js";
import { GB_MONTHS } from "../prices/units.js";
import type { CostComponentSpec } from "../cost-component.js";
import type { CatalogEntry } from "./catalog-entry.js";
import { fromUsage, perResource, serviceFacts } from "./service-components.js";

/**
 * Amazon FSx for OpenZFS (`AmazonFSx` offer, `fileSystemType` `OpenZFS`), filtered as Infracost's
 * `fsx_openzfs_file_system.go` does: throughput capacity (product family `Provisioned Throughput`), SSD storage
 * (`Storage`, `storageType` `SSD`), provisioned SSD IOPS (`Provisioned IOPS`) by `deploymentOption`, and backup
 * storage (usage type containing `BackupUsage`).
 *
 * Offline prices (`scripts/price-facts/infracost-goldens-extra-2026-11-30.json`, dataset
 * `infracost-goldens-95ba4f49`, golden `fsx_openzfs_file_system_test` last changed 2024-07-01, us-east-1,
 * SINGLE_AZ_1 SSD only): throughput $0.26 per MBps-month, SSD storage $0.09 per GB-month, provisioned IOPS $0.006
 * per IOPS-month, backup storage $0.05 per GB-month. Other deployment types, storage types and regions:
 * `--prices aws`.
 */
export type OpenzfsPart = "throughput" | "storage" | "iops" | "backup";
const FAMILY: Record<OpenzfsPart, string> = { throughput: "Provisioned Throughput", storage: "Storage", iops: "Provisioned IOPS", backup: "Storage" };
const UNIT: Record<OpenzfsPart, string> = { throughput: "MBps-months", storage: "GB-months", iops: "IOPS-months", backup: "GB-months" };

/** Terraform `deployment_type` → Price List `deploymentOption` (SINGLE_AZ_2 is not told apart from SINGLE_AZ_1 by it: not mapped). */
const DEPLOYMENT: Record<string, string> = { SINGLE_AZ_1: "Single-AZ", MULTI_AZ_1: "Multi-AZ" };

/** FSx for OpenZFS prices by part and Price List deployment option. */
export const fsxOpenzfsPrice: (region: string, part: OpenzfsPart, deployment: string) => PriceKey = definePriceFactory("fsx-openzfs", "AmazonFSx", (region, part: OpenzfsPart, deployment: string) => ({
  productFamily: FAMILY[part],
  attributes: [
    { field: "fileSystemType", value: "OpenZFS" },
    ...(part === "backup" ? [] : [{ field: "deploymentOption", value: deployment }]),
    ...(part === "storage" ? [{ field: "storageType", value: "SSD" }] : []),
  ],
  checks: part === "backup" ? [{ field: "usagetype", op: "matches", pattern: "BackupUsage" }] : [],
  units: part === "throughput" ? { "MBps-Mo": { unit: "MBps-months", factor: 1 }, "MiBps-Mo": { unit: "MBps-months", factor: 1 } } : part === "iops" ? { "IOPS-Mo": { unit: "IOPS-months", factor: 1 } } : GB_MONTHS,
  unit: UNIT[part],
  what: `FSx for OpenZFS ${part} (${part === "backup" ? "backups" : deployment}) in ${region}`,
}));

/** SSD IOPS included with the storage: 3 per GB (FSx for OpenZFS user guide, "SSD IOPS"). */
const INCLUDED_IOPS_PER_GB = 3;

/**
 * `aws_fsx_openzfs_file_system`: `throughput_capacity` MBps-months, `storage_capacity` SSD GB-months, user-provisioned
 * `disk_iops_configuration.iops` above the 3 IOPS per GB included, and usage-based backups (`backup_storage_gb`,
 * Infracost's key). `deployment_type` SINGLE_AZ_2 and `storage_type` INTELLIGENT_TIERING are unpriced with the reason.
 */
export const awsFsxOpenzfsFileSystem: CatalogEntry = {
  types: ["aws_fsx_openzfs_file_system"],
  components(r, ctx) {
    const a = r.attributes;
    const dt = literalString(a.deployment_type);
    const deployment = dt === undefined ? undefined : DEPLOYMENT[dt];
    const storageType = literalString(a.storage_type) ?? "SSD";
    const problem =
      dt === undefined
        ? `deployment_type is ${a.deployment_type === undefined ? "not set" : `an expression (${String(a.deployment_type)})`}`
        : !deployment
          ? `deployment_type ${dt} is not priced by costgate (its Price List rows are not told apart from SINGLE_AZ_1 by deploymentOption)`
          : storageType !== "SSD"
            ? `storage_type ${storageType} is not priced by costgate (SSD only)`
            : undefined;
    const key = (part: OpenzfsPart) => (problem ? null : fsxOpenzfsPrice(r.region, part, deployment!));
    const throughput = toNumber(a.throughput_capacity);
    const size = toNumber(a.storage_capacity);
    const out: CostComponentSpec[] = [
      perResource(r, { name: `Throughput capacity (${throughput ?? "?"} MBps)`, unit: "MBps-months", perResource: throughput, priceKey: key("throughput"), problem: problem ?? (throughput === null ? `throughput_capacity is unknown (${String(a.throughput_capacity ?? "not set")})` : undefined) }),
      perResource(r, { name: `${storageType} storage`, unit: "GB-months", perResource: size, priceKey: key("storage"), problem: problem ?? (size === null ? `storage_capacity is unknown (${String(a.storage_capacity ?? "not set")})` : undefined) }),
    ];
    const iopsConfig = firstBlock(a.disk_iops_configuration);
    if (literalString(iopsConfig?.mode) === "USER_PROVISIONED") {
      const iops = toNumber(iopsConfig!.iops);
      const billed = iops === null || size === null ? null : Math.max(0, iops - INCLUDED_IOPS_PER_GB * size);
      out.push(perResource(r, { name: `Provisioned IOPS above the ${size === null ? "included" : INCLUDED_IOPS_PER_GB * size}`, unit: "IOPS-months", perResource: billed, priceKey: key("iops"), problem: problem ?? (billed === null ? "iops or storage_capacity is unknown" : undefined) }));
    }
    out.push(fromUsage(ctx, { name: "Backup storage", unit: "GB-months", usageKey: "backup_storage_gb", priceKey: fsxOpenzfsPrice(r.region, "backup", "N/A") }));
    return out;
  },
  facts: serviceFacts,
};
