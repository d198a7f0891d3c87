/** Prices of the `AmazonFSx` offer: FSx for Lustre SSD storage. */
import { definePriceFactory, type PriceKey } from "../price-key.js";
import { GB_MONTHS } from "./units.js";

const fsxLustre = definePriceFactory("fsx-lustre-storage", "AmazonFSx", (region, deploymentType: string, throughputPerUnit?: string) => ({
  productFamily: "Storage",
  attributes: [{ field: "fileSystemType", value: "Lustre" }],
  // Attribute values for Lustre are not verified against the live API: a mismatch ends in NoMatchingPrice or
  // AmbiguousPrice, and the price falls back to the snapshot with a warning.
  checks: [
    { field: "deploymentOption", op: "normalized-equals", value: deploymentType },
    { field: "storageType", op: "matches", pattern: "^$|ssd" },
    ...(throughputPerUnit === undefined ? [] : [{ field: "throughputCapacity", op: "matches" as const, pattern: `(^|\\D)${throughputPerUnit}(\\D|$)` }]),
  ],
  units: GB_MONTHS,
  unit: "GB-months",
  what: `FSx for Lustre ${deploymentType}${throughputPerUnit ? ` ${throughputPerUnit} MB/s/TiB` : ""} SSD storage in ${region}`,
}));

/** FSx for Lustre SSD storage, GB-months, by deployment type (and MB/s per TiB for persistent deployments). */
export function fsxLustreStoragePrice(region: string, deploymentType: string, throughputPerUnit?: number): PriceKey {
  return throughputPerUnit ? fsxLustre(region, deploymentType, String(throughputPerUnit)) : fsxLustre(region, deploymentType);
}
