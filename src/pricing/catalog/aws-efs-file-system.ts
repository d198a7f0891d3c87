import { literalString, toNumber } from "../../plan/json-values.js";
import type { CostComponentSpec } from "../cost-component.js";
import { definePriceFactory, type PriceKey } from "../price-key.js";
import { GB_MONTHS } from "../prices/units.js";
import type { CatalogEntry } from "./catalog-entry.js";
import { fromUsage, perResource, serviceFacts } from "./service-components.js";

/**
 * Amazon EFS (`AmazonEFS` offer), as Infracost's `efs_file_system.go` filters it: storage by `storageClass`
 * (product family `Storage`: `General Purpose`, `Infrequent Access`, `One Zone-General Purpose`, `One
 * Zone-Infrequent Access`), Infrequent Access data access (`Access`, `accessType` `Read`/`Write`), and provisioned
 * throughput (`Provisioned Throughput`, usage type `…ProvisionedTP-MiBpsHrs`).
 *
 * Offline prices (`services-2026-11-30.json`, `infracost-goldens-95ba4f49`, us-east-1 only): Standard $0.30,
 * Standard-IA $0.025, One Zone $0.16, One Zone-IA $0.0133 per GB-month; IA reads and writes $0.01/GB; provisioned
 * throughput $6.00 per MB/s-month (the source's unit; the provider's attribute is in MiB/s, which the Price
 * List bills as `ProvisionedTP-MiBpsHrs`). Usage keys (Infracost's): `storage_gb`, `infrequent_access_storage_gb`,
 * `monthly_infrequent_access_read_gb`, `monthly_infrequent_access_write_gb`.
 */
export type EfsStorageClass = "standard" | "standard-ia" | "one-zone" | "one-zone-ia";
const CLASS: Record<EfsStorageClass, string> = {
  standard: "General Purpose",
  "standard-ia": "Infrequent Access",
  "one-zone": "One Zone-General Purpose",
  "one-zone-ia": "One Zone-Infrequent Access",
};

export const efsStoragePrice: (region: string, storageClass: EfsStorageClass) => PriceKey = definePriceFactory("efs-storage", "AmazonEFS", (region, storageClass: EfsStorageClass) => ({
  productFamily: "Storage",
  attributes: [{ field: "storageClass", value: CLASS[storageClass] }],
  checks: [{ field: "storageClass", op: "equals", value: CLASS[storageClass] }],
  units: GB_MONTHS,
  unit: "GB-months",
  what: `EFS ${CLASS[storageClass]} storage in ${region}`,
}));

/** Infrequent Access data access, GB (read or write). */
export const efsIaAccessPrice: (region: string, access: "read" | "write") => PriceKey = definePriceFactory("efs-ia-access", "AmazonEFS", (region, access: "read" | "write") => ({
  productFamily: "Access",
  attributes: [
    { field: "storageClass", value: "Infrequent Access" },
    { field: "accessType", value: access === "read" ? "Read" : "Write" },
  ],
  checks: [],
  units: { GB: { unit: "GB", factor: 1 } },
  unit: "GB",
  what: `EFS Infrequent Access ${access}s in ${region}`,
}));

/** Provisioned throughput, MiB/s-months. */
export const efsThroughputPrice: (region: string) => PriceKey = definePriceFactory("efs-provisioned-throughput", "AmazonEFS", (region) => ({
  productFamily: "Provisioned Throughput",
  attributes: [],
  checks: [{ field: "usagetype", op: "ends-with", value: "ProvisionedTP-MiBpsHrs" }],
  units: { "MiBps-Mo": { unit: "MiBps-months", factor: 1 }, "MBps-Mo": { unit: "MiBps-months", factor: 1 } },
  unit: "MiBps-months",
  what: `EFS provisioned throughput in ${region}`,
}));

/**
 * `aws_efs_file_system`: usage-based storage (`storage_gb` in Standard or One Zone, by `availability_zone_name`;
 * `infrequent_access_storage_gb` in the matching IA class), IA reads/writes, and `provisioned_throughput_in_mibps`
 * when `throughput_mode = "provisioned"`, priced in full (AWS bills only what exceeds the throughput the stored
 * data entitles the file system to, so this is the upper end).
 */
export const awsEfsFileSystem: CatalogEntry = {
  types: ["aws_efs_file_system"],
  components(r, ctx) {
    const oneZone = r.attributes.availability_zone_name !== undefined && r.attributes.availability_zone_name !== null;
    const out: CostComponentSpec[] = [
      fromUsage(ctx, { name: oneZone ? "One Zone storage" : "Standard storage", unit: "GB-months", usageKey: "storage_gb", priceKey: efsStoragePrice(r.region, oneZone ? "one-zone" : "standard") }),
      fromUsage(ctx, { name: oneZone ? "One Zone-Infrequent Access storage" : "Standard-Infrequent Access storage", unit: "GB-months", usageKey: "infrequent_access_storage_gb", priceKey: efsStoragePrice(r.region, oneZone ? "one-zone-ia" : "standard-ia") }),
      fromUsage(ctx, { name: "Infrequent Access reads", unit: "GB", usageKey: "monthly_infrequent_access_read_gb", priceKey: efsIaAccessPrice(r.region, "read") }),
      fromUsage(ctx, { name: "Infrequent Access writes", unit: "GB", usageKey: "monthly_infrequent_access_write_gb", priceKey: efsIaAccessPrice(r.region, "write") }),
    ];
    const mode = r.attributes.throughput_mode;
    if (literalString(mode) === "provisioned" || (typeof mode === "string" && mode.includes("${"))) {
      const mibps = toNumber(r.attributes.provisioned_throughput_in_mibps);
      const problem = literalString(mode) !== "provisioned" ? `throughput_mode is an expression (${String(mode)})` : mibps === null ? "provisioned_throughput_in_mibps is unknown" : undefined;
      out.push(perResource(r, { name: `Provisioned throughput (${mibps ?? "?"} MiB/s, before the storage entitlement)`, unit: "MiBps-months", perResource: mibps, priceKey: efsThroughputPrice(r.region), problem }));
    }
    return out;
  },
  facts: serviceFacts,
};
