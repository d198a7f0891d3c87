import { literalString } from "../../plan/json-values.js";
import { definePriceFactory, type PriceKey } from "../price-key.js";
import type { CatalogEntry } from "./catalog-entry.js";

export type TokenDirection = "input" | "output";

/**
 * Bedrock on-demand model use per 1M tokens of one direction (`AmazonBedrock`). The embedded snapshot has a few
 * low-confidence rows (a third-party page dated 2026-01-05; its region assumed to be us-east-1): they are labelled
 * so. costgate does not query Bedrock token prices from the Price List yet (the live source falls back to the
 * snapshot with a warning).
 */
export const bedrockTokenPrice: (region: string, modelFamily: string, direction: TokenDirection) => PriceKey = definePriceFactory(
  "bedrock-tokens",
  "AmazonBedrock",
  (region, modelFamily: string, direction: TokenDirection) => ({
    attributes: [],
    checks: [],
    units: {},
    unit: "1M tokens",
    what: `Bedrock ${modelFamily} on-demand ${direction} tokens in ${region}`,
    notInPriceList: "costgate does not look up Bedrock token prices in the Price List yet",
  }),
);

/**
 * A Bedrock model id's family (`us.anthropic.claude-3-5-haiku-20241022-v1:0` → `anthropic.claude-3-5-haiku`):
 * ARN prefix, cross-region inference-profile prefix and the date/version suffix removed. Undefined when the id
 * is an expression or not a model id.
 */
export function modelFamily(modelId: unknown): string | undefined {
  const id = literalString(modelId);
  if (!id) return undefined;
  const bare = id.slice(id.lastIndexOf("/") + 1).replace(/^(us|eu|apac|us-gov|global)\./, "");
  const family = bare.replace(/-\d{8}(-v\d+(:\d+)?)?$/, "").replace(/-v\d+(:\d+)?$/, "");
  return /^[a-z0-9-]+\.[a-z0-9.-]+$/.test(family) ? family : undefined;
}

/**
 * `aws_bedrockagent_agent`: on-demand model use of its `foundation_model`, usage-based — `monthly_input_tokens` and
 * `monthly_output_tokens` × the model's per-1M-token prices.
 */
export const awsBedrockAgent: CatalogEntry = {
  types: ["aws_bedrockagent_agent"],
  components(r, ctx) {
    const family = modelFamily(r.attributes.foundation_model);
    const problem = family ? undefined : `foundation_model ${JSON.stringify(r.attributes.foundation_model ?? null)} is not a model id costgate can read`;
    return (["input", "output"] as const).map((direction) => {
      const key = direction === "input" ? "monthly_input_tokens" : "monthly_output_tokens";
      const tokens = ctx.usage[key];
      return {
        name: `Model ${direction} tokens (${family ?? "unknown model"}, on-demand)`,
        unit: "1M tokens",
        monthlyQuantity: tokens === undefined ? null : tokens / 1e6,
        usageKey: key,
        priceKey: family ? bedrockTokenPrice(r.region, family, direction) : null,
        purchaseOption: "usage" as const,
        ...(problem ? { unpricedReason: problem } : {}),
      };
    });
  },
  facts: () => ({ instanceTypes: [], instanceCount: null, gpusPerInstance: null }),
};

/**
 * `aws_bedrock_provisioned_model_throughput`: model units bought per hour under a commitment. No dated public
 * price for Provisioned Throughput was found (shared/pricing, SOURCES-2026-11-30): unpriced with the reason.
 */
export const awsBedrockProvisionedThroughput: CatalogEntry = {
  types: ["aws_bedrock_provisioned_model_throughput"],
  components(r) {
    const units = r.attributes.model_units;
    return [
      {
        name: `Provisioned Throughput (${String(units ?? "?")} model units, ${modelFamily(r.attributes.model_arn) ?? "unknown model"})`,
        unit: "hours",
        monthlyQuantity: null,
        priceKey: null,
        purchaseOption: "on-demand",
        unpricedReason: "Bedrock Provisioned Throughput has no dated public price in the embedded snapshot (no source found); it is billed per model unit-hour for the commitment term",
      },
    ];
  },
  facts: () => ({ instanceTypes: [], instanceCount: null, gpusPerInstance: null }),
};
