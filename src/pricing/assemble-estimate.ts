import type { Plan } from "../plan/resource.js";
import type { CostComponentSpec } from "./cost-component.js";
import {
  ESTIMATE_SCHEMA_VERSION,
  HOURS_PER_MONTH,
  type ComponentEstimate,
  type Estimate,
  type EstimateTotals,
  type ResourceEstimate,
  type ResourceStatus,
} from "./estimate.js";
import { priceKeyId } from "./price-key.js";
import type { PriceQuote, PriceSourceInfo, SpotQuote } from "./price-quote.js";
import type { ResourceCostPlan } from "./plan-costs.js";

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
    const notes: string[] = [];
    let status: ResourceStatus;
    if (cp.kind === "unsupported") {
      status = "unsupported";
      notes.push(`costgate has no pricing for ${r.type}; it is not counted (and not assumed free)`);
    } else if (cp.kind === "free") {
      status = "free";
    } else {
      const unpriced = components.filter((c) => c.unpricedReason !== undefined);
      const usageOnly = components.filter((c) => c.monthlyCost === null && c.unpricedReason === undefined);
      for (const c of unpriced) notes.push(`${c.name}: ${c.unpricedReason}`);
      for (const c of usageOnly) notes.push(`${c.name}: usage-based; set \`${c.usageKey ?? "usage"}\` in a usage file to price it`);
      if (components.length === 0) status = r.action === "delete" ? "priced" : "free";
      else if (unpriced.length === components.length) status = "unpriced";
      else if (unpriced.length > 0) status = "partial";
      else if (usageOnly.length > 0 && usageOnly.length === components.length) status = "usage-based";
      else status = "priced";
    }
    const monthlyCost = sum(components.map((c) => c.monthlyCost ?? 0));
    const monthlyCostOnDemand = sum(components.map((c) => (c.purchaseOption === "spot" ? c.onDemandMonthlyCost ?? 0 : c.monthlyCost ?? 0)));
    const est: ResourceEstimate = {
      address: r.address,
      stack: r.stack,
      type: r.type,
      name: r.name,
      region: r.region,
      provider: r.provider,
      action: r.action,
      ...(r.constructPath ? { constructPath: r.constructPath } : {}),
      tags: r.tags,
      unknownTags: r.unknownTags,
      count: r.count,
      status,
      monthlyCost,
      monthlyCostOnDemand,
      components,
      facts: cp.facts,
      notes,
      attributes: r.attributes,
    };
    if (!byStack.has(r.stack)) byStack.set(r.stack, []);
    byStack.get(r.stack)!.push(est);
  }
  const stacks = [...byStack.entries()].map(([name, resources]) => ({
    name,
    monthlyCost: sum(resources.map((x) => x.monthlyCost)),
    monthlyCostOnDemand: sum(resources.map((x) => x.monthlyCostOnDemand)),
    resources,
  }));
  const all = stacks.flatMap((s) => s.resources);
  const count = (s: ResourceStatus) => all.filter((x) => x.status === s).length;
  const totals: EstimateTotals = {
    monthlyCost: sum(stacks.map((s) => s.monthlyCost)),
    monthlyCostOnDemand: sum(stacks.map((s) => s.monthlyCostOnDemand)),
    resources: all.length,
    priced: count("priced"),
    partial: count("partial"),
    unpriced: count("unpriced"),
    usageBased: count("usage-based"),
    free: count("free"),
    unsupported: count("unsupported"),
  };
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

function priceComponent(c: CostComponentSpec, prices: ResolvedPrices): ComponentEstimate {
  const base: ComponentEstimate = {
    name: c.name,
    unit: c.unit,
    monthlyQuantity: c.monthlyQuantity,
    ...(c.usageKey ? { usageKey: c.usageKey } : {}),
    purchaseOption: c.purchaseOption,
    priceKey: c.priceKey ? priceKeyId(c.priceKey) : null,
    unitPrice: null,
    monthlyCost: null,
  };
  if (c.unpricedReason !== undefined || !c.priceKey) {
    return { ...base, unpricedReason: c.unpricedReason ?? "no price key" };
  }
  const id = priceKeyId(c.priceKey);
  const q = prices.quotes.get(id) ?? { priced: false as const, reason: `price ${id} was not resolved` };
  if (!q.priced) return { ...base, unpricedReason: q.reason, ...(c.purchaseOption === "spot" ? { onDemandMonthlyCost: null } : {}) };
  if (c.purchaseOption === "spot") {
    const s = prices.spot.get(id) ?? { priced: false as const, reason: `spot price for ${id} was not resolved` };
    const onDemandMonthlyCost = c.monthlyQuantity === null ? null : q.usdPerUnit * c.monthlyQuantity;
    if (!s.priced) return { ...base, unpricedReason: s.reason, onDemandMonthlyCost };
    return {
      ...base,
      unitPrice: s.usdPerHour,
      monthlyCost: c.monthlyQuantity === null ? null : s.usdPerHour * c.monthlyQuantity,
      onDemandMonthlyCost,
      price: s.origin,
      ...(s.interruptionBand ? { interruptionBand: s.interruptionBand } : {}),
    };
  }
  return {
    ...base,
    unitPrice: q.usdPerUnit,
    monthlyCost: c.monthlyQuantity === null ? null : q.usdPerUnit * c.monthlyQuantity,
    price: q.origin,
  };
}

function sum(xs: number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}
