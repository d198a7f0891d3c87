import { CostgateError } from "../errors.js";
import type { PriceSource, SpotPriceSource } from "../pricing/price-quote.js";
import { SnapshotPriceSource } from "../pricing/sources/snapshot-source.js";
import { SpotDiscountSource } from "../pricing/sources/spot-discount-source.js";
import type { CliIO } from "./cli-io.js";

/** CLI options shared by every command that prices plans. */
export const PRICE_OPTIONS = {
  prices: { type: "string" },
  "spot-discount": { type: "string" },
} as const;

export type PriceMode = "auto" | "snapshot" | "aws";

export interface PriceSources {
  prices: PriceSource;
  spot: SpotPriceSource;
  mode: PriceMode;
}

/** Parse `--spot-discount 50` or `--spot-discount 50,p5=45,g5.xlarge=60` (percent off on-demand). */
export function parseSpotDiscount(value: string | undefined): { defaultDiscountPct?: number; discounts?: Record<string, number> } {
  if (value === undefined) return {};
  const out: { defaultDiscountPct?: number; discounts: Record<string, number> } = { discounts: {} };
  for (const part of value.split(",").map((s) => s.trim()).filter(Boolean)) {
    const m = /^(?:([a-z0-9.-]+)=)?(\d+(?:\.\d+)?)$/.exec(part);
    const pct = m ? Number(m[2]) : NaN;
    if (!m || !(pct >= 0 && pct <= 95))
      throw new CostgateError(`bad --spot-discount \`${part}\`; expected a percent 0-95, optionally per family or type (p5=45)`, "costgate");
    if (m[1]) out.discounts[m[1]] = pct;
    else out.defaultDiscountPct = pct;
  }
  return out;
}

/** Choose price sources from options. The embedded snapshot is the offline default. */
export async function resolvePriceSources(values: { prices?: string; "spot-discount"?: string }, _io: CliIO): Promise<PriceSources> {
  const mode = (values.prices ?? "snapshot") as PriceMode;
  if (!["auto", "snapshot", "aws"].includes(mode))
    throw new CostgateError(`unknown --prices \`${values.prices}\`; expected auto, snapshot or aws`, "costgate");
  const spot = new SpotDiscountSource(parseSpotDiscount(values["spot-discount"]));
  return { prices: new SnapshotPriceSource(), spot, mode: "snapshot" };
}
