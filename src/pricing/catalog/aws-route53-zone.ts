import { definePriceFactory, type PriceKey } from "../price-key.js";
import type { CatalogEntry } from "./catalog-entry.js";
import { perResource, serviceFacts } from "./service-components.js";

/** Route 53 is a global service: its prices have no region. */
export const ROUTE53_REGION = "global";

/**
 * Route 53 hosted zones (`AmazonRoute53`, product family `DNS Zone`), $ per zone-month for the first 25 zones of
 * an account. Offline: $0.50 (`services-2026-11-30.json`, `infracost-goldens-95ba4f49`, region "global"). Zones
 * beyond an account's 25th cost $0.10; costgate cannot see the account's other zones and prices each at the first
 * tier (the higher rate). DNS queries (on records) are not modelled. The live filter is not verified.
 */
export const route53ZonePrice: (region: string) => PriceKey = definePriceFactory("route53-zone-months", "AmazonRoute53", (region) => ({
  productFamily: "DNS Zone",
  attributes: [],
  checks: [],
  units: { HostedZone: { unit: "zone-months", factor: 1 }, "Hosted Zone": { unit: "zone-months", factor: 1 } },
  unit: "zone-months",
  what: `Route 53 hosted zone-months (${region})`,
}));

/** `aws_route53_zone`: one zone-month per zone, wherever its provider's region. */
export const awsRoute53Zone: CatalogEntry = {
  types: ["aws_route53_zone"],
  components: (r) => [perResource(r, { name: "Hosted zone", unit: "zone-months", perResource: 1, priceKey: route53ZonePrice(ROUTE53_REGION) })],
  facts: serviceFacts,
};
