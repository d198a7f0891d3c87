import { definePriceFactory, type PriceKey } from "../price-key.js";
import { GB_MONTHS } from "../prices/units.js";
import type { CatalogEntry } from "./catalog-entry.js";
import { fromUsage, serviceFacts } from "./service-components.js";

/**
 * Amazon ECR (`AmazonECR` offer) image storage, GB-months (product family `EC2 Container Registry`, usage type
 * `…TimedStorage-ByteHrs`, as Infracost's `ecr_repository.go`). Offline: $0.10/GB-month in us-east-1
 * (`services-2026-11-30.json`, `infracost-goldens-95ba4f49`). Usage key: `storage_gb`. Data transfer out of the
 * region is not modelled.
 */
export const ecrStoragePrice: (region: string) => PriceKey = definePriceFactory("ecr-storage", "AmazonECR", (region) => ({
  productFamily: "EC2 Container Registry",
  attributes: [],
  checks: [{ field: "usagetype", op: "ends-with", value: "TimedStorage-ByteHrs" }],
  units: GB_MONTHS,
  unit: "GB-months",
  what: `ECR storage in ${region}`,
}));

/** `aws_ecr_repository`: usage-based image storage (`storage_gb`). */
export const awsEcrRepository: CatalogEntry = {
  types: ["aws_ecr_repository"],
  components: (r, ctx) => [fromUsage(ctx, { name: "Storage", unit: "GB-months", usageKey: "storage_gb", priceKey: ecrStoragePrice(r.region) })],
  facts: serviceFacts,
};
