import { definePriceFactory, type PriceKey } from "../price-key.js";
import { HOURS } from "../prices/units.js";
import type { CatalogEntry } from "./catalog-entry.js";
import { resourceHours, serviceFacts } from "./service-components.js";

/**
 * Public IPv4 address hours (`AmazonVPC` offer, usage type suffix `PublicIPv4:InUseAddress`). Since 2024-02-01
 * AWS charges every AWS-provided public IPv4 address by the hour, attached or idle, at one rate (idle addresses
 * are the `PublicIPv4:IdleAddress` usage type at the same price). BYOIP addresses are not charged.
 *
 * Offline price: `aws-pages-uniform-2026` "Public IPv4 address hours (in-use or idle …)", $0.005/h in every
 * commercial region (as of the 2024-02-01 effective date; the number is from third-party pages and matches the
 * idle-EIP golden row, $0.005/h in us-east-1, of `infracost-goldens-95ba4f49`).
 */
export const publicIpv4HoursPrice: (region: string) => PriceKey = definePriceFactory("public-ipv4-hours", "AmazonVPC", (region) => ({
  attributes: [],
  checks: [{ field: "usagetype", op: "ends-with", value: "PublicIPv4:InUseAddress" }],
  units: HOURS,
  unit: "hours",
  what: `public IPv4 address hours in ${region}`,
}));

/**
 * `aws_eip`: one public IPv4 address for each instance of the resource, charged every hour whether it is attached
 * (to an instance, a NAT gateway, a load balancer's ENI) or idle (usage `monthly_hrs`, default 730). An address
 * from a BYOIP pool (`public_ipv4_pool` other than `amazon`) is not charged and has no component.
 */
export const awsEip: CatalogEntry = {
  types: ["aws_eip"],
  components(r, ctx) {
    const pool = r.attributes.public_ipv4_pool;
    if (typeof pool === "string" && pool !== "" && pool !== "amazon" && !pool.includes("${")) return [];
    const problem = typeof pool === "string" && pool.includes("${") ? `public_ipv4_pool is an expression (${pool}): an AWS-provided address (charged) or BYOIP (not charged), costgate cannot tell which` : undefined;
    return [resourceHours(r, ctx, { name: "Public IPv4 address hours (in use or idle)", priceKey: publicIpv4HoursPrice(r.region), problem })];
  },
  facts: serviceFacts,
};
