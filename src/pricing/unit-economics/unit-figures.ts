import type { CostRange } from "../estimate.js";

/**
 * Unit economics of one resource (the optional `unitEconomics` field of a resource in the estimate JSON).
 * All money is USD at full precision; unknown is null, never 0. A figure with `complete: false` is a lower bound
 * (part of the resource's cost, or of an input, is unknown).
 */
export interface ResourceUnitEconomics {
  inference?: InferenceUnits;
  training?: TrainingUnits;
  idleGpu?: IdleGpu;
  /** Up to three cheaper instance types (or spot) whose snapshot specs support the claim. */
  alternatives?: Alternative[];
}

/** USD per unit at the low, expected and high end of the resource's monthly cost range (high null = unbounded/unknown). */
export type UnitCost = CostRange;

/** Inference unit figures: monthly cost divided by the monthly volume from usage. */
export interface InferenceUnits {
  /** Requests per month (usage `monthly_requests`), null when not given. */
  monthlyRequests: number | null;
  inputTokensPerRequest: number | null;
  outputTokensPerRequest: number | null;
  /** The resource's monthly cost range, USD (what the unit figures divide). */
  monthlyCost: CostRange;
  /** False: the monthly cost is a lower bound, so are the unit figures. */
  complete: boolean;
  /** USD per 1,000 requests = monthly cost ÷ (monthly_requests ÷ 1,000); null without monthly_requests. */
  per1kRequests: UnitCost | null;
  /** USD per 1M input tokens = monthly cost ÷ (monthly_requests × input_tokens_per_request ÷ 10^6). */
  per1MInputTokens: UnitCost | null;
  /** USD per 1M output tokens = monthly cost ÷ (monthly_requests × output_tokens_per_request ÷ 10^6). */
  per1MOutputTokens: UnitCost | null;
  /** Instances needed for the average load vs provisioned; only with a measured throughput from usage. */
  capacity?: InferenceCapacity;
  /** The same volume at on-demand per-token API prices (Bedrock), each labelled with its source and date. */
  apiComparison?: ApiPriceComparison[];
  /** What is missing or assumed. */
  notes: string[];
}

export interface InferenceCapacity {
  /** Which measured throughput was used. */
  basis: "requests" | "output-tokens";
  /** Measured throughput of one instance, per second (requests or output tokens). */
  perInstancePerSecond: number;
  /** Average demand per second over the resource's monthly hours. */
  demandPerSecond: number;
  /** demand ÷ per-instance throughput (fractional instances). */
  instancesNeeded: number;
  /** Instances provisioned (instance-hours ÷ monthly hours) at low / expected / high capacity; high null = unbounded. */
  instancesProvisioned: CostRange;
  /** instancesNeeded ÷ provisioned instances at expected capacity (0–1 is under capacity; > 1 overloaded). Null when none provisioned. */
  utilization: number | null;
}

/** An on-demand per-token API's cost for the same monthly volume (low-confidence, sourced rows only). */
export interface ApiPriceComparison {
  model: string;
  /** USD per month = requests × (input tokens × input price + output tokens × output price) ÷ 10^6. */
  monthlyCost: number;
  /** USD per 1M input / output tokens as the source states. */
  inputPricePer1M: number;
  outputPricePer1M: number;
  /** e.g. `deploybase.ai 2026-01-05 (third party, low confidence)`. */
  source: string;
  asOf: string;
  confidence: string;
  region: string;
}

/** Training unit figures: one run of the cluster, and runs per month. */
export interface TrainingUnits {
  instances: number | null;
  hoursPerRun: number | null;
  /** `usage` (hours_per_run) or `max-runtime` (the job's timeout / max runtime: an upper bound of one attempt). */
  hoursSource: "usage" | "max-runtime" | "unknown";
  purchaseOption: "on-demand" | "spot";
  /** USD per instance-hour at the purchase option, and on demand. */
  unitPrice: number | null;
  onDemandUnitPrice: number | null;
  /** USD per run: low = no interruptions; expected = with the expected interruption overhead; high = on-demand fallback × retry limit (null = unbounded). */
  costPerRun: UnitCost | null;
  /** False: costPerRun.expected is a lower bound (an input is unknown, or the interruption band has no upper end). */
  complete: boolean;
  interruption?: InterruptionOverhead;
  runsPerMonth: number | null;
  /** costPerRun × runs_per_month, USD. */
  monthlyCost: UnitCost | null;
  notes: string[];
}

export interface InterruptionOverhead {
  /** Spot Instance Advisor frequency-of-interruption band, e.g. `15-20%` (share of instances reclaimed per month). */
  band: string;
  /** The band as fractions per instance-month (high null: `>20%`). */
  ratePerInstanceMonth: { low: number; high: number | null };
  /** instances × hours_per_run × band midpoint ÷ 730. */
  expectedInterruptions: number;
  /** Whether a checkpoint interval bounds the lost work; false = restart from zero. */
  checkpointed: boolean;
  /** Cluster hours lost per interruption in the expected case (interval ÷ 2, or the whole run without checkpoints). */
  expectedLostHoursPerInterruption: number;
  /** Restarts after interruptions the ceiling allows (usage `max_retries`), null = unbounded. */
  maxRetries: number | null;
}

/** Idle GPU cost = (1 − gpu_utilization) × the cost of the GPU instance-hours. */
export interface IdleGpu {
  gpuUtilization: number | null;
  /** USD per month of GPU instance-hours (low / expected / high). */
  gpuCost: CostRange;
  /** USD per month; null when gpu_utilization is not given. */
  idleCost: CostRange | null;
  complete: boolean;
}

/** A cheaper instance type (or purchase option) for the same work, with what the specs say. */
export interface Alternative {
  instanceType: string;
  purchaseOption: "on-demand" | "spot";
  region: string;
  /** USD per instance-hour. */
  unitPrice: number;
  /** USD per month vs the current component at expected quantity (negative = saves). */
  monthlyDifference: number;
  /** Why it is equivalent, from the snapshot's specs (GPU model, GPUs, GPU memory, vCPUs, memory). */
  reason: string;
  /** Price label and date. */
  priceLabel: string;
  estimated: boolean;
}

/** Estimate-wide unit totals (the optional `unitEconomics` field of the estimate). */
export interface UnitEconomicsTotals {
  /** Sum of idle GPU cost, USD per month, over GPU resources with gpu_utilization. */
  idleGpuCost: CostRange;
  /** GPU resources without gpu_utilization (their idle cost is unknown; the total is then a lower bound). */
  idleGpuUnknown: number;
  /** Sum over training resources of costPerRun × runs_per_month where known, USD. */
  trainingMonthly: CostRange;
  trainingUnknown: number;
  /** Source and date of every non-snapshot price used (API comparisons). */
  sources: string[];
}
