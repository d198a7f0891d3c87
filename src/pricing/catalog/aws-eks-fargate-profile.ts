import { definePriceFactory, type PriceKey, type UnitConversion } from "../price-key.js";
import type { CatalogEntry } from "./catalog-entry.js";
import { fromUsage, serviceFacts } from "./service-components.js";

/**
 * EKS on Fargate (`AmazonEKS`, product family `Compute`, usage types `…Fargate-vCPU-Hours:perCPU` and
 * `…Fargate-GB-Hours`), billed per pod for its vCPU and memory while it runs. A Fargate profile only selects pods;
 * what they request is not in the plan, so both parts are usage-based: `monthly_vcpu_hours` and
 * `monthly_memory_gb_hours` (all the profile's pods together).
 *
 * Offline: none. The only sourced rates (`services-2026-11-30.json`, $0.04048 per vCPU-hour and $0.00444 per
 * GB-hour in us-east-1) are rounded in their source (`exact: false`), so the snapshot does not quote them; the
 * parts are unpriced with that reason and priced with `--prices aws`.
 */
const VCPU_HOURS: Readonly<Record<string, UnitConversion>> = { "vCPU-Hours": { unit: "vCPU-hours", factor: 1 }, Hrs: { unit: "vCPU-hours", factor: 1 } };
const GB_HOURS: Readonly<Record<string, UnitConversion>> = { "GB-Hours": { unit: "GB-hours", factor: 1 }, Hrs: { unit: "GB-hours", factor: 1 } };

export const fargatePrice: (region: string, part: "vcpu" | "memory") => PriceKey = definePriceFactory("eks-fargate", "AmazonEKS", (region, part: "vcpu" | "memory") => ({
  productFamily: "Compute",
  attributes: [],
  checks: [{ field: "usagetype", op: "ends-with", value: part === "vcpu" ? "Fargate-vCPU-Hours:perCPU" : "Fargate-GB-Hours" }],
  units: part === "vcpu" ? VCPU_HOURS : GB_HOURS,
  unit: part === "vcpu" ? "vCPU-hours" : "GB-hours",
  what: `EKS Fargate ${part === "vcpu" ? "vCPU-hours" : "memory GB-hours"} in ${region}`,
}));

/** `aws_eks_fargate_profile`: usage-based pod vCPU-hours and memory GB-hours. */
export const awsEksFargateProfile: CatalogEntry = {
  types: ["aws_eks_fargate_profile"],
  components: (r, ctx) => [
    fromUsage(ctx, { name: "Fargate pod vCPU", unit: "vCPU-hours", usageKey: "monthly_vcpu_hours", priceKey: fargatePrice(r.region, "vcpu") }),
    fromUsage(ctx, { name: "Fargate pod memory", unit: "GB-hours", usageKey: "monthly_memory_gb_hours", priceKey: fargatePrice(r.region, "memory") }),
  ],
  facts: serviceFacts,
};
