import type { Plan } from "../plan/resource.js";
import { assembleEstimate, type ResolvedPrices } from "./assemble-estimate.js";
import type { Estimate } from "./estimate.js";
import { priceKeyId } from "./price-key.js";
import { onDemandFor, priceNeeds, resolvedPrices } from "./price-needs.js";
import type { PriceQuote, PriceSource, SpotPriceSource, SpotQuote } from "./price-quote.js";
import { planCosts, type ResourceCostPlan } from "./plan-costs.js";
import { SnapshotPriceSource } from "./sources/snapshot-source.js";
import { SpotDiscountSource, type SpotDiscountOptions } from "./sources/spot-discount-source.js";
import { EMPTY_USAGE, type Usage } from "./usage.js";
import { withUnitEconomics } from "./unit-economics/unit-economics.js";
import { applyPriceBook } from "./price-book/apply-price-book.js";
import type { PriceBook } from "./price-book/price-book.js";

export interface EstimateOptions {
  usage?: Usage;
  prices?: PriceSource;
  spot?: SpotPriceSource;
  /** List unknown instance types as unpriced instead of failing. */
  allowUnknownInstanceTypes?: boolean;
  /** Your own prices, applied after list prices are resolved (see price-book/apply-price-book.ts). */
  priceBook?: PriceBook;
  /**
   * The pricing date, YYYY-MM-DD (UTC); default: today. Prices that change on a date (EKS support, price-book
   * validity periods) are chosen as of this day.
   */
  today?: string;
}

/** Options of the synchronous variant: prices always come from the embedded snapshot. */
export interface SyncEstimateOptions {
  usage?: Usage;
  /** Spot discounts (default: the snapshot's, capped by the Spot Advisor). */
  spot?: SpotDiscountOptions;
  /** List unknown instance types as unpriced instead of failing. */
  allowUnknownInstanceTypes?: boolean;
  priceBook?: PriceBook;
  /** The pricing date, YYYY-MM-DD (UTC); default: today. */
  today?: string;
}

/**
 * Price several plans (e.g. base and head of a PR) with one price lookup: keys are deduplicated across all
 * plans and stacks, so each distinct price is asked for once.
 */
export async function estimatePlans(plans: Plan[], opts: EstimateOptions = {}): Promise<Estimate[]> {
  const costPlans = costPlansOf(plans, opts);
  const resolved = await resolvePrices(costPlans.length === 1 ? costPlans[0]! : costPlans.flat(), opts.prices ?? new SnapshotPriceSource(), opts.spot ?? new SpotDiscountSource());
  return plans.map((p, i) => withUnitEconomics(withPriceBook(assembleEstimate(p, costPlans[i]!, resolved), opts), opts.usage));
}

/**
 * The same as `estimatePlans` with the embedded snapshot, synchronously — for callers that cannot await, like the
 * synth-time governance aspect (cdktf aspects are synchronous). Only the price lookup differs.
 */
export function estimatePlansSync(plans: Plan[], opts: SyncEstimateOptions = {}): Estimate[] {
  const costPlans = costPlansOf(plans, opts);
  const resolved = resolvePricesSync(costPlans.length === 1 ? costPlans[0]! : costPlans.flat(), new SnapshotPriceSource(), new SpotDiscountSource(opts.spot ?? {}));
  return plans.map((p, i) => withUnitEconomics(withPriceBook(assembleEstimate(p, costPlans[i]!, resolved), opts), opts.usage));
}

export async function estimatePlan(plan: Plan, opts: EstimateOptions = {}): Promise<Estimate> {
  return (await estimatePlans([plan], opts))[0]!;
}

/** One plan, synchronously from the embedded snapshot (see `estimatePlansSync`). */
export function estimatePlanSync(plan: Plan, opts: SyncEstimateOptions = {}): Estimate {
  return estimatePlansSync([plan], opts)[0]!;
}

/** The estimate at effective prices when a price book is given (before unit economics, which read the cost). */
function withPriceBook(e: Estimate, opts: { priceBook?: PriceBook; today?: string }): Estimate {
  return opts.priceBook ? applyPriceBook(e, opts.priceBook, opts.today ?? new Date().toISOString().slice(0, 10)) : e;
}

function costPlansOf(plans: Plan[], opts: { usage?: Usage; allowUnknownInstanceTypes?: boolean; today?: string }): ResourceCostPlan[][] {
  const options = { allowUnknownInstanceTypes: opts.allowUnknownInstanceTypes ?? false, ...(opts.today ? { today: opts.today } : {}) };
  return plans.map((p) => planCosts(p, opts.usage ?? EMPTY_USAGE, options));
}

/** Resolve every distinct price key (and spot rate) the cost plans need. */
export async function resolvePrices(costPlans: ResourceCostPlan[], prices: PriceSource, spot: SpotPriceSource): Promise<ResolvedPrices> {
  const needs = priceNeeds(costPlans);
  const quotes = await prices.quote(needs.keys);
  const spotQuotes = new Map<string, SpotQuote>();
  for (const n of needs.spot) spotQuotes.set(n.id, await spot.spotQuote(n.key, onDemandFor(n, quotes)));
  return resolvedPrices(quotes, spotQuotes, prices, spot);
}

/** `resolvePrices` from the snapshot and the dated spot discount, synchronously. */
function resolvePricesSync(costPlans: ResourceCostPlan[], prices: SnapshotPriceSource, spot: SpotDiscountSource): ResolvedPrices {
  const needs = priceNeeds(costPlans);
  const quotes = new Map<string, PriceQuote>(needs.keys.map((k) => [priceKeyId(k), prices.quoteOne(k)]));
  const spotQuotes = new Map<string, SpotQuote>(needs.spot.map((n) => [n.id, spot.spotQuoteSync(n.key, onDemandFor(n, quotes))]));
  return resolvedPrices(quotes, spotQuotes, prices, spot);
}
