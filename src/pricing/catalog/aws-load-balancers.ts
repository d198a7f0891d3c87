import { blocks, literalString } from "../../plan/json-values.js";
import type { Resource } from "../../plan/resource.js";
import { definePriceFactory, type PriceKey } from "../price-key.js";
import { HOURS } from "../prices/units.js";
import type { CatalogEntry } from "./catalog-entry.js";
import { publicIpv4HoursPrice } from "./aws-eip.js";
import { fromUsage, resourceHours, serviceFacts } from "./service-components.js";

/**
 * Elastic Load Balancing (`AWSELB` offer). Filters as Infracost sends them (`internal/resources/aws/lb.go`,
 * `elb.go`): product family `Load Balancer-Application` / `-Network` / `-Gateway` / `Load Balancer` (Classic),
 * usage type suffix `LoadBalancerUsage` (hours), `LCUUsage` (LCU-hours), `DataProcessing-Bytes` (Classic data).
 *
 * Offline prices: Classic hours and data processed in us-east-1 and eu-west-1 (`services-2026-11-30.json`, dataset
 * `infracost-goldens-95ba4f49`, exact). The ALB and NLB hour and LCU rows of that file are rounded in their source
 * (`exact: false`, bounds such as 0.0225–0.02251 per ALB-hour) and not quoted; the us-east-1 ALB, NLB and GWLB
 * rates come from a dated third-party page instead (`awsnegotiations-elb-2026-05`, low confidence, labelled:
 * ALB $0.0225/h + $0.008/LCU-h, NLB $0.0225/h + $0.006/NLCU-h, GWLB $0.0125/h + $0.004/GLCU-h), and the build
 * checks the ALB/NLB values lie inside the golden bounds. Elsewhere they are unpriced offline with the reason, and
 * priced with `--prices aws`.
 */
export type LoadBalancerKind = "application" | "network" | "gateway" | "classic";

const FAMILY: Record<LoadBalancerKind, string> = {
  application: "Load Balancer-Application",
  network: "Load Balancer-Network",
  gateway: "Load Balancer-Gateway",
  classic: "Load Balancer",
};
const LABEL: Record<LoadBalancerKind, string> = { application: "Application", network: "Network", gateway: "Gateway", classic: "Classic" };

/** Load balancer hours, by kind. */
export const lbHoursPrice: (region: string, kind: LoadBalancerKind) => PriceKey = definePriceFactory("elb-hours", "AWSELB", (region, kind: LoadBalancerKind) => ({
  productFamily: FAMILY[kind],
  attributes: [],
  checks: [{ field: "usagetype", op: "ends-with", value: "LoadBalancerUsage" }],
  units: HOURS,
  unit: "hours",
  what: `${LABEL[kind]} Load Balancer hours in ${region}`,
}));

/** Load balancer capacity unit hours (ALB LCU, NLB NLCU, GWLB GLCU). */
export const lbLcuPrice: (region: string, kind: LoadBalancerKind) => PriceKey = definePriceFactory("elb-lcu-hours", "AWSELB", (region, kind: LoadBalancerKind) => ({
  productFamily: FAMILY[kind],
  attributes: [],
  checks: [{ field: "usagetype", op: "ends-with", value: "LCUUsage" }],
  units: { "LCU-Hrs": { unit: "LCU-hours", factor: 1 }, Hrs: { unit: "LCU-hours", factor: 1 } },
  unit: "LCU-hours",
  what: `${LABEL[kind]} Load Balancer capacity units in ${region}`,
  ...(kind === "classic" ? { notInPriceList: "Classic Load Balancers are not billed in capacity units" } : {}),
}));

/** Classic Load Balancer data processed, GB. */
export const classicLbDataPrice: (region: string) => PriceKey = definePriceFactory("elb-classic-data", "AWSELB", (region) => ({
  productFamily: "Load Balancer",
  attributes: [],
  checks: [{ field: "usagetype", op: "ends-with", value: "DataProcessing-Bytes" }],
  units: { GB: { unit: "GB", factor: 1 } },
  unit: "GB",
  what: `Classic Load Balancer data processed in ${region}`,
}));

