import { TIERED_QUANTITY_LIMIT } from "./ebs-iops-tiers.js";

/**
 * S3 Standard storage is priced in monthly volume tiers: the first 50 TB, the next 450 TB, and over 500 TB
 * each have their own rate ("Amazon S3 pricing", https://aws.amazon.com/s3/pricing/; the AWS Price List gives
 * the tiers as beginRange/endRange 0–51,200 GB, 51,200–512,000 GB and above 512,000 GB). The tiers apply to the
 * bucket's storage in the month (costgate prices one bucket at a time).
 *
 * `priceVariant` names each tier's price in the price key's `storageClass`: `STANDARD` (first tier, the price
 * the snapshot has), `STANDARD@51200` and `STANDARD@512000`. A source without a tier's price leaves that
 * component unpriced with its reason; no tier is priced at another tier's rate.
 */
export interface StorageTier {
  /** GB-months in this tier. */
  quantity: number;
  priceVariant: string;
  /** Suffix for the component name: `` when one tier, else ` (first 50 TB)`, ` (next 450 TB)`, ` (over 500 TB)`. */
  label: string;
}

export const S3_STANDARD_TIER_BOUNDS_GB = [51_200, 512_000] as const;

/**
 * The tiers of `gb` GB-months of S3 Standard storage. Pure; `gb` ≥ 0. An absurd quantity (above
 * TIERED_QUANTITY_LIMIT) is left in one piece for the quantity check to report.
 */
export function s3StandardTiers(gb: number): StorageTier[] {
  const [a, b] = S3_STANDARD_TIER_BOUNDS_GB;
  if (gb <= a || !(gb <= TIERED_QUANTITY_LIMIT)) return [{ quantity: gb, priceVariant: "STANDARD", label: "" }];
  const out: StorageTier[] = [
    { quantity: a, priceVariant: "STANDARD", label: " (first 50 TB)" },
    { quantity: Math.min(gb, b) - a, priceVariant: `STANDARD@${a}`, label: " (next 450 TB)" },
  ];
  if (gb > b) out.push({ quantity: gb - b, priceVariant: `STANDARD@${b}`, label: " (over 500 TB)" });
  return out;
}
