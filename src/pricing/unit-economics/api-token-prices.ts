/**
 * On-demand per-token API prices for comparison with self-hosted inference: Amazon Bedrock, copied verbatim from
 * shared/pricing/services-2026-11-30.json (rows with service `AmazonBedrock`, dataset `deploybase-bedrock-2026-01-05`).
 * Low confidence: a third-party page (deploybase.ai, "Amazon Bedrock Pricing: Model Costs and Throughput Rates",
 * dated 2026-01-05, whose table claims AWS's page of 2026-03-21), region not stated (assumed us-east-1).
 * Never edit a number by hand; re-copy from the compiled file when it changes.
 */
export interface ApiTokenPrice {
  model: string;
  modelId: string;
  /** USD per 1M input tokens. */
  inputPer1M: number;
  /** USD per 1M output tokens. */
  outputPer1M: number;
  region: string;
  dataset: string;
  source: string;
  url: string;
  asOf: string;
  confidence: string;
}

const DATASET = {
  dataset: "deploybase-bedrock-2026-01-05",
  source: "Amazon Bedrock on-demand, via deploybase.ai (third party)",
  url: "https://deploybase.ai/articles/amazon-bedrock-pricing",
  asOf: "2026-01-05",
  confidence: "low (third party; page date 2026-01-05, table claims 2026-03-21)",
  region: "us-east-1 (assumed; source states no region)",
} as const;

export const BEDROCK_TOKEN_PRICES: readonly ApiTokenPrice[] = [
  { model: "Claude Opus 4", modelId: "anthropic.claude-opus-4", inputPer1M: 15.0, outputPer1M: 75.0, ...DATASET },
  { model: "Claude 3.7 Sonnet", modelId: "anthropic.claude-3-7-sonnet", inputPer1M: 3.0, outputPer1M: 15.0, ...DATASET },
  { model: "Claude 3.5 Haiku", modelId: "anthropic.claude-3-5-haiku", inputPer1M: 0.8, outputPer1M: 4.0, ...DATASET },
];
