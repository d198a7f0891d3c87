import type { Plan } from "../plan/resource.js";
import { assembleEstimate, type ResolvedPrices } from "./assemble-estimate.js";
import type { Estimate } from "./estimate.js";
import { onDemandFor, priceNeeds, resolvedPrices } from "./price-needs.js";
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
  const resolved = await resolvePrices(costPlans.length === 1 ? costPlans[0]! : costPlans.flat(), prices, spot);
  return plans.map((p, i) => assembleEstimate(p, costPlans[i]!, resolved));
}

export async function estimatePlan(plan: Plan, opts: EstimateOptions = {}): Promise<Estimate> {
  return (await estimatePlans([plan], opts))[0]!;
}

/** Resolve every distinct price key (and spot rate) the cost plans need. */
export async function resolvePrices(costPlans: ResourceCostPlan[], prices: PriceSource, spot: SpotPriceSource): Promise<ResolvedPrices> {
  const needs = priceNeeds(costPlans);
  const quotes = await prices.quote(needs.keys);
  const spotQuotes = new Map<string, SpotQuote>();
  for (const n of needs.spot) spotQuotes.set(n.id, await spot.spotQuote(n.key, onDemandFor(n, quotes)));
  return resolvedPrices(quotes, spotQuotes, prices, spot);
}
