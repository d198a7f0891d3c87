import type { Plan } from "../plan/resource.js";
import { assembleEstimate } from "./assemble-estimate.js";
import type { Estimate } from "./estimate.js";
import { distinctPriceKeys, priceKeyId, type PriceKey } from "./price-key.js";
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
  const keys: PriceKey[] = [];
  const spotKeys: PriceKey[] = [];
  for (const cp of costPlans)
    for (const c of cp.components) {
      if (!c.priceKey || c.unpricedReason !== undefined) continue;
      keys.push(c.priceKey);
      if (c.purchaseOption === "spot") spotKeys.push(c.priceKey);
    }
  const quotes = new Map<string, PriceQuote>(distinctPriceKeys(keys).map((k) => [priceKeyId(k), prices.quoteOne(k)]));
  const spotQuotes = new Map<string, SpotQuote>();
  for (const k of distinctPriceKeys(spotKeys)) {
    if (k.kind !== "ec2-instance" && k.kind !== "sagemaker-instance") continue;
    const id = priceKeyId(k);
    const od = quotes.get(id) ?? { priced: false as const, reason: `price ${id} was not resolved` };
    spotQuotes.set(id, spot.spotQuoteSync({ region: k.region, instanceType: k.instanceType.replace(/^ml\./, "") }, od));
  }
  const usesSpot = spotQuotes.size > 0;
  return assembleEstimate(plan, costPlans, {
    quotes,
    spot: spotQuotes,
    sources: [...prices.describe(), ...(usesSpot ? spot.describe() : [])],
    warnings: [...prices.warnings(), ...(usesSpot ? spot.warnings() : [])],
  });
}
