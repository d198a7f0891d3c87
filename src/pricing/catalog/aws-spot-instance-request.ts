import type { Resource } from "../../plan/resource.js";
import type { CatalogEntry } from "./catalog-entry.js";
import { awsInstance } from "./aws-instance.js";

/** The instance a spot request launches: the request's own attributes, bought on the spot market. */
const requested = new WeakMap<Resource, Resource>();
function asSpotInstance(r: Resource): Resource {
  let out = requested.get(r);
  if (!out) {
    out = { ...r, attributes: { ...r.attributes, instance_market_options: { market_type: "spot" } } };
    requested.set(r, out);
  }
  return out;
}

/**
 * `aws_spot_instance_request`: priced as the spot `aws_instance` it launches (the provider's resource takes every
 * `aws_instance` argument): spot instance-hours at the spot price source's rate (on-demand as worst case), its
 * volumes and public IPv4. `spot_price` is a bid ceiling, not the price paid, and does not change the estimate;
 * `spot_type` (one-time or persistent) and `valid_until` do not either: costgate prices a request that is held.
 */
export const awsSpotInstanceRequest: CatalogEntry = {
  types: ["aws_spot_instance_request"],
  components: (r, ctx) => awsInstance.components(asSpotInstance(r), ctx),
  facts: (r, ctx) => awsInstance.facts(asSpotInstance(r), ctx),
};
