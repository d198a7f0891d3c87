import { leavesHead, type Plan } from "../plan/resource.js";
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
    let monthlyCost = 0;
    let monthlyCostOnDemand = 0;
    if (cp.kind === "unsupported") {
      status = "unsupported";
      notes.push(`costgate has no pricing for ${r.type}; it is not counted (and not assumed free)`);
    } else if (cp.kind === "free") {
      status = "free";
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
        monthlyCost += c.monthlyCost ?? 0;
        monthlyCostOnDemand += c.purchaseOption === "spot" ? c.onDemandMonthlyCost ?? 0 : c.monthlyCost ?? 0;
      }
      if (components.length === 0) status = leavesHead(r.action) ? "priced" : "free";
      else if (unpriced === components.length) status = "unpriced";
      else if (unpriced > 0) status = "partial";
      else if (usageOnly > 0 && usageOnly === components.length) status = "usage-based";
      else status = "priced";
    }
    const est: ResourceEstimate = {
      address: r.address,
      stack: r.stack,
      type: r.type,
      name: r.name,
      region: r.region,
      provider: r.provider,
      action: r.action,
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
    if (r.constructPath) est.constructPath = r.constructPath;
    if (!byStack.has(r.stack)) byStack.set(r.stack, []);
    byStack.get(r.stack)!.push(est);
  }
  const stacks = [...byStack.entries()].map(([name, resources]) => {
    let monthlyCost = 0;
    let monthlyCostOnDemand = 0;
    for (const x of resources) {
      monthlyCost += x.monthlyCost;
      monthlyCostOnDemand += x.monthlyCostOnDemand;
    }
    return { name, monthlyCost, monthlyCostOnDemand, resources };
  });
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

/** Totals over resources: cost sums and a count per pricing status. */
export function estimateTotals(resources: readonly ResourceEstimate[]): EstimateTotals {
  const totals: EstimateTotals = { monthlyCost: 0, monthlyCostOnDemand: 0, resources: resources.length, priced: 0, partial: 0, unpriced: 0, usageBased: 0, free: 0, unsupported: 0 };
  // One pass (this runs over every resource of base and head).
  for (const r of resources) {
    totals.monthlyCost += r.monthlyCost;
    totals.monthlyCostOnDemand += r.monthlyCostOnDemand;
    totals[STATUS_COUNT[r.status]]++;
  }
  return totals;
}

const STATUS_COUNT = {
  priced: "priced",
  partial: "partial",
  unpriced: "unpriced",
  "usage-based": "usageBased",
  free: "free",
  unsupported: "unsupported",
} as const satisfies Record<ResourceStatus, keyof EstimateTotals>;

function priceComponent(c: CostComponentSpec, prices: ResolvedPrices): ComponentEstimate {
  // Built field by field (no spreads): this runs for every component of every resource.
  const out: ComponentEstimate = {
    name: c.name,
    unit: c.unit,
    monthlyQuantity: c.monthlyQuantity,
    purchaseOption: c.purchaseOption,
    priceKey: c.priceKey ? priceKeyId(c.priceKey) : null,
    unitPrice: null,
    monthlyCost: null,
  };
  if (c.usageKey) out.usageKey = c.usageKey;
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
    const s = prices.spot.get(id);
    if (!s || !s.priced) {
      out.unpricedReason = s ? s.reason : `spot price for ${id} was not resolved`;
      return out;
    }
    out.unitPrice = s.usdPerHour;
    out.monthlyCost = qty === null ? null : s.usdPerHour * qty;
    out.price = s.origin;
    if (s.interruptionBand) out.interruptionBand = s.interruptionBand;
    return out;
  }
  out.unitPrice = q.usdPerUnit;
  out.monthlyCost = qty === null ? null : q.usdPerUnit * qty;
  out.price = q.origin;
  return out;
}
