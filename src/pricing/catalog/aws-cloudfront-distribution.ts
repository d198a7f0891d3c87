import { literalString } from "../../plan/json-values.js";
import { definePriceFactory, type PriceKey } from "../price-key.js";
import type { CatalogEntry } from "./catalog-entry.js";
import { firstTierOnly, fromUsage, serviceFacts } from "./service-components.js";

/** CloudFront prices have no AWS region: they are per edge geography. */
export const CLOUDFRONT_REGION = "global";

/**
 * Amazon CloudFront (`AmazonCloudFront`): data transfer out to the internet per edge geography (product family
 * `Data Transfer`, attribute `fromLocation`), first 10 TB tier; HTTPS requests per 10k. The live filters are not
 * verified against the Price List (a mismatch ends in NoMatchingPrice, never a wrong price).
 *
 * Offline prices (`services-2026-11-30.json`, `infracost-goldens-95ba4f49`, region "global"): first-10-TB data
 * transfer out by geography ("US, Mexico, Canada" $0.085/GB; "Europe, Israel" $0.085/GB; others differ). Only a
 * `PriceClass_100` distribution (edges in North America and Europe/Israel, both $0.085) has one rate whatever its
 * viewers' split; other price classes' data transfer depends on where viewers are, which the plan does not say, so
 * it is unpriced with that reason. Requests have no offline price. The always-free 1 TB a month per account is not
 * subtracted. Usage keys: `monthly_data_transfer_to_internet_gb`, `monthly_https_requests`.
 */
/** The source's edge geography → the Price List `fromLocation` (not verified for geographies other than these). */
const FROM_LOCATION: Record<string, string> = { "US, Mexico, Canada": "United States", "Europe, Israel": "Europe" };

export const cloudfrontDataOutPrice: (region: string, geography: string) => PriceKey = definePriceFactory("cloudfront-data-out", "AmazonCloudFront", (region, geography: string) => ({
  productFamily: "Data Transfer",
  attributes: [{ field: "fromLocation", value: FROM_LOCATION[geography] ?? geography }],
  checks: [{ field: "usagetype", op: "matches", pattern: "DataTransfer-Out-Bytes$" }],
  units: { GB: { unit: "GB", factor: 1 } },
  unit: "GB",
  what: `CloudFront data transfer out to the internet from ${geography} (first 10 TB, ${region})`,
}));

export const cloudfrontRequestsPrice: (region: string, geography: string) => PriceKey = definePriceFactory("cloudfront-https-requests", "AmazonCloudFront", (region, geography: string) => ({
  productFamily: "Request",
  attributes: [{ field: "fromLocation", value: FROM_LOCATION[geography] ?? geography }],
  checks: [{ field: "usagetype", op: "matches", pattern: "Requests-Tier2-HTTPS$" }],
  units: { Requests: { unit: "10k requests", factor: 10_000 } },
  unit: "10k requests",
  what: `CloudFront HTTPS requests from ${geography} (${region})`,
}));

/** The "US, Mexico, Canada" geography: the rate a PriceClass_100 distribution pays (Europe/Israel's is the same). */
export const CLOUDFRONT_NORTH_AMERICA = "US, Mexico, Canada";

/** First data-transfer tier, GB (AWS: "first 10 TB"; the smaller, decimal reading). */
export const CLOUDFRONT_FIRST_TIER_GB = 10_000;

/** `aws_cloudfront_distribution`: usage-based data transfer out (PriceClass_100 only offline) and HTTPS requests. */
export const awsCloudfrontDistribution: CatalogEntry = {
  types: ["aws_cloudfront_distribution"],
  components(r, ctx) {
    const cls = literalString(r.attributes.price_class) ?? "PriceClass_All";
    const oneRate = cls === "PriceClass_100";
    const gb = ctx.usage.monthly_data_transfer_to_internet_gb;
    return [
      ...firstTierOnly({
        name: `Data transfer out to the internet (${cls})`,
        unit: "GB",
        usageKey: "monthly_data_transfer_to_internet_gb",
        quantity: gb ?? null,
        priceKey: oneRate ? cloudfrontDataOutPrice(CLOUDFRONT_REGION, CLOUDFRONT_NORTH_AMERICA) : null,
        firstTier: CLOUDFRONT_FIRST_TIER_GB,
        tierLabel: "first 10 TB",
        problem: oneRate ? undefined : `${cls} serves viewers from edge geographies with different rates; the split of traffic between them is not in the plan (costgate prices PriceClass_100, whose geographies share one rate)`,
      }),
      fromUsage(ctx, { name: "HTTPS requests", unit: "10k requests", usageKey: "monthly_https_requests", priceKey: cloudfrontRequestsPrice(CLOUDFRONT_REGION, CLOUDFRONT_NORTH_AMERICA), per: 10_000, problem: oneRate ? undefined : `${cls}: the requests' edge geographies are not in the plan` }),
    ];
  },
  facts: serviceFacts,
};
