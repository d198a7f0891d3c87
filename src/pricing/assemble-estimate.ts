import { leavesHead, type Plan, type ResourceAction } from "../plan/resource.js";
import type { CostComponentSpec } from "./cost-component.js";
import {
  addRange,
  ESTIMATE_SCHEMA_VERSION,
  HOURS_PER_MONTH,
  isIncompleteStatus,
  zeroRange,
  type ComponentEstimate,
  type CostRange,
  type Estimate,
  type EstimateTotals,
  type ResourceEstimate,
  type ResourceStatus,
  type StackEstimate,
} from "./estimate.js";
import { priceKeyId } from "./price-key.js";
import type { PriceQuote, PriceSourceInfo, SpotQuote } from "./price-quote.js";
import type { ResourceCostPlan } from "./plan-costs.js";
import { priceChoices } from "./price-choices.js";

/** All prices an estimate needs, already resolved (by id), so assembling is pure and synchronous. */
export interface ResolvedPrices {
  quotes: ReadonlyMap<string, PriceQuote>;
  /** Spot quotes by on-demand price key id. */
  spot: ReadonlyMap<string, SpotQuote>;
  sources: PriceSourceInfo[];
  warnings: string[];
}

/** Pure: combine cost plans and resolved prices into an Estimate. Full precision; nothing unpriced is $0. */
export function assembleEstimate(plan: Plan, costPlans: ResourceCostPlan[], prices: ResolvedPrices): Estimate {
  const byStack = new Map<string, ResourceEstimate[]>(plan.stacks.map((s) => [s, []]));
  for (const cp of costPlans) {
    const r = cp.resource;
    const components = cp.components.map((c) => priceComponent(c, prices));
    const { status, range, rangeOnDemand, complete, notes } = resourceFigures(cp.kind, components, r.type, r.action);
    const est: ResourceEstimate = {
      address: r.address,
      stack: r.stack,
      type: r.type,
      name: r.name,
      region: r.region,
      regionKnown: !r.regionDefaulted,
      provider: r.provider,
      action: r.action,
      tags: cp.facts.billedTags ?? r.tags,
      unknownTags: r.unknownTags,
      count: r.count,
      status,
      monthlyCost: range.expected,
      monthlyCostOnDemand: rangeOnDemand.expected,
      range,
      rangeOnDemand,
      complete,
      components,
      facts: cp.facts,
      notes,
      attributes: r.attributes,
    };
    if (r.constructPath) est.constructPath = r.constructPath;
    if (!byStack.has(r.stack)) byStack.set(r.stack, []);
    byStack.get(r.stack)!.push(est);
  }
  const stacks = [...byStack.entries()].map(([name, resources]) => stackEstimate(name, resources));
  const totals = estimateTotals(stacks.length === 1 ? stacks[0]!.resources : stacks.flatMap((s) => s.resources));
  return {
    schemaVersion: ESTIMATE_SCHEMA_VERSION,
    currency: "USD",
    hoursPerMonth: HOURS_PER_MONTH,
    input: plan.input,
    format: plan.format,
    stacks,
    totals,
    priceSources: prices.sources,
    warnings: [...plan.warnings, ...prices.warnings],
  };
}

/**
 * A resource's status, ranges and notes from its priced components (`kind` is its cost plan's kind). Also used
 * to re-sum a resource after a price book changed its components' prices.
 */
export function resourceFigures(
  kind: ResourceCostPlan["kind"],
  components: readonly ComponentEstimate[],
  type: string,
  action: ResourceAction,
): { status: ResourceStatus; range: CostRange; rangeOnDemand: CostRange; complete: boolean; notes: string[] } {
  const notes: string[] = [];
  let status: ResourceStatus;
  const range = zeroRange();
  const rangeOnDemand = zeroRange();
  if (kind === "unsupported") {
    status = "unsupported";
    notes.push(`costgate has no pricing for ${type}; it is not counted (and not assumed free)`);
  } else if (kind === "free") {
    status = "free";
  } else if (kind === "not-aws") {
    status = "not-aws";
  } else {
    let unpriced = 0;
    let usageOnly = 0;
    for (const c of components) {
      if (c.unpricedReason !== undefined) {
        unpriced++;
        notes.push(`${c.name}: ${c.unpricedReason}`);
      } else if (c.monthlyCost === null) {
        usageOnly++;
        notes.push(`${c.name}: usage-based; set \`${c.usageKey ?? "usage"}\` in a usage file to price it`);
      }
      addComponent(range, rangeOnDemand, c);
    }
    if (components.length === 0) status = leavesHead(action) ? "priced" : "free";
    else if (unpriced === components.length) status = "unpriced";
    else if (unpriced > 0) status = "partial";
    else if (usageOnly > 0 && usageOnly === components.length) status = "usage-based";
    else status = "priced";
  }
  // Complete only when every component has a cost: a usage-based part without usage is an unknown amount too.
  const complete = !isIncompleteStatus(status) && components.every((c) => c.monthlyCost !== null);
  if (!complete) {
    range.high = null;
    rangeOnDemand.high = null;
  }
  return { status, range, rangeOnDemand, complete, notes };
}

