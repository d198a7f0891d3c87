import { literalString } from "../../plan/json-values.js";
import { definePriceFactory, type PriceKey } from "../price-key.js";
import type { CatalogEntry } from "./catalog-entry.js";
import { fromUsage, perResource, serviceFacts } from "./service-components.js";

/**
 * AWS KMS (`awskms` offer): $ per customer managed key-month (product family `Encryption Key`, usage type
 * `…KMS-Keys`) and per 10k API requests (`API Request`, symmetric `…KMS-Requests`, asymmetric
 * `…KMS-Requests-Asymmetric`), filters as in Infracost's `kms_key.go`.
 *
 * Offline prices: key-months $1 in every commercial region (`aws-pages-uniform-2026`: AWS's KMS pricing page
 * states one price with no regional table; the copy is undated, so these prices say "undated"; in us-east-1 the
 * dated `infracost-goldens-95ba4f49` row, the same $1, wins); symmetric
 * requests $0.03 per 10k in us-east-1 (golden). Asymmetric request rows are rounded in their source and not
 * quoted. Usage key: `monthly_requests`.
 */
export const kmsKeyMonthsPrice: (region: string) => PriceKey = definePriceFactory("kms-key-months", "awskms", (region) => ({
  productFamily: "Encryption Key",
  attributes: [],
  checks: [{ field: "usagetype", op: "ends-with", value: "KMS-Keys" }],
  units: { Keys: { unit: "key-months", factor: 1 }, "Keys-Mo": { unit: "key-months", factor: 1 }, Mo: { unit: "key-months", factor: 1 } },
  unit: "key-months",
  what: `KMS customer managed key-months in ${region}`,
}));

export type KmsRequestKind = "symmetric" | "asymmetric";

/** KMS API requests, per 10k (symmetric keys and RSA 2048 data keys; other asymmetric keys). */
export const kmsRequestsPrice: (region: string, kind: KmsRequestKind) => PriceKey = definePriceFactory("kms-requests", "awskms", (region, kind: KmsRequestKind) => ({
  productFamily: "API Request",
  attributes: [],
  checks: [{ field: "usagetype", op: "ends-with", value: kind === "symmetric" ? "KMS-Requests" : "KMS-Requests-Asymmetric" }],
  units: { Requests: { unit: "10k requests", factor: 10_000 } },
  unit: "10k requests",
  what: `KMS ${kind} requests in ${region}`,
}));

/**
 * `aws_kms_key` (and `aws_kms_replica_key`, billed as a key of its own): one key-month per key, plus usage-based
 * requests (`monthly_requests`), symmetric unless `customer_master_key_spec` names an asymmetric or HMAC spec.
 * AWS managed keys and `aws_kms_alias` cost nothing.
 */
export const awsKmsKey: CatalogEntry = {
  types: ["aws_kms_key", "aws_kms_replica_key"],
  components(r, ctx) {
    const spec = literalString(r.attributes.customer_master_key_spec) ?? "SYMMETRIC_DEFAULT";
    const kind: KmsRequestKind = spec === "SYMMETRIC_DEFAULT" ? "symmetric" : "asymmetric";
    return [
      perResource(r, { name: "Customer managed key", unit: "key-months", perResource: 1, priceKey: kmsKeyMonthsPrice(r.region) }),
      fromUsage(ctx, { name: `Requests (${kind})`, unit: "10k requests", usageKey: "monthly_requests", priceKey: kmsRequestsPrice(r.region, kind), per: 10_000 }),
    ];
  },
  facts: serviceFacts,
};
