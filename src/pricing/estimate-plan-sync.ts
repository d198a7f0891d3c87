import type { Plan } from "../plan/resource.js";
import { assembleEstimate } from "./assemble-estimate.js";
import type { Estimate } from "./estimate.js";
import { priceKeyId } from "./price-key.js";
import { onDemandFor, priceNeeds, resolvedPrices } from "./price-needs.js";
import type { PriceQuote, SpotQuote } from "./price-quote.js";
import { planCosts } from "./plan-costs.js";
import { SnapshotPriceSource } from "./sources/snapshot-source.js";
import { SpotDiscountSource, type SpotDiscountOptions } from "./sources/spot-discount-source.js";
import { EMPTY_USAGE, type Usage } from "./usage.js";

export interface SyncEstimateOptions {
  usage?: Usage;
  /** Spot discounts (default: the snapshot's, capped by the Spot Advisor). */
  spot?: SpotDiscountOptions;
  /** List unknown instance types as unpriced instead of failing. */
  allowUnknownInstanceTypes?: boolean;
}

/**
 * Price one plan synchronously from the embedded snapshot. For callers that cannot await, like the
 * synth-time governance aspect (cdktf aspects are synchronous). Same pieces and result as
 * `estimatePlan(plan)` with the default (snapshot + spot discount) sources.
 */
export function estimatePlanSync(plan: Plan, opts: SyncEstimateOptions = {}): Estimate {
  const prices = new SnapshotPriceSource();
  const spot = new SpotDiscountSource(opts.spot ?? {});
  const costPlans = planCosts(plan, opts.usage ?? EMPTY_USAGE, { allowUnknownInstanceTypes: opts.allowUnknownInstanceTypes ?? false });
  const needs = priceNeeds(costPlans);
  const quotes = new Map<string, PriceQuote>(needs.keys.map((k) => [priceKeyId(k), prices.quoteOne(k)]));
  const spotQuotes = new Map<string, SpotQuote>(needs.spot.map((n) => [n.id, spot.spotQuoteSync(n.key, onDemandFor(n, quotes))]));
  return assembleEstimate(plan, costPlans, resolvedPrices(quotes, spotQuotes, prices, spot));
}
