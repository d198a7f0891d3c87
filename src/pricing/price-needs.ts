import type { ResolvedPrices } from "./assemble-estimate.js";
import { distinctPriceKeys, priceKeyId, type PriceKey } from "./price-key.js";
import type { PriceQuote, PriceSource, SpotPriceSource, SpotQuote } from "./price-quote.js";
import type { ResourceCostPlan } from "./plan-costs.js";

/** A spot rate to resolve: keyed by the on-demand price key id it discounts. */
export interface SpotNeed {
  id: string;
  key: { region: string; instanceType: string; kind: "ec2-instance" | "sagemaker-instance" };
}

/** The distinct prices a set of cost plans needs: on-demand keys and spot rates. */
export interface PriceNeeds {
  keys: PriceKey[];
  spot: SpotNeed[];
}

/** Pure: collect the distinct price keys (and spot rates) of priceable components. */
export function priceNeeds(costPlans: readonly ResourceCostPlan[]): PriceNeeds {
  const keys: PriceKey[] = [];
  const spotKeys: PriceKey[] = [];
  for (const cp of costPlans)
    for (const c of cp.components) {
      if (c.unpricedReason !== undefined) continue;
      if (c.choices)
        for (const choice of c.choices) {
          keys.push(choice.priceKey);
          if (c.purchaseOption === "spot") spotKeys.push(choice.priceKey);
        }
      if (!c.priceKey) continue;
      keys.push(c.priceKey);
      if (c.purchaseOption === "spot") spotKeys.push(c.priceKey);
      if (c.otherInstanceTypes)
        for (const t of c.otherInstanceTypes) {
          if (!t.priceKey) continue;
          keys.push(t.priceKey);
          if (c.purchaseOption === "spot") spotKeys.push(t.priceKey);
        }
    }
  const spot: SpotNeed[] = [];
  for (const k of distinctPriceKeys(spotKeys)) {
    // Spot applies to instance-hours; SageMaker's managed spot is a discount on its own rate, not EC2 spot.
    if (k.instanceType === undefined) continue;
    const kind = k.service === "AmazonSageMaker" ? "sagemaker-instance" : "ec2-instance";
    spot.push({ id: priceKeyId(k), key: { region: k.region, instanceType: k.instanceType.replace(/^ml\./, ""), kind } });
  }
  return { keys: distinctPriceKeys(keys), spot };
}

/** The on-demand quote a spot rate is derived from (or why there is none). */
export function onDemandFor(need: SpotNeed, quotes: ReadonlyMap<string, PriceQuote>): PriceQuote {
  return quotes.get(need.id) ?? { priced: false, reason: `price ${need.id} was not resolved` };
}

/** Bundle resolved quotes with the sources' descriptions and warnings (spot's only when spot was used). */
export function resolvedPrices(
  quotes: ReadonlyMap<string, PriceQuote>,
  spotQuotes: ReadonlyMap<string, SpotQuote>,
  prices: Pick<PriceSource, "describe" | "warnings">,
  spot: Pick<SpotPriceSource, "describe" | "warnings">,
): ResolvedPrices {
  const usesSpot = spotQuotes.size > 0;
  return {
    quotes,
    spot: spotQuotes,
    sources: [...prices.describe(), ...(usesSpot ? spot.describe() : [])],
    warnings: [...prices.warnings(), ...(usesSpot ? spot.warnings() : [])],
  };
}
