import type { PriceKey } from "../price-key.js";
import type { PriceOrigin, PriceQuote, PriceSource, PriceSourceInfo } from "../price-quote.js";
import { ALL_COMMERCIAL_REGIONS, SNAPSHOT, type PriceSnapshot, type SnapshotPriceRow } from "../snapshot/snapshot.js";

/**
 * Prices from the embedded, dated snapshot. Offline; the default. Any price filter is answered the same way: its
 * region's row, else the row AWS states for every commercial region, else a documented estimate from the price
 * it is derived from (labelled estimated), else unpriced with the reason.
 */
export class SnapshotPriceSource implements PriceSource {
  private readonly used = new Set<string>();
  private readonly commercial: ReadonlySet<string>;
  private readonly estimateRules: { factory: string; re: RegExp; multiplier: number; note: string }[];

  constructor(private readonly snap: PriceSnapshot = SNAPSHOT) {
    this.commercial = new Set(snap.commercialRegions);
    this.estimateRules = snap.estimates.map((r) => ({ factory: r.factory, re: new RegExp(r.pattern), multiplier: r.multiplier, note: r.note }));
  }

  async quote(keys: PriceKey[]): Promise<Map<string, PriceQuote>> {
    return new Map(keys.map((k) => [k.id, this.quoteOne(k)]));
  }

  /** Synchronous lookup (the governance aspect prices at synth time, which cannot await). */
  quoteOne(key: PriceKey): PriceQuote {
    const row = this.row(key);
    if (row) return { priced: true, usdPerUnit: row[0], unit: row[2], origin: this.origin(row) };
    const base = key.estimatedFrom;
    const baseRow = base ? this.row(base) : undefined;
    const rule = base && baseRow ? this.estimateRules.find((r) => r.factory === key.factory && r.re.test(base.instanceType ?? "")) : undefined;
    if (base && baseRow && rule) {
      return {
        priced: true,
        usdPerUnit: baseRow[0] * rule.multiplier,
        unit: baseRow[2],
        origin: this.origin(baseRow, `estimated: ${base.what.replace(/ in \S+$/, "")} × ${rule.multiplier} (${rule.note})`),
      };
    }
    const type = key.instanceType;
    const noListPrice = type ? this.snap.noListPrice[type.startsWith("ml.") ? type.slice(3) : type] : undefined;
    // The snapshot's sources list no On-Demand price for these types (p5e, trn2). That is a gap of the sources,
    // not a fact about AWS: a public price may exist in this region, so the reason does not claim there is none.
    if (type && noListPrice)
      return { priced: false, reason: `${type}: no On-Demand price in ${key.region} in the embedded snapshot (its sources list none for this type; use --prices aws for a current price)` };
    if (type && key.service === "AmazonEC2") return { priced: false, reason: `no On-Demand price for ${type} in ${key.region} in the embedded snapshot` };
    return { priced: false, reason: `the embedded snapshot has no price for ${key.what} (use --prices aws for live prices)` };
  }

  /** The region's own row, else the uniform row when the region is a commercial region. */
  private row(key: PriceKey): SnapshotPriceRow | undefined {
    const own = this.snap.prices[key.region]?.[key.rowKey];
    if (own) return own;
    return this.commercial.has(key.region) ? this.snap.prices[ALL_COMMERCIAL_REGIONS]?.[key.rowKey] : undefined;
  }

  private origin(row: SnapshotPriceRow, estimate?: string): PriceOrigin {
    const datasetId = row[1];
    this.used.add(datasetId);
    const d = this.snap.datasets[datasetId];
    const asOf = row[3] ?? d?.asOf ?? "unknown";
    const note = estimate ?? d?.rowNote;
    return { source: "snapshot", asOf, label: `snapshot ${asOf}`, estimated: estimate !== undefined, ...(note ? { note } : {}) };
  }

  describe(): PriceSourceInfo[] {
    return [...this.used].sort().map((id) => {
      const d = this.snap.datasets[id]!;
      return { id: `snapshot:${id}`, label: `snapshot ${d.asOf}`, asOf: d.asOf, description: `${d.source} (confidence: ${d.confidence})` };
    });
  }

  warnings(): string[] {
    return [];
  }
}
