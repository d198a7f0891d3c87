import { toNumber } from "../../plan/json-values.js";
import { definePriceFactory, type PriceKey } from "../price-key.js";
import { GB_MONTHS } from "../prices/units.js";
import type { CatalogEntry } from "./catalog-entry.js";
import { referencedResource } from "./resource-reference.js";
import { serviceFacts } from "./service-components.js";

/**
 * EBS snapshots (`AmazonEC2`, product family `Storage Snapshot`, usage type `…EBS:SnapshotUsage`, standard tier),
 * GB-months. Offline: $0.05 in us-east-1 (`services-2026-11-30.json`, `infracost-goldens-95ba4f49`).
 */
export const ebsSnapshotPrice: (region: string) => PriceKey = definePriceFactory("ebs-snapshot-storage", "AmazonEC2", (region) => ({
  productFamily: "Storage Snapshot",
  attributes: [],
  checks: [{ field: "usagetype", op: "ends-with", value: "EBS:SnapshotUsage" }],
  units: GB_MONTHS,
  unit: "GB-months",
  what: `EBS snapshot storage in ${region}`,
}));

/**
 * `aws_ebs_snapshot`: usage `storage_gb` (the data the snapshot holds), else the size of the `aws_ebs_volume` it
 * references — the most a first, full snapshot stores (stated as an assumption).
 */
export const awsEbsSnapshot: CatalogEntry = {
  types: ["aws_ebs_snapshot"],
  components(r, ctx) {
    const vol = referencedResource(r.attributes.volume_id, "aws_ebs_volume", r, ctx);
    const size = toNumber(vol?.attributes.size);
    const gb = ctx.usage.storage_gb ?? size;
    return [
      {
        name: ctx.usage.storage_gb !== undefined ? "Snapshot storage" : `Snapshot storage (at most the volume's ${size ?? "?"} GB)`,
        unit: "GB-months",
        monthlyQuantity: gb === null || r.count === null ? null : gb * r.count,
        usageKey: "storage_gb",
        priceKey: ebsSnapshotPrice(r.region),
        purchaseOption: "usage",
        ...(ctx.usage.storage_gb === undefined && size !== null ? { quantitySource: "assumption" as const } : {}),
      },
    ];
  },
  facts: serviceFacts,
};
