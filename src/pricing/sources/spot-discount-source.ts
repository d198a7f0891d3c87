import type { PriceQuote, PriceSourceInfo, SpotPriceSource, SpotQuote } from "../price-quote.js";
import { SNAPSHOT, type PriceSnapshot } from "../snapshot/snapshot.js";

export interface SpotDiscountOptions {
  /** Default discount off on-demand in percent (0-95). */
  defaultDiscountPct?: number;
  /** Per-family (e.g. `p5`) or per-type (`p5.48xlarge`) discounts in percent. */
  discounts?: Record<string, number>;
}

/**
 * Spot priced as on-demand × (1 − discount). The discount is the configured one, capped by the Spot Instance
 * Advisor's advertised savings for that type and region when known, so the estimate errs on the expensive side.
 */
export class SpotDiscountSource implements SpotPriceSource {
  private usedAdvisor = false;
  constructor(
    private readonly opts: SpotDiscountOptions = {},
    private readonly snap: PriceSnapshot = SNAPSHOT,
  ) {}

  async spotQuote(key: { region: string; instanceType: string }, onDemand: PriceQuote): Promise<SpotQuote> {
    return this.spotQuoteSync(key, onDemand);
  }

  spotQuoteSync(key: { region: string; instanceType: string }, onDemand: PriceQuote): SpotQuote {
    if (!onDemand.priced) return { priced: false, reason: `spot price derives from on-demand: ${onDemand.reason}` };
    const family = key.instanceType.split(".")[0]!;
    const configured =
      this.opts.discounts?.[key.instanceType] ?? this.opts.discounts?.[family] ?? this.opts.defaultDiscountPct ?? this.snap.spot.defaultDiscountPct;
    const advice = this.snap.spot.advisor[key.region]?.[key.instanceType];
    const pct = advice ? Math.min(configured, advice.savingsPct) : configured;
    if (advice) this.usedAdvisor = true;
    const note = advice && advice.savingsPct < configured
      ? `${pct}% off on-demand (Spot Advisor savings for ${key.instanceType} in ${key.region}, below the configured ${configured}%)`
      : `${pct}% off on-demand (configured discount)`;
    return {
      priced: true,
      usdPerHour: onDemand.usdPerUnit * (1 - pct / 100),
      origin: { source: "spot-discount", asOf: this.snap.spot.asOf, label: `spot-discount ${pct}%`, estimated: true, note },
      ...(advice ? { interruptionBand: advice.band } : {}),
    };
  }

  describe(): PriceSourceInfo[] {
    const d = this.snap.datasets[this.snap.spot.advisorDataset];
    return [
      {
        id: "spot-discount",
        label: "spot-discount",
        asOf: this.snap.spot.asOf,
        description: `spot = on-demand × (1 − discount); default ${this.opts.defaultDiscountPct ?? this.snap.spot.defaultDiscountPct}%${
          this.usedAdvisor && d ? `, capped by ${d.source}` : ""
        }`,
      },
    ];
  }

  warnings(): string[] {
    return [];
  }
}
