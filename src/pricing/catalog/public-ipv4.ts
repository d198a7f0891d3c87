import { blocks, describeUnresolved, isUnresolved } from "../../plan/json-values.js";
import type { Resource } from "../../plan/resource.js";
import type { CostComponentSpec } from "../cost-component.js";
import type { CatalogContext } from "./catalog-entry.js";
import { publicIpv4HoursPrice } from "./aws-eip.js";
import { referencedResource } from "./resource-reference.js";

/**
 * Whether the instances a resource launches get an AWS-provided public IPv4 address (charged $0.005/h each since
 * 2024-02-01, like every public IPv4; see `aws-eip.ts`):
 * - `yes`: `associate_public_ip_address = true` (the instance's own, else its launch template's primary network
 *   interface's), or, when it is not set, a subnet of the same plan with `map_public_ip_on_launch = true`;
 * - `no`: `associate_public_ip_address = false`; or not set and the subnet does not map public addresses
 *   (`map_public_ip_on_launch` false or unset, the AWS default for a subnet that is not a default subnet); or the
 *   instance attaches existing network interfaces (`network_interface` blocks: an address there is an `aws_eip`);
 * - `unknown`: the attribute or the subnet's setting is an expression or known only after apply, or the subnets
 *   disagree: priced as a range from none to one address per instance, the address assumed;
 * - `unseen`: not set, and the subnet is not in the plan (a literal id, a data source, another stack) or not given
 *   (the default VPC). costgate does not count an address it cannot see (documented in the README, "What is
 *   priced"); an `associate_public_ip_address = true` is the way to have it counted.
 */
export type PublicIpv4 = { kind: "yes"; why: string } | { kind: "no" } | { kind: "unknown"; why: string } | { kind: "unseen" };

/** `associate_public_ip_address` of the primary (device index 0, or the only) network interface of launch template attributes. */
export function templatePublicIp(template: Resource | undefined): unknown {
  if (!template) return undefined;
  const nics = blocks(template.attributes.network_interfaces);
  const primary = nics.find((n) => n.device_index === 0 || n.device_index === "0" || n.device_index === undefined) ?? undefined;
  return primary?.associate_public_ip_address;
}

/** Read a boolean setting: true, false, unresolved (with its text) or unset. */
function setting(v: unknown): boolean | string | undefined {
  if (v === true || v === "true") return true;
  if (v === false || v === "false") return false;
  if (isUnresolved(v)) return describeUnresolved(v);
  return undefined;
}

/**
 * Whether instances get a public IPv4 (see PublicIpv4): `associate` is the explicit setting (instance, else launch
 * template), `subnets` the subnet references the instances launch into (`subnet_id`, an ASG's
 * `vpc_zone_identifier`), `from` the resource holding them.
 */
export function publicIpv4Of(associate: unknown, subnets: readonly unknown[], from: Resource, ctx: CatalogContext): PublicIpv4 {
  const own = setting(associate);
  if (own === true) return { kind: "yes", why: "associate_public_ip_address = true" };
  if (own === false) return { kind: "no" };
  if (typeof own === "string") return { kind: "unknown", why: `associate_public_ip_address is ${own}` };
  if (subnets.length === 0) return { kind: "unseen" };
  const seen = subnets.map((s) => {
    const subnet = referencedResource(s, "aws_subnet", from, ctx);
    return subnet ? setting(subnet.attributes.map_public_ip_on_launch) ?? false : null;
  });
  if (seen.some((s) => s === null)) return { kind: "unseen" };
  if (seen.every((s) => s === true)) return { kind: "yes", why: "its subnet has map_public_ip_on_launch = true" };
  if (seen.every((s) => s === false)) return { kind: "no" };
  const text = seen.find((s) => typeof s === "string");
  return { kind: "unknown", why: text ? `its subnet's map_public_ip_on_launch is ${text}` : "some of its subnets map public IPv4 addresses on launch and some do not" };
}

/**
 * The public IPv4 component of `instances` instances running `hours` a month (none for `no`/`unseen`). An unknown
 * setting is a range: from no address to one per instance (the expected cost assumes the address, so a budget
 * is not passed on a guess of zero). `capacity` (instances) widens the range for elastic groups.
 */
export function publicIpv4Component(
  r: Resource,
  ip: PublicIpv4,
  instances: number | null,
  hours: number,
  capacity?: { min: number; max: number | null },
): CostComponentSpec[] {
  if (ip.kind === "no" || ip.kind === "unseen") return [];
  const q = instances === null ? null : instances * hours;
  const low = ip.kind === "unknown" ? 0 : capacity && instances !== null ? Math.min(capacity.min, instances) * hours : undefined;
  const high = capacity && instances !== null ? (capacity.max === null ? null : Math.max(capacity.max, instances) * hours) : q;
  return [
    {
      name: ip.kind === "yes" ? `Public IPv4 address hours (one per instance: ${ip.why})` : `Public IPv4 address hours (none to one per instance: ${ip.why})`,
      unit: "hours",
      monthlyQuantity: q,
      usageKey: "monthly_hrs",
      ...(q !== null && low !== undefined ? { quantityRange: { low, high } } : {}),
      ...(ip.kind === "unknown" ? { quantitySource: "assumption" as const } : {}),
      priceKey: publicIpv4HoursPrice(r.region),
      purchaseOption: "on-demand",
      ...(q === null ? { unpricedReason: "instance count is unknown" } : {}),
    },
  ];
}
