import type { Enforcement, Severity } from "./verdict.js";

/**
 * The shape of a policy file, as `policies/schema.json` defines it. Values reach these types only after the
 * schema and the semantic pass (load-policy.ts) accepted them.
 */
export const POLICY_API_VERSION = "costgate.policy/v1";

export type PolicyLayer = "central" | "project";

export interface PolicyDocument {
  apiVersion: typeof POLICY_API_VERSION;
  metadata: { name: string; layer?: PolicyLayer; owner?: string; description?: string };
  settings?: PolicySettings;
  /** PR-label overrides, read by the GitHub Action (src/action/override-settings.ts); central policies only. */
  overrides?: { label: string; minPermission?: "write" | "maintain" | "admin" };
  rules?: PolicyRule[];
  exemptions?: PolicyExemption[];
}

export interface PolicySettings {
  environmentTag?: string;
  unresolvedEnvironment?: string;
  exemptionWarnDays?: number;
}

/** A level, or a level per environment with a default. */
export type EnforcementSpec = Enforcement | ({ default: Enforcement } & Record<string, Enforcement>);

export type OnUnknown = "fail" | "advisory" | "ignore";

export interface PolicyRule {
  id: string;
  description: string;
  severity: Severity;
  enforcement: EnforcementSpec;
  enforceFrom?: string;
  exemptible?: boolean;
  onUnknown?: OnUnknown;
  scope?: RuleScope;
  /** The usage scenario the rule judges: `expected` (default), a scenario name of the usage file, or `all`. */
  scenario?: string;
  check: Check;
}

export type Workload = "training" | "inference";

export interface RuleScope {
  resourceTypes?: string[];
  stacks?: string[];
  addresses?: string[];
  environments?: string[];
  workloads?: Workload[];
  regions?: string[];
  actions?: ("create" | "update" | "replace" | "no-op")[];
  tags?: Record<string, string | string[]>;
}

/** `total`, `stack` or `tag:<key>`. */
export type GroupBy = string;
export type CostBasis = "estimated" | "on-demand";
/** Which prices a budget or cost delta judges: AWS list prices, or effective prices after the price book (default). */
export type PriceBasis = "list" | "effective";

export interface TagRequirement {
  values?: string[];
  pattern?: string;
  caseSensitive?: boolean;
}

export interface RequiredTagsCheck {
  kind: "required-tags";
  keys: Record<string, TagRequirement | null>;
  includeFree?: boolean;
}
export interface BudgetCheck {
  kind: "budget";
  groupBy?: GroupBy;
  limit: number;
  limits?: Record<string, number>;
  costBasis?: CostBasis;
  basis?: PriceBasis;
  whenAlreadyOver?: "increase-only" | "always";
  /**
   * Whether not-fully-priced resources that run no compute (storage, networking, types costgate cannot price
   * that expose no instance type) fail the rule like unknown compute (`true`), or only warn with the priced lower
   * bound (default `false`). Unknown compute always counts (fail closed).
   */
  strict?: boolean;
}
export interface CostDeltaCheck {
  kind: "cost-delta";
  groupBy?: GroupBy;
  maxIncrease: { absolute?: number; percent?: number };
  combine?: "any" | "all";
  costBasis?: CostBasis;
  basis?: PriceBasis;
}
export interface ResourceCostCheck {
  kind: "resource-cost";
  maxHourly?: number;
  maxMonthly?: number;
  costBasis?: CostBasis;
}
export interface GpuCountCheck {
  kind: "gpu-count";
  maxPerResource?: number;
  maxTotal?: number;
  groupBy?: GroupBy;
}
export interface InstanceTypesCheck {
  kind: "instance-types";
  allow?: string[];
  deny?: string[];
}
export interface RegionsCheck {
  kind: "regions";
  allow?: string[];
  deny?: string[];
}
export interface PurchaseOptionCheck {
  kind: "purchase-option";
  require: "spot" | "on-demand";
  allowMixed?: boolean;
}
export interface NodePoolCheck {
  kind: "node-pool";
  /** Judge only pools that may launch GPUs or accelerators (default true). */
  gpuOnly?: boolean;
  /** Limits every pool must set: `gpu` (nvidia.com/gpu or aws.amazon.com/neuron), `cpu`, `memory`. */
  requireLimits?: ("gpu" | "cpu" | "memory")[];
  /** Idle nodes are consolidated: a consolidation policy is set and `consolidateAfter` is at most this (e.g. 1h). */
  consolidation?: { maxConsolidateAfter: string };
  /** Spot is among the pool's capacity types. */
  requireSpot?: boolean;
}
export interface CheckpointingCheck {
  kind: "checkpointing";
  when?: "spot" | "always";
  locationPattern?: string;
}
export interface TrainingLimitsCheck {
  kind: "training-limits";
  maxRuntime?: string;
  maxWait?: string;
}
export interface InferenceScalingCheck {
  kind: "inference-scaling";
  maxMinCapacity?: number;
  require?: "scale-to-zero" | "scale-down";
}
export interface PricingCoverageCheck {
  kind: "pricing-coverage";
  gpuOnly?: boolean;
  allowUsageBased?: boolean;
}

/** Unit economics (issue 17): inference cost per unit per endpoint, USD. */
export interface UnitCostCheck {
  kind: "unit-cost";
  maxPer1kRequests?: number;
  maxPer1MInputTokens?: number;
  maxPer1MOutputTokens?: number;
}
/** Unit economics: cost of one training run, USD. */
export interface TrainingRunCostCheck {
  kind: "training-run-cost";
  maxPerRun: number;
}
/** Unit economics: idle GPU cost, USD per month, per resource and in total. */
export interface IdleGpuCostCheck {
  kind: "idle-gpu-cost";
  maxMonthly?: number;
  maxTotal?: number;
}
/** Unit economics: utilisation floor (0–1) of GPU inference endpoints. */
export interface MinUtilizationCheck {
  kind: "min-utilization";
  min: number;
  basis?: "throughput" | "gpu";
}

export type Check =
  | RequiredTagsCheck
  | BudgetCheck
  | CostDeltaCheck
  | ResourceCostCheck
  | GpuCountCheck
  | InstanceTypesCheck
  | RegionsCheck
  | PurchaseOptionCheck
  | CheckpointingCheck
  | TrainingLimitsCheck
  | InferenceScalingCheck
  | PricingCoverageCheck
  | NodePoolCheck
  | UnitCostCheck
  | TrainingRunCostCheck
  | IdleGpuCostCheck
  | MinUtilizationCheck;

export type CheckKind = Check["kind"];

export interface PolicyExemption {
  id?: string;
  rule: string;
  address: string;
  reason: string;
  owner: string;
  ticket?: string;
  expires: string;
  maxMonthlyCost?: number;
}

/** A validated policy file, with where each rule and exemption is written (for notes that point at them). */
export interface LoadedPolicy {
  file: string;
  name: string;
  layer: PolicyLayer;
  owner?: string;
  document: PolicyDocument;
  /** `line:column` of each rule and exemption, by index. */
  positions: { rules: string[]; exemptions: string[] };
}
