import type { ResolvedPrices } from "./assemble-estimate.js";
import type { CostComponentSpec } from "./cost-component.js";
import type { ComponentEstimate } from "./estimate.js";
import { priceKeyId } from "./price-key.js";
import type { PriceOrigin } from "./price-quote.js";

/** A choice's resolved prices: the rate it would be bought at (spot or on-demand) and its on-demand rate. */
interface PricedChoice {
  instanceType: string;
  rate: number;
  onDemand: number;
  origin: PriceOrigin;
  expected: number | null;
  high: number | null;
  band?: string;
}

/**
 * Price a component whose capacity may run any of several instance types (`choices`, a Karpenter NodePool):
 * expected at the cheapest priced choice (Karpenter launches the lowest-priced type that fits for on-demand;
 * for spot it weighs price and capacity, so the cheapest is the optimistic end), the high end at the most
 * expensive `rate × high` over all choices — null when a choice is unbounded or has no price. Fills `out`
 * (built by the caller with the common fields) and returns it. Pure.
 */
export function priceChoices(c: CostComponentSpec, out: ComponentEstimate, prices: ResolvedPrices): ComponentEstimate {
  const spot = c.purchaseOption === "spot";
  const priced: PricedChoice[] = [];
  const unpriced: string[] = [];
  for (const choice of c.choices ?? []) {
    const id = priceKeyId(choice.priceKey);
    const q = prices.quotes.get(id);
    const s = spot ? prices.spot.get(id) : undefined;
    if (!q || !q.priced || (spot && (!s || !s.priced))) {
      unpriced.push(choice.instanceType);
      continue;
    }
    const rate = spot && s && s.priced ? s.usdPerHour : q.usdPerUnit;
    const origin = spot && s && s.priced ? s.origin : q.origin;
    const p: PricedChoice = { instanceType: choice.instanceType, rate, onDemand: q.usdPerUnit, origin, expected: choice.expected, high: choice.high };
    if (spot && s && s.priced && s.interruptionBand) p.band = s.interruptionBand;
    priced.push(p);
  }
  if (priced.length === 0) {
    out.unpricedReason = `none of the ${unpriced.length} allowed instance types has a price (${list(unpriced)})`;
    return out;
  }
  // Cheapest for the expected usage (e.g. per GPU-hour when usage is GPU-hours), else by hourly rate.
  const cost = (p: PricedChoice) => (p.expected === null ? Infinity : p.rate * p.expected);
  let cheapest = priced[0]!;
  for (const p of priced) if (cost(p) < cost(cheapest) || (cost(p) === cost(cheapest) && p.rate < cheapest.rate)) cheapest = p;
  out.priceKey = priceKeyId(c.choices!.find((x) => x.instanceType === cheapest.instanceType)!.priceKey);
  out.unitPrice = cheapest.rate;
  out.price = cheapest.origin;
  if (cheapest.band) out.interruptionBand = cheapest.band;
  out.monthlyQuantity = cheapest.expected;
  out.monthlyCost = cheapest.expected === null ? null : cheapest.rate * cheapest.expected;
  if (spot) {
    out.onDemandUnitPrice = cheapest.onDemand;
    out.onDemandMonthlyCost = cheapest.expected === null ? null : cheapest.onDemand * cheapest.expected;
  }
  // The high end: the most any allowed type could cost under the limits; unknown if any type is unbounded or unpriced.
  let high: number | null = unpriced.length > 0 ? null : 0;
  for (const p of priced) high = high === null || p.high === null ? null : Math.max(high, p.rate * p.high);
  let highQuantity: number | null = 0;
  for (const p of priced) highQuantity = highQuantity === null || p.high === null ? null : Math.max(highQuantity, p.high);
  out.quantityRange = { low: 0, high: highQuantity };
  out.costRange = { low: 0, high };
  if (spot) {
    let odHigh: number | null = unpriced.length > 0 ? null : 0;
    for (const p of priced) odHigh = odHigh === null || p.high === null ? null : Math.max(odHigh, p.onDemand * p.high);
    out.onDemandCostRange = { low: 0, high: odHigh };
  }
  return out;
}

function list(types: readonly string[]): string {
  return types.slice(0, 5).join(", ") + (types.length > 5 ? `, and ${types.length - 5} more` : "");
}
