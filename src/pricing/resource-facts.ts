/**
 * The policy contract: facts about a resource that policies read, derived by the catalog from attributes (and,
 * for types costgate cannot price, from the instance types a resource exposes). Unknown is `null`, never 0.
 */
export interface ResourceFacts {
  /** Instance types the resource runs (EC2 or SageMaker `ml.*`). */
  instanceTypes: string[];
  /** Number of instances running steadily (desired/min capacity, instance count); null when unknown. */
  instanceCount: number | null;
  /** GPUs (or accelerators) per instance for the primary instance type, when known. */
  gpusPerInstance: number | null;
  /**
   * GPUs of the whole resource when it runs several instance groups (EMR master/core/task groups, spot fleet
   * launch specifications): the sum over groups, null when any group's type or count is unknown. When absent,
   * GPUs = gpusPerInstance × instanceCount.
   */
  gpuCount?: number | null;
  /**
   * Most GPUs the resource can run when that is not GPUs per instance × maxCapacity (a Karpenter NodePool whose
   * limits bound each allowed type differently); null = unbounded or unknown.
   */
  maxGpuCount?: number | null;
  /**
   * The tags AWS puts on what the resource launches, when they are not the resource's own (a Karpenter NodePool's
   * instances carry its EC2NodeClass's `spec.tags`). The estimate's tags are these, so tag rules judge the bill.
   */
  billedTags?: Record<string, string>;
  /** A Karpenter NodePool's settings that policies judge (limits, consolidation, capacity types). */
  nodePool?: NodePoolFacts;
  /**
   * AWS Batch instance families (`instance_type: p5`, listed in `instanceTypes` as `instanceFamilyEntry`): the
   * sizes each may launch, the family's EC2 types in the embedded snapshot. A family without sizes is unknown.
   */
  instanceFamilySizes?: Record<string, string[]>;
  /** Most instances elastic capacity allows (ASG max_size, node group max_size, endpoint max capacity); null = unbounded or unknown. */
  maxCapacity?: number | null;
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

/** What node-pool rules read of a Karpenter NodePool. */
export interface NodePoolFacts {
  name: string;
  /** Whether any allowed type has GPUs (or the set is unresolved and could). */
  mayRunGpus: boolean;
  /** `spec.limits` as given: which resources are limited (a limit that is an expression is listed as unresolved). */
  limits: { cpu: boolean; memory: boolean; gpus: boolean; neuron: boolean; unresolved: string[] };
  /** `spec.disruption.consolidationPolicy`, when set. */
  consolidationPolicy?: string;
  /** `spec.disruption.consolidateAfter` in seconds; null = Never; undefined = not set. */
  consolidateAfterSeconds?: number | null;
  /** Allowed `karpenter.sh/capacity-type` values (Karpenter's default: on-demand). */
  capacityTypes: string[];
}
