import { HOURS_PER_MONTH, type ResourceEstimate } from "../estimate.js";
import type { ResourceUsage } from "../usage.js";
import { bedrockTokenPrices } from "./api-token-prices.js";
import { computeHoursOf, perUnit } from "./compute-hours.js";
import type { ApiPriceComparison, InferenceCapacity, InferenceUnits } from "./unit-figures.js";

/** Seconds in the month the resource runs: usage `monthly_hrs` (default 730) × 3,600. */
function monthlySeconds(usage: ResourceUsage): number {
  return (usage.monthly_hrs ?? HOURS_PER_MONTH) * 3600;
}

/**
 * Inference unit figures of a serving resource (SageMaker endpoint configuration, GPU node group tagged
 * `workload=inference`, …) from its monthly cost range (USD) and the usage file:
 * - per 1k requests = monthly cost ÷ (monthly_requests ÷ 1,000)
 * - per 1M input tokens = monthly cost ÷ (monthly_requests × input_tokens_per_request ÷ 10^6), output likewise.
 * Each figure puts the whole monthly cost on that one unit (they are not to be added up). With a measured
 * throughput per instance (`requests_per_second_per_instance` or `output_tokens_per_second_per_instance`, never an
 * invented benchmark): instances needed for the average load = average demand per second ÷ throughput, and
 * utilisation = needed ÷ provisioned (instance-hours ÷ monthly hours). Average load only: peaks need a scenario.
 */
export function inferenceUnits(r: ResourceEstimate, usage: ResourceUsage): InferenceUnits {
  const notes: string[] = [];
  const requests = usage.monthly_requests ?? null;
  const inTok = usage.input_tokens_per_request ?? null;
  const outTok = usage.output_tokens_per_request ?? null;
  const cost = r.range;
  const complete = r.complete;
  if (!complete) notes.push("the monthly cost is not fully known: unit figures are lower bounds");
  const per = (units: number | null, key: string) => {
    if (units === null) return null;
    if (units === 0) {
      notes.push(`${key} is 0: no cost per unit`);
      return null;
    }
    return perUnit(cost, units);
  };
  if (requests === null) notes.push("set `monthly_requests` (and tokens per request) in the usage file for cost per request and per token");
  else {
    if (inTok === null) notes.push("set `input_tokens_per_request` for cost per 1M input tokens");
    if (outTok === null) notes.push("set `output_tokens_per_request` for cost per 1M output tokens");
  }
  const out: InferenceUnits = {
    monthlyRequests: requests,
    inputTokensPerRequest: inTok,
    outputTokensPerRequest: outTok,
    monthlyCost: { ...cost },
    complete,
    per1kRequests: per(requests === null ? null : requests / 1000, "monthly_requests"),
    per1MInputTokens: per(requests === null || inTok === null ? null : (requests * inTok) / 1e6, "input tokens per month"),
    per1MOutputTokens: per(requests === null || outTok === null ? null : (requests * outTok) / 1e6, "output tokens per month"),
    notes,
  };
  const capacity = capacityOf(r, usage, requests, outTok, notes);
  if (capacity) out.capacity = capacity;
  if (requests !== null && inTok !== null && outTok !== null) {
    const api = apiComparison(requests, inTok, outTok);
    if (api.length) out.apiComparison = api;
  }
  return out;
}

function capacityOf(r: ResourceEstimate, usage: ResourceUsage, requests: number | null, outTok: number | null, notes: string[]): InferenceCapacity | undefined {
  const rps = usage.requests_per_second_per_instance;
  const tps = usage.output_tokens_per_second_per_instance;
  if (rps === undefined && tps === undefined) return undefined;
  if (requests === null) return undefined;
  const seconds = monthlySeconds(usage);
  let basis: InferenceCapacity["basis"];
  let perInstance: number;
  let demand: number;
  if (tps !== undefined && outTok !== null) {
    basis = "output-tokens";
    perInstance = tps;
    demand = (requests * outTok) / seconds;
  } else if (rps !== undefined) {
    basis = "requests";
    perInstance = rps;
    demand = requests / seconds;
  } else {
    notes.push("`output_tokens_per_second_per_instance` needs `output_tokens_per_request`");
    return undefined;
  }
  if (perInstance <= 0) {
    notes.push("the measured throughput per instance is 0: instances needed are unknown");
    return undefined;
  }
  const hours = computeHoursOf(r).hours;
  const monthlyHours = seconds / 3600;
  const provisioned = { low: hours.low / monthlyHours, expected: hours.expected / monthlyHours, high: hours.high === null ? null : hours.high / monthlyHours };
  const needed = demand / perInstance;
  return {
    basis,
    perInstancePerSecond: perInstance,
    demandPerSecond: demand,
    instancesNeeded: needed,
    instancesProvisioned: provisioned,
    utilization: provisioned.expected > 0 ? needed / provisioned.expected : null,
  };
}

/** The same monthly volume at each sourced on-demand per-token API price (USD per month). */
export function apiComparison(requests: number, inTok: number, outTok: number): ApiPriceComparison[] {
  return bedrockTokenPrices().map((p) => ({
    model: `Amazon Bedrock ${p.model}`,
    monthlyCost: (requests * (inTok * p.inputPer1M + outTok * p.outputPer1M)) / 1e6,
    inputPricePer1M: p.inputPer1M,
    outputPricePer1M: p.outputPer1M,
    source: p.source,
    asOf: p.asOf,
    confidence: p.confidence,
    region: p.region,
  }));
}
