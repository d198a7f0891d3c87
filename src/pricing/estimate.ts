import type { ResourceAction } from "../plan/resource.js";
import type { PriceOrigin, PriceSourceInfo } from "./price-quote.js";
import type { PurchaseOption, QuantitySource, ResourceFacts } from "./cost-component.js";
import type { ResourceUnitEconomics, UnitEconomicsTotals } from "./unit-economics/unit-figures.js";
import type { ScenarioSummary } from "./unit-economics/scenario-summary.js";

/**
 * v2 (engine v2): every resource, stack and total carries `range` (low / expected / high, high null when
 * unbounded or unknown) and `rangeOnDemand`, `complete` (false: the figures are lower bounds), `regionKnown`;
 * components carry `quantitySource` and, for elastic capacity, `quantityRange` and `costRange`.
 */
export const ESTIMATE_SCHEMA_VERSION = "costgate.estimate/v2";

/**
 * A monthly cost in USD as a range. `expected` is what the plan and usage say; `low` and `high` are the ends that
 * elastic capacity allows (ASG min..max, …). `high` is null when unbounded or when part of the cost is unknown.
 */
export interface CostRange {
  low: number;
  expected: number;
  high: number | null;
}
export const HOURS_PER_MONTH = 730;

/** A priced (or explicitly unpriced) cost component. Amounts are full precision USD; round only to render. */
export interface ComponentEstimate {
  name: string;
  unit: string;
  /** Monthly quantity, or null when usage-based and no usage was given. */
  monthlyQuantity: number | null;
  /** Where the quantity came from (plan literal, default, usage file, assumption, unknown). */
  quantitySource: QuantitySource;
  /** Elastic capacity: the quantity's ends (high null = unbounded). Omitted when the quantity is exact. */
  quantityRange?: { low: number; high: number | null };
  /** Elastic capacity: the cost's ends at this component's price (high null = unbounded). */
  costRange?: { low: number; high: number | null };
  /** Spot capacity over several instance types: the cost's ends at on-demand prices (the on-demand basis). */
  onDemandCostRange?: { low: number; high: number | null };
  usageKey?: string;
  purchaseOption: PurchaseOption;
  /** The price key id looked up, or null. */
  priceKey: string | null;
  /** Unit price used, or null when unpriced / usage-based without quantity. */
  unitPrice: number | null;
  /** Monthly cost, or null when not computable (unpriced or usage-based without usage). */
  monthlyCost: number | null;
  /** For spot components: the monthly cost at on-demand price (the worst case if spot is unavailable). */
  onDemandMonthlyCost?: number | null;
  /** For spot components: the on-demand unit price the spot rate discounts. */
  onDemandUnitPrice?: number;
  /** Where the price came from, when priced. */
  price?: PriceOrigin;
  /** Why it has no cost: unpriced key, unknown count, unknown type. */
  unpricedReason?: string;
  /** Spot interruption band (Spot Advisor), when known. */
  interruptionBand?: string;
}

/** How completely a resource is priced. */
export type ResourceStatus =
  | "priced" // every component priced
  | "partial" // some components unpriced
  | "unpriced" // no component could be priced
  | "usage-based" // priced components need usage the user did not give
  | "free" // a known free resource type
  | "not-aws" // a resource of a provider that creates no AWS bill by itself (helm, kubernetes, random, …)
  | "unsupported"; // a type costgate has no catalog entry for

export interface ResourceEstimate {
  address: string;
  stack: string;
  type: string;
  name: string;
  region: string;
  /** False when no provider region was readable and the default (`--region`, else us-east-1) was assumed. */
  regionKnown: boolean;
  provider: string;
  action: ResourceAction;
  constructPath?: string;
  tags: Record<string, string>;
  unknownTags: string[];
  count: number | null;
  status: ResourceStatus;
  /** Sum of priced components (full precision). Unpriced components are not in it and are listed. */
  monthlyCost: number;
  /** Sum at on-demand prices (spot components at their on-demand price). */
  monthlyCostOnDemand: number;
  /** The cost as a range (`expected` = monthlyCost); `high` null when unbounded or not fully priced. */
  range: CostRange;
  /** The same at on-demand prices. */
  rangeOnDemand: CostRange;
  /** True when every component is priced with a known quantity; false: the figures are lower bounds (≥). */
  complete: boolean;
  components: ComponentEstimate[];
  facts: ResourceFacts;
  /** Why the resource is (partly) unpriced or unsupported. */
  notes: string[];
  /** Raw attributes, for policies that inspect configuration. Not rendered. */
  attributes: Record<string, unknown>;
  /**
   * Optional (added 2026-11-30, still estimate/v2): unit economics — cost per 1k requests / 1M tokens, per training
   * run, idle GPU cost, cheaper equivalents — for resources that serve or train a model or run GPUs. See
   * src/pricing/unit-economics/unit-figures.ts and the README's "Unit economics".
   */
  unitEconomics?: ResourceUnitEconomics;
}

export interface StackEstimate {
  name: string;
  monthlyCost: number;
  monthlyCostOnDemand: number;
  range: CostRange;
  rangeOnDemand: CostRange;
  /** Resources whose cost is not fully known (the stack's figures are then lower bounds). */
  notPriced: number;
  resources: ResourceEstimate[];
}

export interface EstimateTotals {
  monthlyCost: number;
  monthlyCostOnDemand: number;
  range: CostRange;
  rangeOnDemand: CostRange;
  /** Resources whose cost is not fully known: partial, unpriced, usage-based without usage, unsupported. */
  notPriced: number;
  resources: number;
  priced: number;
  partial: number;
  unpriced: number;
  usageBased: number;
  free: number;
  /** Resources of providers that create no AWS bill by themselves (counted, never priced). */
  notAws: number;
  unsupported: number;
}

export interface Estimate {
  schemaVersion: typeof ESTIMATE_SCHEMA_VERSION;
  currency: "USD";
  hoursPerMonth: number;
  input: string;
  format: "cdktf" | "terraform-plan";
  stacks: StackEstimate[];
  totals: EstimateTotals;
  priceSources: PriceSourceInfo[];
  warnings: string[];
  /** Optional: unit-economics totals (idle GPU cost, monthly training), when any resource has unit figures. */
  unitEconomics?: UnitEconomicsTotals;  /** Optional: when the usage file defines scenarios, each scenario's totals and unit figures (`expected` first). */
  scenarios?: ScenarioSummary[];
}

/** Every resource of an estimate in stack order. */
export function allResources(e: Estimate): ResourceEstimate[] {
  if (e.stacks.length === 1) return e.stacks[0]!.resources.slice();
  const out: ResourceEstimate[] = [];
  for (const s of e.stacks) for (const r of s.resources) out.push(r);
  return out;
}

/** Statuses whose cost is not fully known: the resource's figures are lower bounds. */
export function isIncompleteStatus(status: ResourceStatus): boolean {
  return status === "unpriced" || status === "partial" || status === "unsupported" || status === "usage-based";
}

/** Add `x` into the running range `into` (high stays null once any part is unbounded). Mutates and returns `into`. */
export function addRange(into: CostRange, x: CostRange): CostRange {
  into.low += x.low;
  into.expected += x.expected;
  into.high = into.high === null || x.high === null ? null : into.high + x.high;
  return into;
}

/** A zero range to sum into. */
export function zeroRange(): CostRange {
  return { low: 0, expected: 0, high: 0 };
}
