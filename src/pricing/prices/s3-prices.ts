/** Prices of the `AmazonS3` offer: storage by class (first tier) and Standard requests. */
import { definePriceFactory, type PriceKey } from "../price-key.js";
import { GB_MONTHS } from "./units.js";

/** Storage classes → the Price List `volumeType` and the storage usage-type suffix. */
const S3_CLASSES: Record<string, { volumeType: string; usageSuffix: string }> = {
  STANDARD: { volumeType: "Standard", usageSuffix: "TimedStorage-ByteHrs" },
  STANDARD_IA: { volumeType: "Standard - Infrequent Access", usageSuffix: "TimedStorage-SIA-ByteHrs" },
  ONEZONE_IA: { volumeType: "One Zone - Infrequent Access", usageSuffix: "TimedStorage-ZIA-ByteHrs" },
  GLACIER_IR: { volumeType: "Glacier Instant Retrieval", usageSuffix: "TimedStorage-GIR-ByteHrs" },
  // Intelligent-Tiering frequent and infrequent access tiers (Infracost's s3_intelligent_tiering_storage_class.go).
  INTELLIGENT_TIERING_FA: { volumeType: "Intelligent-Tiering Frequent Access", usageSuffix: "TimedStorage-INT-FA-ByteHrs" },
  INTELLIGENT_TIERING_IA: { volumeType: "Intelligent-Tiering Infrequent Access", usageSuffix: "TimedStorage-INT-IA-ByteHrs" },
};

/** S3 storage of a class (`STANDARD`, `STANDARD_IA`, …), first tier, GB-months. */
export const s3StoragePrice: (region: string, storageClass: string) => PriceKey = definePriceFactory("s3-storage", "AmazonS3", (region, storageClass: string) => {
  const cls = S3_CLASSES[storageClass];
  return {
    productFamily: "Storage",
    attributes: cls ? [{ field: "volumeType", value: cls.volumeType }] : [],
    checks: cls ? [{ field: "usagetype", op: "ends-with", value: cls.usageSuffix }] : [],
    units: GB_MONTHS,
    unit: "GB-months",
    what: `S3 ${storageClass} storage (first tier) in ${region}`,
    ...(cls
      ? {}
      : {
          notInPriceList: storageClass.includes("@")
            ? `costgate does not look up S3 storage tiers beyond the first in the Price List yet (${storageClass})`
            : `costgate does not look up S3 ${storageClass} storage in the Price List (supported: ${Object.keys(S3_CLASSES).join(", ")})`,
        }),
  };
});

/** S3 Standard requests per 1,000: `put` (PUT, COPY, POST, LIST: Tier1) or `get` (GET, SELECT, other: Tier2). */
export const s3RequestsPrice: (region: string, tier: "put" | "get") => PriceKey = definePriceFactory("s3-requests", "AmazonS3", (region, tier: "put" | "get") => ({
  productFamily: "API Request",
  attributes: [],
  checks: [{ field: "usagetype", op: "ends-with", value: tier === "put" ? "Requests-Tier1" : "Requests-Tier2" }],
  units: { Requests: { unit: "1k requests", factor: 1000 } },
  unit: "1k requests",
  what: `S3 Standard ${tier.toUpperCase()} requests in ${region}`,
}));