/**
 * The AWS-provided public IPv4 addresses of an internet-facing ALB or NLB (`internal` not true; `ip_address_type`
 * not `dualstack-without-public-ipv4`): one per enabled AZ (`subnets`, or `subnet_mapping` blocks without an
 * `allocation_id` — an Elastic IP is charged on its `aws_eip`). Charged like every public IPv4 since 2024-02-01.
 * An ALB may add nodes (and addresses) under load: this is the least it holds. Undefined when there are none.
 */
function publicIpv4Addresses(r: Resource, kind: LoadBalancerKind | undefined): { name: string; addresses: number | null; problem?: string } | undefined {
  if (kind !== "application" && kind !== "network") return undefined;
  const internal = r.attributes.internal;
  if (internal === true || internal === "true" || r.attributes.ip_address_type === "dualstack-without-public-ipv4") return undefined;
  const unresolved = (v: unknown) => typeof v === "string" && v.includes("${");
  if (unresolved(internal)) return { name: "Public IPv4 addresses (internet-facing?)", addresses: null, problem: `internal is an expression (${String(internal)}): internet-facing or not, costgate cannot tell` };
  const mappings = blocks(r.attributes.subnet_mapping);
  const subnets = r.attributes.subnets;
  const n = mappings.length > 0 ? mappings.filter((m) => m.allocation_id === undefined || m.allocation_id === null).length : Array.isArray(subnets) ? subnets.length : null;
  if (n === 0) return undefined;
  return {
    name: `Public IPv4 addresses (${n ?? "?"}, one per AZ${kind === "application" ? ", at least" : ""})`,
    addresses: n,
    ...(n === null ? { problem: `the number of subnets (AZs) is unknown (subnets: ${unresolved(subnets) ? String(subnets) : "not a literal list"})` } : {}),
  };
}

/** The kind of an `aws_lb`/`aws_alb` (`load_balancer_type`, provider default `application`), or why it is unknown. */
function lbKind(r: Resource): { kind?: LoadBalancerKind; problem?: string } {
  const t = r.attributes.load_balancer_type;
  if (t === undefined || t === null) return { kind: "application" };
  const s = literalString(t);
  if (s === "application" || s === "network" || s === "gateway") return { kind: s };
  return { problem: `load_balancer_type ${JSON.stringify(t)} is not application, network or gateway` };
}

/**
 * `aws_lb`, `aws_alb`: load balancer hours (usage `monthly_hrs`, default 730), usage-based capacity units
 * (`monthly_lcu_hours`: LCU-hours a month, the larger of the new-connection, active-connection, processed-bytes
 * and rule-evaluation dimensions per hour, summed over the month; no LCU usage = usage-based, never $0), and an
 * internet-facing ALB's or NLB's public IPv4 addresses (uniform $0.005/h, see `aws-eip.ts`).
 */
export const awsLb: CatalogEntry = {
  types: ["aws_lb", "aws_alb"],
  components(r, ctx) {
    const { kind, problem } = lbKind(r);
    const label = kind ? LABEL[kind] : "Unknown";
    const out = [
      resourceHours(r, ctx, { name: `${label} Load Balancer hours`, priceKey: kind ? lbHoursPrice(r.region, kind) : null, problem }),
      fromUsage(ctx, { name: "Load balancer capacity units", unit: "LCU-hours", usageKey: "monthly_lcu_hours", priceKey: kind ? lbLcuPrice(r.region, kind) : null, problem }),
    ];
    const ipv4 = publicIpv4Addresses(r, kind);
    if (ipv4) out.push(resourceHours(r, ctx, { name: ipv4.name, priceKey: publicIpv4HoursPrice(r.region), perResource: ipv4.addresses, problem: ipv4.problem }));
    return out;
  },
  facts: serviceFacts,
};

/** `aws_elb` (Classic): hours (usage `monthly_hrs`) and usage-based data processed (`monthly_data_processed_gb`). */
export const awsElb: CatalogEntry = {
  types: ["aws_elb"],
  components(r, ctx) {
    return [
      resourceHours(r, ctx, { name: "Classic Load Balancer hours", priceKey: lbHoursPrice(r.region, "classic") }),
      fromUsage(ctx, { name: "Data processed", unit: "GB", usageKey: "monthly_data_processed_gb", priceKey: classicLbDataPrice(r.region) }),
    ];
  },
  facts: serviceFacts,
};
