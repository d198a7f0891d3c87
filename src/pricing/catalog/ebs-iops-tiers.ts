/**
 * Provisioned IOPS of an EBS volume split into the tiers AWS prices separately. io2 volumes: the first 32,000
 * IOPS, IOPS 32,001–64,000, and IOPS above 64,000 each have their own (lower) rate ("Amazon EBS pricing",
 * https://aws.amazon.com/ebs/pricing/: "$… per provisioned IOPS-month up to 32,000 IOPS; … from 32,001 to 64,000;
 * … greater than 64,000"). io1 has one rate. The tiers are per volume.
 *
 * `priceVariant` names each tier's price in the price key's `volumeType`: `io2` (first tier, the price the
 * snapshot has), `io2@32000` and `io2@64000` (tiers starting above 32,000 and 64,000 IOPS). A source without a
 * tier's price leaves that component unpriced with its reason; no tier is priced at another tier's rate.
 */
export interface IopsTier {
  /** IOPS-months in this tier for one volume. */
  quantity: number;
  priceVariant: string;
  /** Suffix for the component name: `` for the only tier, ` (first 32,000)`, ` (32,001–64,000)`, ` (above 64,000)`. */
  label: string;
}

export const IO2_IOPS_TIER_BOUNDS = [32_000, 64_000] as const;

/**
 * Above this many units a quantity is not a real bill (the same bound as plan-costs' MAX_MONTHLY_QUANTITY):
 * such a quantity is left in one piece, so the quantity check reports the whole of it instead of pricing its
 * first tier.
 */
export const TIERED_QUANTITY_LIMIT = 1e12;

/** The tiers of `iops` provisioned IOPS of a volume of `volumeType` (io1: one tier). Pure; `iops` > 0. */
export function ebsIopsTiers(volumeType: string, iops: number): IopsTier[] {
  if (volumeType !== "io2" || iops <= IO2_IOPS_TIER_BOUNDS[0] || !(iops <= TIERED_QUANTITY_LIMIT)) return [{ quantity: iops, priceVariant: volumeType, label: "" }];
  const [a, b] = IO2_IOPS_TIER_BOUNDS;
  const out: IopsTier[] = [
    { quantity: a, priceVariant: "io2", label: " (first 32,000)" },
    { quantity: Math.min(iops, b) - a, priceVariant: `io2@${a}`, label: " (32,001–64,000)" },
  ];
  if (iops > b) out.push({ quantity: iops - b, priceVariant: `io2@${b}`, label: " (above 64,000)" });
  return out;
}
