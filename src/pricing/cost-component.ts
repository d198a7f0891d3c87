import type { PriceKey } from "./price-key.js";

/** How a component is bought. Spot components are priced at the spot rate, with on-demand as worst case. */
export type PurchaseOption = "on-demand" | "spot" | "usage";

/**
 * One cost component of a resource as the catalog declares it, before any price is known.
 * Monthly cost = unit price × monthlyQuantity.
 */
export interface CostComponentSpec {
  /** Human name, e.g. `Instance usage (p5.48xlarge, spot)`. */
  name: string;
  /** Unit of the quantity: `hours`, `GB-months`, `IOPS-months`, `MiBps-months`, `GB`, `1k requests`. */
  unit: string;
  /**
   * Monthly quantity. `null` means usage-based with no usage given: the component is listed as usage-based
   * and costs nothing in the total, with a note saying which usage key to set.
   */
  monthlyQuantity: number | null;
  /** The usage-file key that sets or overrides this quantity (e.g. `monthly_hrs`, `storage_gb`). */
  usageKey?: string;
  /** Price to look up; null when the component cannot be priced (with `unpricedReason`). */
  priceKey: PriceKey | null;
  purchaseOption: PurchaseOption;
  /** Why this component cannot be priced (unknown count, unresolved instance type, ...). */
  unpricedReason?: string;
  /**
   * Where the quantity came from. Default: `usage` when `usageKey` is set in the usage file, `unknown` when the
   * quantity is null, else `plan`.
   */
  quantitySource?: QuantitySource;
  /**
   * The quantity's range when capacity is elastic (ASG min..max, node group scaling_config, endpoint autoscaling,
   * Batch min..max vCPUs): `low` and `high` in the same unit as `monthlyQuantity`; `high` null = unbounded.
   * Omitted: the quantity is exact (low = expected = high).
   */
  quantityRange?: { low: number; high: number | null };
  /**
   * Capacity that may run any of several instance types (a Karpenter NodePool): one choice per allowed type, each
   * with its own price and quantities (the pool's limits bound each type differently). The component's expected
   * cost is its cheapest choice at `expected` (Karpenter launches the lowest-priced type that fits for
   * on-demand), its high end the most expensive choice at `high` (null: that type is not bounded). `priceKey` is
   * then null and `monthlyQuantity` the expected quantity of the cheapest choice is filled in when priced.
   */
  choices?: CapacityChoice[];
  /**
   * Elastic capacity that may also run these instance types (a managed node group's `instance_types` after the
   * first). The expected cost stays at `priceKey` (the type listed first, which EKS launches first for On-Demand);
   * the high end is `quantityRange.high` × the costliest rate of all the types, and unknown (null) when any of them
   * has no price or no literal type (`priceKey` null). Without it a group of [g5.xlarge, p4d.24xlarge] had its
   * ceiling priced as g5.xlarge only, and a cap on it passed.
   */
  otherInstanceTypes?: {
    instanceType: string;
    priceKey: PriceKey | null;
    /** This type's quantity at the high end when it differs (a weighted override); default `quantityRange.high`. null = unknown. */
    high?: number | null;
  }[];
}

/** One instance type a capacity component may run, with its quantities in the component's unit. */
export interface CapacityChoice {
  instanceType: string;
  priceKey: PriceKey;
  /** Quantity at expected usage (null: usage not given). */
  expected: number | null;
  /** Most the limits allow of this type (null: unbounded). */
  high: number | null;
}

/**
 * Where a quantity came from: a literal in the plan, the provider's or AWS's documented default, the usage file,
 * an assumption costgate states (e.g. the AMI's root volume), or unknown (an expression or a missing value).
 */
export type QuantitySource = "plan" | "default" | "usage" | "assumption" | "unknown";

export type { ResourceFacts } from "./resource-facts.js";
