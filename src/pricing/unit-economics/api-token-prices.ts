import { bedrockTokenPrice } from "../catalog/aws-bedrock.js";
import { SNAPSHOT, type PriceSnapshot } from "../snapshot/snapshot.js";
import { SnapshotPriceSource } from "../sources/snapshot-source.js";

/** An on-demand per-token API price pair, USD per 1M tokens, with where it came from. */
export interface ApiTokenPrice {
  model: string;
  inputPer1M: number;
  outputPer1M: number;
  region: string;
  /** Dataset source text and date, from the snapshot. */
  source: string;
  asOf: string;
  confidence: string;
}

/**
 * The Amazon Bedrock on-demand token prices the embedded snapshot has (rows `bedrock-tokens|<family>|input|output`,
 * today three Anthropic families in us-east-1 from a low-confidence third-party page dated 2026-01-05, region
 * assumed), read through the same price factory and source as the Bedrock agent catalog entry. Only families with
 * both directions priced; none when the snapshot has none.
 */
export function bedrockTokenPrices(region = "us-east-1", snap: PriceSnapshot = SNAPSHOT): ApiTokenPrice[] {
  const rows = (snap as unknown as { prices?: Record<string, Record<string, unknown>> }).prices?.[region] ?? {};
  const families = [...new Set(Object.keys(rows).filter((k) => k.startsWith("bedrock-tokens|")).map((k) => k.split("|")[1]!))].sort();
  const source = new SnapshotPriceSource(snap);
  const out: ApiTokenPrice[] = [];
  for (const family of families) {
    const i = source.quoteOne(bedrockTokenPrice(region, family, "input"));
    const o = source.quoteOne(bedrockTokenPrice(region, family, "output"));
    if (!i.priced || !o.priced) continue;
    const dataset = Object.values(snap.datasets).find((d) => d.asOf === i.origin.asOf && /bedrock/i.test(d.source));
    out.push({
      model: family,
      inputPer1M: i.usdPerUnit,
      outputPer1M: o.usdPerUnit,
      region: `${region} (assumed; the source states no region)`,
      source: dataset?.source ?? i.origin.label,
      asOf: i.origin.asOf,
      confidence: dataset?.confidence ?? "low",
    });
  }
  return out;
}
