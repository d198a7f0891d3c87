import type { ComponentEstimate } from "../estimate.js";
import type { PriceFilter } from "../price-key.js";
import type { PriceBookRate } from "./price-book.js";
import { compareSpecificity, matchesFilter, specificity } from "./rule-match.js";

/**
 * The rate rule that prices a component: the most specific of the rules valid today that match its price filter
 * (see `specificity`) and, when the rule names a unit, are in that unit; on a tie (only possible between rules the loader let through) the first in the file.
 * `spot`: the rule must be a discount with `appliesToSpot` (spot stays spot unless a discount says otherwise).
 */
export function rateRuleFor(rules: readonly PriceBookRate[], filter: PriceFilter | undefined, spot: boolean): PriceBookRate | undefined {
  if (!filter) return undefined;
  let best: PriceBookRate | undefined;
  let bestSpec: number[] | undefined;
  for (const r of rules) {
    if (spot && !(r.discountPercent !== undefined && r.appliesToSpot === true)) continue;
    if (r.unit !== undefined && r.unit !== filter.unit) continue;
    if (!matchesFilter(r.match, filter)) continue;
    const spec = specificity(r.match);
    if (!bestSpec || compareSpecificity(spec, bestSpec) > 0) {
      best = r;
      bestSpec = spec;
    }
  }
  return best;
}

/** The contracted unit price a rule gives for a list unit price (null: unknown — a discount of unknown is unknown). */
export function contractedPrice(rule: PriceBookRate, listUnitPrice: number | null): number | null {
  if (rule.usdPerUnit !== undefined) return rule.usdPerUnit;
  return listUnitPrice === null ? null : listUnitPrice * (1 - rule.discountPercent! / 100);
}

/**
 * A component at its contracted price: the rule for its purchase option applied to its unit price (and for spot
 * capacity, the on-demand rule to its on-demand basis). Returns a new component carrying `list` and
 * `priceBookRule`, or the component itself when no rule changes it. A fixed rate prices a component whose list
 * price is unknown (it names what is bought); its list cost stays unknown and `priceBookRule.listUnknown` says so.
 */
export function applyRateRules(
  c: ComponentEstimate,
  rules: readonly PriceBookRate[],
  filter: PriceFilter | undefined,
): { component: ComponentEstimate; rule?: PriceBookRate; onDemandRule?: PriceBookRate } {
  const spot = c.purchaseOption === "spot";
  const rule = rateRuleFor(rules, filter, spot);
  const odRule = spot ? rateRuleFor(rules, filter, false) : undefined;
  if (!rule && !odRule) return { component: c };
  const out: ComponentEstimate = { ...c, list: { unitPrice: c.unitPrice, monthlyCost: c.monthlyCost, ...(c.costRange ? { costRange: c.costRange } : {}), ...(spot ? { onDemandMonthlyCost: c.onDemandMonthlyCost ?? null } : {}) } };
  const qty = c.monthlyQuantity;
  if (spot && odRule && c.onDemandUnitPrice !== undefined) {
    const od = contractedPrice(odRule, c.onDemandUnitPrice)!;
    const factor = c.onDemandUnitPrice > 0 ? od / c.onDemandUnitPrice : 1;
    out.onDemandUnitPrice = od;
    if (c.onDemandMonthlyCost != null) out.onDemandMonthlyCost = qty === null ? c.onDemandMonthlyCost * factor : od * qty;
    if (c.onDemandCostRange) out.onDemandCostRange = atLeastListHigh(c, scaled(c.onDemandCostRange, factor), c.onDemandCostRange);
  }
  const od = odRule ? { onDemandRule: odRule } : {};
  if (!rule) return { component: out, ...od };
  const listUnknown = c.unitPrice === null;
  if (listUnknown && (rule.usdPerUnit === undefined || c.priceKey === null || spot)) return { component: out, ...od };
  const unit = contractedPrice(rule, c.unitPrice)!;
  out.unitPrice = unit;
  out.monthlyCost = qty === null ? null : unit * qty;
  if (c.quantityRange && qty !== null) {
    out.costRange = { low: unit * c.quantityRange.low, high: c.quantityRange.high === null ? null : unit * c.quantityRange.high };
  } else if (c.costRange && c.unitPrice) {
    out.costRange = scaled(c.costRange, unit / c.unitPrice);
  }
  if (out.costRange) out.costRange = atLeastListHigh(c, out.costRange, c.costRange);
  if (listUnknown) delete out.unpricedReason;
  out.priceBookRule = {
    id: rule.id,
    reason: rule.reason,
    kind: rule.usdPerUnit !== undefined ? "rate" : "discount",
    ...(rule.discountPercent !== undefined ? { discountPercent: rule.discountPercent } : {}),
    ...(rule.usdPerUnit !== undefined ? { usdPerUnit: rule.usdPerUnit } : {}),
    ...(listUnknown ? { listUnknown: true } : {}),
  };
  return { component: out, rule, ...od };
}

/**
 * Capacity that may run other instance types (`highEndInstanceType` set): a rate rule or commitment matched the
 * type priced, not the others, so the high end `r` stays at least the `list` one (it may be set by a type the rule
 * does not cover), and unknown when that is (no list price, or a type without one). Other components: `r`.
 */
export function atLeastListHigh(c: ComponentEstimate, r: { low: number; high: number | null }, list: { high: number | null } | undefined): { low: number; high: number | null } {
  if (c.highEndInstanceType === undefined || r.high === null) return r;
  if (!list || list.high === null) return { low: r.low, high: null };
  return { low: r.low, high: Math.max(r.high, list.high) };
}

function scaled(r: { low: number; high: number | null }, factor: number): { low: number; high: number | null } {
  return { low: r.low * factor, high: r.high === null ? null : r.high * factor };
}
