import { isUnresolved, literalString } from "../../plan/json-values.js";
import { definePriceFactory, type PriceKey } from "../price-key.js";
import { HOURS } from "../prices/units.js";
import type { CatalogEntry } from "./catalog-entry.js";
import { fromUsage, resourceHours, serviceFacts } from "./service-components.js";

/**
 * VPC endpoints (`AmazonVPC` offer, product family `VpcEndpoint`): Interface endpoints bill one endpoint-hour per
 * AZ (per subnet, i.e. per ENI) plus data processed; Gateway Load Balancer endpoints one endpoint-hour plus data
 * processed; Gateway endpoints (S3, DynamoDB) are free. Usage types (`…VpcEndpoint-Hours`, `…VpcEndpoint-Bytes`,
 * `…VpcEndpoint-GWLBE-Hours`/`-Bytes`) follow Infracost's `vpc_endpoint.go`; the GWLBE ones are not verified
 * against the live API (a mismatch ends in NoMatchingPrice, never a wrong price).
 *
 * Offline prices (`services-2026-11-30.json`, `infracost-goldens-95ba4f49`, as of 2024-10-18, us-east-1 only):
 * Interface $0.01 per AZ-hour and $0.01/GB for the first 1 PB a month; GWLB endpoint $0.01/h and $0.0035/GB.
 * Data beyond the first tier (1 PB) has no price here: it is unpriced with the reason, never priced at the
 * first tier's rate. Usage key: `monthly_data_processed_gb`.
 */
export type EndpointKind = "Interface" | "GatewayLoadBalancer";

/** Endpoint hours (Interface: per AZ). */
export const vpcEndpointHoursPrice: (region: string, kind: EndpointKind) => PriceKey = definePriceFactory("vpc-endpoint-hours", "AmazonVPC", (region, kind: EndpointKind) => ({
  productFamily: "VpcEndpoint",
  attributes: [],
  checks: [{ field: "usagetype", op: "ends-with", value: kind === "Interface" ? "VpcEndpoint-Hours" : "VpcEndpoint-GWLBE-Hours" }],
  units: HOURS,
  unit: "hours",
  what: `${kind} VPC endpoint hours in ${region}`,
}));

/** Endpoint data processed, GB (Interface: the first-1-PB tier). */
export const vpcEndpointDataPrice: (region: string, kind: EndpointKind) => PriceKey = definePriceFactory("vpc-endpoint-data", "AmazonVPC", (region, kind: EndpointKind) => ({
  productFamily: "VpcEndpoint",
  attributes: [],
  checks: [{ field: "usagetype", op: "ends-with", value: kind === "Interface" ? "VpcEndpoint-Bytes" : "VpcEndpoint-GWLBE-Bytes" }],
  units: { GB: { unit: "GB", factor: 1 } },
  unit: "GB",
  what: `${kind} VPC endpoint data processed in ${region}`,
}));

/** The first Interface-endpoint data tier, GB a month (AWS: "first 1 PB"; the smaller, decimal reading). */
export const VPC_ENDPOINT_FIRST_TIER_GB = 1_000_000;

/**
 * `aws_vpc_endpoint`: by `vpc_endpoint_type` (provider default `Gateway`, free). Interface: endpoint-hours × the
 * number of `subnet_ids` (one ENI per AZ); unknown subnets leave the hours unpriced with the reason.
 */
export const awsVpcEndpoint: CatalogEntry = {
  types: ["aws_vpc_endpoint"],
  components(r, ctx) {
    const t = r.attributes.vpc_endpoint_type;
    const type = t === undefined || t === null ? "Gateway" : literalString(t);
    if (type === "Gateway") return [];
    const kind: EndpointKind | undefined = type === "Interface" || type === "GatewayLoadBalancer" ? type : undefined;
    const typeProblem = kind ? undefined : `vpc_endpoint_type ${JSON.stringify(t)} is not Gateway, Interface or GatewayLoadBalancer`;
    const subnets = r.attributes.subnet_ids;
    const azs = kind === "GatewayLoadBalancer" ? 1 : Array.isArray(subnets) && !subnets.some(isUnresolved) ? subnets.length : null;
    const azProblem = azs === null ? `the number of subnets (AZs) is unknown (subnet_ids: ${isUnresolved(subnets) ? String(subnets) : "not a literal list"})` : azs === 0 ? "an Interface endpoint needs at least one subnet (subnet_ids is empty)" : undefined;
    const data = ctx.usage.monthly_data_processed_gb;
    const tierProblem = data !== undefined && data > VPC_ENDPOINT_FIRST_TIER_GB && kind === "Interface" ? `${data} GB exceeds the first 1 PB tier; costgate has no price for the next tiers and never prices them at the first tier's rate` : undefined;
    return [
      resourceHours(r, ctx, { name: kind === "Interface" ? `Endpoint hours (${azs ?? "?"} AZ${azs === 1 ? "" : "s"})` : "Endpoint hours", priceKey: kind ? vpcEndpointHoursPrice(r.region, kind) : null, perResource: azs, problem: typeProblem ?? azProblem }),
      fromUsage(ctx, { name: "Data processed", unit: "GB", usageKey: "monthly_data_processed_gb", priceKey: kind ? vpcEndpointDataPrice(r.region, kind) : null, problem: typeProblem ?? tierProblem }),
    ];
  },
  facts: serviceFacts,
};
