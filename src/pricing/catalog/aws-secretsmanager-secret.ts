import { blocks, literalString } from "../../plan/json-values.js";
import { definePriceFactory, type PriceKey } from "../price-key.js";
import type { CatalogEntry } from "./catalog-entry.js";
import { fromUsage, perResource, serviceFacts } from "./service-components.js";

/**
 * AWS Secrets Manager (`AWSSecretsManager` offer): $ per secret-month (product family `Secret`) and per 10k API
 * calls (`API Request`), as Infracost's `secretsmanager_secret.go` filters them.
 *
 * Offline prices: $0.40 per secret-month in every commercial region (`aws-pages-uniform-2026`: an undated
 * third-party page, low confidence, labelled so on each price; in us-east-1 the dated `infracost-goldens-95ba4f49`
 * row, the same $0.40, wins); API calls $0.05 per 10k in us-east-1 (golden). Usage key: `monthly_requests`.
 */
export const secretMonthsPrice: (region: string) => PriceKey = definePriceFactory("secretsmanager-secret-months", "AWSSecretsManager", (region) => ({
  productFamily: "Secret",
  attributes: [],
  checks: [],
  units: { Secrets: { unit: "secret-months", factor: 1 }, "Secret-Mo": { unit: "secret-months", factor: 1 }, Mo: { unit: "secret-months", factor: 1 } },
  unit: "secret-months",
  what: `Secrets Manager secret-months in ${region}`,
}));

/** Secrets Manager API calls, per 10k. */
export const secretRequestsPrice: (region: string) => PriceKey = definePriceFactory("secretsmanager-requests", "AWSSecretsManager", (region) => ({
  productFamily: "API Request",
  attributes: [],
  checks: [],
  units: { "API Requests": { unit: "10k requests", factor: 10_000 }, Requests: { unit: "10k requests", factor: 10_000 } },
  unit: "10k requests",
  what: `Secrets Manager API calls in ${region}`,
}));

/**
 * `aws_secretsmanager_secret`: one secret-month per secret, one per `replica` (AWS bills each replica as a secret,
 * in the replica's region), plus usage-based API calls (`monthly_requests`).
 */
export const awsSecretsmanagerSecret: CatalogEntry = {
  types: ["aws_secretsmanager_secret"],
  components(r, ctx) {
    const replicas = blocks(r.attributes.replica).map((b) => b.region);
    return [
      perResource(r, { name: "Secret", unit: "secret-months", perResource: 1, priceKey: secretMonthsPrice(r.region) }),
      ...replicas.map((region) => {
        const known = literalString(region);
        return perResource(r, {
          name: `Replica secret (${known ?? "unknown region"})`,
          unit: "secret-months",
          perResource: 1,
          priceKey: known ? secretMonthsPrice(known) : null,
          problem: known ? undefined : `the replica's region is not a literal (${String(region)})`,
        });
      }),
      fromUsage(ctx, { name: "API calls", unit: "10k requests", usageKey: "monthly_requests", priceKey: secretRequestsPrice(r.region), per: 10_000 }),
    ];
  },
  facts: serviceFacts,
};
