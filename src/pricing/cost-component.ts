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
}

/** Facts about a resource that policies need, derived by the catalog from attributes. */
export interface ResourceFacts {
  /** Instance types the resource runs (EC2 or SageMaker `ml.*`). */
  instanceTypes: string[];
  /** Number of instances running steadily (desired/min capacity, instance count); null when unknown. */
  instanceCount: number | null;
  /** GPUs (or accelerators) per instance for the primary instance type, when known. */
  gpusPerInstance: number | null;
  /** Purchase option of the compute, when the resource has compute. */
  purchaseOption?: "on-demand" | "spot" | "mixed";
  /** Workload classification from tags (`workload`) or resource shape. */
  workload?: "training" | "inference";
  /** Checkpoint location (S3 URI) if the resource declares one. */
  checkpointLocation?: string;
  /** Minimum capacity (ASG min_size, node group min, Batch min vCPUs, endpoint min). */
  minCapacity?: number | null;
  /** Whether the resource can scale to zero (serverless, min capacity 0) (inference). */
  scalesToZero?: boolean;
  /** Whether a scheduled action lowers its capacity (e.g. nights and weekends in non-production). */
  scaleDownScheduled?: boolean;
  /** Whether spot interruptions are retried (Batch retry strategy, managed spot training). */
  retriesOnInterruption?: boolean;
  /** Max runtime and max wait in seconds (training). */
  maxRuntimeSeconds?: number | null;
  maxWaitSeconds?: number | null;
}