/**
 * Add one component to a resource's ranges. Priced: its cost (and, for elastic capacity, its ends). Unpriced or
 * usage-based without usage: nothing to the low and expected figures, and the high end becomes unknown (null).
 */
function addComponent(range: CostRange, onDemand: CostRange, c: ComponentEstimate): void {
  if (c.monthlyCost === null) {
    range.high = null;
    onDemand.high = null;
    return;
  }
  const low = c.costRange?.low ?? c.monthlyCost;
  const high = c.costRange ? c.costRange.high : c.monthlyCost;
  addRange(range, { low, expected: c.monthlyCost, high });
  if (c.purchaseOption !== "spot") {
    addRange(onDemand, { low, expected: c.monthlyCost, high });
    return;
  }
  const odPrice = c.onDemandUnitPrice;
  const q = c.monthlyQuantity;
  if (c.onDemandCostRange && c.onDemandMonthlyCost != null) {
    addRange(onDemand, { low: c.onDemandCostRange.low, expected: c.onDemandMonthlyCost, high: c.onDemandCostRange.high });
    return;
  }
  if (odPrice === undefined || q === null) {
    onDemand.high = null;
    return;
  }
  const qr = c.quantityRange;
  addRange(onDemand, { low: odPrice * (qr?.low ?? q), expected: odPrice * q, high: qr ? (qr.high === null ? null : odPrice * qr.high) : odPrice * q });
}

/** A stack's estimate: its resources and their totals. */
export function stackEstimate(name: string, resources: ResourceEstimate[]): StackEstimate {
  const t = estimateTotals(resources);
  return { name, monthlyCost: t.monthlyCost, monthlyCostOnDemand: t.monthlyCostOnDemand, range: t.range, rangeOnDemand: t.rangeOnDemand, notPriced: t.notPriced, resources };
}

/** Totals over resources: cost sums and a count per pricing status. */
export function estimateTotals(resources: readonly ResourceEstimate[]): EstimateTotals {
  const totals: EstimateTotals = {
    monthlyCost: 0,
    monthlyCostOnDemand: 0,
    range: zeroRange(),
    rangeOnDemand: zeroRange(),
    notPriced: 0,
    resources: resources.length,
    priced: 0,
    partial: 0,
    unpriced: 0,
    usageBased: 0,
    free: 0,
    notAws: 0,
    unsupported: 0,
  };
  // One pass (this runs over every resource of base and head).
  for (const r of resources) {
    addRange(totals.range, r.range);
    addRange(totals.rangeOnDemand, r.rangeOnDemand);
    if (!r.complete) totals.notPriced++;
    totals[STATUS_COUNT[r.status]]++;
  }
  totals.monthlyCost = totals.range.expected;
  totals.monthlyCostOnDemand = totals.rangeOnDemand.expected;
  return totals;
}

const STATUS_COUNT: Record<ResourceStatus, "priced" | "partial" | "unpriced" | "usageBased" | "free" | "notAws" | "unsupported"> = {
  priced: "priced",
  partial: "partial",
  unpriced: "unpriced",
  "usage-based": "usageBased",
  free: "free",
  "not-aws": "notAws",
  unsupported: "unsupported",
};

