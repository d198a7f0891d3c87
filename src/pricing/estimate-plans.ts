import type { Plan } from "../plan/resource.js";
import { assembleEstimate, type ResolvedPrices } from "./assemble-estimate.js";
import type { Estimate } from "./estimate.js";
import { distinctPriceKeys, priceKeyId, type PriceKey } from "./price-key.js";
import type { PriceSource, SpotPriceSource, SpotQuote } from "./price-quote.js";
import { planCosts, type ResourceCostPlan } from "./plan-costs.js";
import { SnapshotPriceSource } from "./sources/snapshot-source.js";
import { SpotDiscountSource } from "./sources/spot-discount-source.js";
import { EMPTY_USAGE, type Usage } from "./usage.js";

export interface EstimateOptions {
  usage?: Usage;
  prices?: PriceSource;
  spot?: SpotPriceSource;
  /** List unknown instance types as unpriced instead of failing. */
  allowUnknownInstanceTypes?: boolean;
}

/**
 * Price several plans (e.g. base and head of a PR) with one price lookup: keys are deduplicated across all
 * plans and stacks, so each distinct price is asked for once.
 */
export async function estimatePlans(plans: Plan[], opts: EstimateOptions = {}): Promise<Estimate[]> {
  const prices = opts.prices ?? new SnapshotPriceSource();
  const spot = opts.spot ?? new SpotDiscountSource();
  const costPlans = plans.map((p) => planCosts(p, opts.usage ?? EMPTY_USAGE, { allowUnknownInstanceTypes: opts.allowUnknownInstanceTypes ?? false }));
  const resolved = await resolvePrices(costPlans.flat(), prices, spot);
  return plans.map((p, i) => assembleEstimate(p, costPlans[i]!, resolved));
}

export async function estimatePlan(plan: Plan, opts: EstimateOptions = {}): Promise<Estimate> {
  return (await estimatePlans([plan], opts))[0]!;
}

/** Resolve every distinct price key (and spot rate) the cost plans need. */
export async function resolvePrices(costPlans: ResourceCostPlan[], prices: PriceSource, spot: SpotPriceSource): Promise<ResolvedPrices> {
  const all: PriceKey[] = [];
  const spotKeys: PriceKey[] = [];
  for (const cp of costPlans)
    for (const c of cp.components) {
      if (!c.priceKey || c.unpricedReason !== undefined) continue;
      all.push(c.priceKey);
      if (c.purchaseOption === "spot") spotKeys.push(c.priceKey);
    }
  const quotes = await prices.quote(distinctPriceKeys(all));
  const spotQuotes = new Map<string, SpotQuote>();
  for (const k of distinctPriceKeys(spotKeys)) {
    if (k.kind !== "ec2-instance" && k.kind !== "sagemaker-instance") continue;
    const id = priceKeyId(k);
    const od = quotes.get(id) ?? { priced: false as const, reason: `price ${id} was not resolved` };
    spotQuotes.set(id, await spot.spotQuote({ region: k.region, instanceType: k.instanceType.replace(/^ml\./, ""), kind: k.kind }, od));
  }
  const usesSpot = spotQuotes.size > 0;
  return {
    quotes,
    spot: spotQuotes,
    sources: [...prices.describe(), ...(usesSpot ? spot.describe() : [])],
    warnings: [...prices.warnings(), ...(usesSpot ? spot.warnings() : [])],
  };
}
