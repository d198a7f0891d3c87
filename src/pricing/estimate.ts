import type { ResourceAction } from "../plan/resource.js";
import type { PriceOrigin, PriceSourceInfo } from "./price-quote.js";
import type { PurchaseOption, ResourceFacts } from "./cost-component.js";

export const ESTIMATE_SCHEMA_VERSION = "costgate.estimate/v1";
export const HOURS_PER_MONTH = 730;

/** A priced (or explicitly unpriced) cost component. Amounts are full precision USD; round only to render. */
export interface ComponentEstimate {
  name: string;
  unit: string;
  /** Monthly quantity, or null when usage-based and no usage was given. */
  monthlyQuantity: number | null;
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
  | "unsupported"; // a type costgate has no catalog entry for

export interface ResourceEstimate {
  address: string;
  stack: string;
  type: string;
  name: string;
  region: string;
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
  components: ComponentEstimate[];
  facts: ResourceFacts;
  /** Why the resource is (partly) unpriced or unsupported. */
  notes: string[];
  /** Raw attributes, for policies that inspect configuration. Not rendered. */
  attributes: Record<string, unknown>;
}

export interface StackEstimate {
  name: string;
  monthlyCost: number;
  monthlyCostOnDemand: number;
  resources: ResourceEstimate[];
}

export interface EstimateTotals {
  monthlyCost: number;
  monthlyCostOnDemand: number;
  resources: number;
  priced: number;
  partial: number;
  unpriced: number;
  usageBased: number;
  free: number;
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
}

/** Every resource of an estimate in stack order. */
export function allResources(e: Estimate): ResourceEstimate[] {
  if (e.stacks.length === 1) return e.stacks[0]!.resources.slice();
  const out: ResourceEstimate[] = [];
  for (const s of e.stacks) for (const r of s.resources) out.push(r);
  return out;
}