function priceComponent(c: CostComponentSpec, prices: ResolvedPrices): ComponentEstimate {
  // Built field by field (no spreads): this runs for every component of every resource.
  const out: ComponentEstimate = {
    name: c.name,
    unit: c.unit,
    monthlyQuantity: c.monthlyQuantity,
    quantitySource: c.quantitySource ?? (c.monthlyQuantity === null ? "unknown" : "plan"),
    purchaseOption: c.purchaseOption,
    priceKey: c.priceKey ? priceKeyId(c.priceKey) : null,
    unitPrice: null,
    monthlyCost: null,
  };
  if (c.quantityRange) out.quantityRange = c.quantityRange;
  if (c.usageKey) out.usageKey = c.usageKey;
  // Capacity that may run other types: marked even when its own type has no price, so a price book that prices
  // that type (a fixed rate) cannot bound the high end by it alone. highEndOverTypes names the costliest.
  if (c.otherInstanceTypes && c.priceKey?.instanceType !== undefined) out.highEndInstanceType = c.priceKey.instanceType;
  if (c.choices && c.unpricedReason === undefined) return priceChoices(c, out, prices);
  if (c.unpricedReason !== undefined || !c.priceKey) {
    out.unpricedReason = c.unpricedReason ?? "no price key";
    return out;
  }
  const id = out.priceKey!;
  const q = prices.quotes.get(id);
  if (!q || !q.priced) {
    out.unpricedReason = q ? q.reason : `price ${id} was not resolved`;
    if (c.purchaseOption === "spot") out.onDemandMonthlyCost = null;
    return out;
  }
  const qty = c.monthlyQuantity;
  if (c.purchaseOption === "spot") {
    out.onDemandMonthlyCost = qty === null ? null : q.usdPerUnit * qty;
    out.onDemandUnitPrice = q.usdPerUnit;
    const s = prices.spot.get(id);
    if (!s || !s.priced) {
      out.unpricedReason = s ? s.reason : `spot price for ${id} was not resolved`;
      return out;
    }
    out.unitPrice = s.usdPerHour;
    out.monthlyCost = qty === null ? null : s.usdPerHour * qty;
    if (c.quantityRange && qty !== null) out.costRange = rangeAt(s.usdPerHour, c.quantityRange);
    out.price = s.origin;
    if (s.interruptionBand) out.interruptionBand = s.interruptionBand;
    if (c.otherInstanceTypes && c.quantityRange && qty !== null) highEndOverTypes(c, out, prices);
    return out;
  }
  out.unitPrice = q.usdPerUnit;
  out.monthlyCost = qty === null ? null : q.usdPerUnit * qty;
  if (c.quantityRange && qty !== null) out.costRange = rangeAt(q.usdPerUnit, c.quantityRange);
  out.price = q.origin;
  if (c.otherInstanceTypes && c.quantityRange && qty !== null) highEndOverTypes(c, out, prices);
  return out;
}

/**
 * Capacity that may run other instance types too (`otherInstanceTypes`): the high end of `costRange` (and for
 * spot, of `onDemandCostRange`) is the most any one type costs at its quantity at the high end, null when one of
 * them has no price or no known quantity. Sets `highEndInstanceType`. `out` is the component priced at its own
 * (first) type, with `costRange` set.
 */
function highEndOverTypes(c: CostComponentSpec, out: ComponentEstimate, prices: ResolvedPrices): void {
  const spot = c.purchaseOption === "spot";
  const qHigh = c.quantityRange!.high;
  const times = (rate: number | null, q: number | null) => (rate === null || q === null ? null : rate * q);
  let high = times(out.unitPrice, qHigh);
  let odHigh = spot ? times(out.onDemandUnitPrice ?? null, qHigh) : null;
  let type: string = c.priceKey!.instanceType!;
  for (const t of c.otherInstanceTypes!) {
    const id = t.priceKey ? priceKeyId(t.priceKey) : undefined;
    const q = id ? prices.quotes.get(id) : undefined;
    const s = id && spot ? prices.spot.get(id) : undefined;
    const tq = t.high === undefined ? qHigh : t.high;
    const od = q && q.priced ? q.usdPerUnit : null;
    const cost = times(spot ? (s && s.priced ? s.usdPerHour : null) : od, tq);
    if (high !== null && (cost === null || cost > high)) type = t.instanceType;
    high = high === null || cost === null ? null : Math.max(high, cost);
    if (spot) {
      const odCost = times(od, tq);
      odHigh = odHigh === null || odCost === null ? null : Math.max(odHigh, odCost);
    }
  }
  out.costRange = { low: out.costRange!.low, high };
  out.highEndInstanceType = type;
  if (spot) out.onDemandCostRange = { low: out.onDemandUnitPrice === undefined ? 0 : out.onDemandUnitPrice * c.quantityRange!.low, high: odHigh };
}

function rangeAt(unitPrice: number, q: { low: number; high: number | null }): { low: number; high: number | null } {
  return { low: unitPrice * q.low, high: q.high === null ? null : unitPrice * q.high };
}
