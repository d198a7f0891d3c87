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
  /**
   * Optional (added 2026-11-30, still estimate/v2): capacity that may run several instance types (a node group's
   * `instance_types`) — the type whose rate sets the high end of `costRange` (the costliest; the one priced when
   * all cost the same). A price book then never lowers that high end below its list figure (its rules match the
   * type priced, not the others).
   */
  highEndInstanceType?: string;
  /**
   * Optional (price book given; still estimate/v2): the list figures before the price book. `unitPrice` and
   * `monthlyCost` above are then effective: negotiated rates (`priceBookRule`) and commitments (`commitments`).
   * `unitPrice` null: the list price is unknown (a fixed rate priced the component).
   */
  list?: {
    unitPrice: number | null;
    monthlyCost: number | null;
    costRange?: { low: number; high: number | null };
    /** Spot capacity: the monthly cost at the on-demand list price. */
    onDemandMonthlyCost?: number | null;
  };
  /** Optional: the price-book rate rule that set `unitPrice` (the contracted rate, before commitments). */
  priceBookRule?: PriceBookRuleApplied;
  /** Optional: the commitments (reservations, Savings Plans) covering part of the quantity, in allocation order. */
  commitments?: CommitmentCoverage[];
}

/** The price-book rate rule applied to a component. */
export interface PriceBookRuleApplied {
  id: string;
  reason: string;
  /** `discount`: `discountPercent` off list; `rate`: a fixed `usdPerUnit`. */
  kind: "discount" | "rate";
  discountPercent?: number;
  usdPerUnit?: number;
  /** True when a fixed rate priced a component whose list price is unknown. */
  listUnknown?: boolean;
}

/** Quantity at the low / expected / high ends (high null: unbounded). */
export interface QuantityRange {
  low: number;
  expected: number;
  high: number | null;
}

/** How much of a component's quantity one commitment covers, and at what rate (USD per unit). */
export interface CommitmentCoverage {
  id: string;
  kind: "reservation" | "savings-plan";
  usdPerUnit: number;
  /** Covered quantity (instance-hours a month) at the component's low / expected / high quantity. */
  covered: QuantityRange;
}

/** One commitment's month: what it costs, what covered usage used, and the unused part (real spend). */
export interface CommitmentSummary {
  id: string;
  kind: "reservation" | "savings-plan";
  reason: string;
  /** The commitment's monthly cost (instances × rate × 730, or $/hour × 730). */
  monthlyCommitment: number;
  /** Value of covered usage at the commitment's rates, at low / expected / high usage (high null: unbounded). */
  used: { atLow: number; expected: number; atHigh: number };
  /** The unused part at low / expected / high usage (it falls as usage rises; counted in the totals). */
  unused: { atLow: number; expected: number; atHigh: number };
  /** Resources it covers (`stack/address`), in allocation order. */
  covers: string[];
}

/** A price-book rule that no longer (or not yet) applies on the estimate's date. */
export interface PriceBookRuleOutOfDate {
  id: string;
  reason: string;
  status: "expired" | "not-yet";
  /** `until` for expired rules, `from` for rules not yet valid. */
  date: string;
  /** Components it would match (they are priced by the next rule that applies, else at list). */
  matches: number;
}

/** Optional (price book given): what the price book did. */
export interface PriceBookSummary {
  /** The price book's name in reports (`path@<sha>` when read from a base commit). */
  label: string;
  name: string;
  /** The date validity was judged on (YYYY-MM-DD). */
  today: string;
  /** Rate rules applied, with the number of components each priced. */
  rulesApplied: { id: string; reason: string; components: number }[];
  commitments: CommitmentSummary[];
  outOfDate: PriceBookRuleOutOfDate[];
  /** Rate rules valid on `today` that matched no price of the estimate (a typo in `match` or `unit` shows here). */
  unmatched?: string[];
}

/** List figures of a resource, stack or the totals (price book given): the same fields at list prices. */
export interface ListFigures {
  monthlyCost: number;
  monthlyCostOnDemand: number;
  range: CostRange;
  rangeOnDemand: CostRange;
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
  /** Optional (price book given): the figures at list prices; `monthlyCost` and `range` above are effective. */
  list?: ListFigures;
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
  /** Optional (price book given): the stack's figures at list prices. */
  list?: ListFigures;
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
  /**
   * Optional (price book given): the totals at list prices. The effective totals above also count the unused
   * part of commitments (`Estimate.priceBook.commitments`), which no resource carries.
   */
  list?: ListFigures;
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
  unitEconomics?: UnitEconomicsTotals;
  /** Optional: when the usage file defines scenarios, each scenario's totals and unit figures (`expected` first). */
  scenarios?: ScenarioSummary[];
  /** Optional: the price book applied (rules, commitments with their unused part, rules out of date). */
  priceBook?: PriceBookSummary;
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
