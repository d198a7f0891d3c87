import type { PriceKey } from "./price-key.js";

/** Where a unit price came from. Every priced component carries one. */
export interface PriceOrigin {
  /** Machine name of the source: `snapshot`, `aws-pricing-api`, `spot-history`, `spot-discount`, `cache`. */
  source: string;
  /** The date the price was true (ISO date or date-time). */
  asOf: string;
  /** Human label shown in reports, e.g. `snapshot 2026-07-20` or `aws-pricing-api 2026-11-23`. */
  label: string;
  /** True when the price is derived rather than read (e.g. SageMaker from EC2 × multiplier). */
  estimated: boolean;
  /** Short note on how it was derived or where it was read, e.g. `EC2 on-demand × 1.25`. */
  note?: string;
}

/** The answer to one price key: a price, or an explicit reason it has none. Never a silent $0. */
export type PriceQuote =
  | { priced: true; usdPerUnit: number; unit: string; origin: PriceOrigin }
  | { priced: false; reason: string };

/** Answers price keys. Sources may be offline (snapshot) or live (AWS Price List API). */
export interface PriceSource {
  /** Resolve many keys at once; implementations deduplicate and may batch. Keyed by `priceKeyId`. */
  quote(keys: PriceKey[]): Promise<Map<string, PriceQuote>>;
  /** Sources used, for the report footer. */
  describe(): PriceSourceInfo[];
  /** Non-fatal notes (e.g. fell back to the snapshot for a key). */
  warnings(): string[];
}

export interface PriceSourceInfo {
  id: string;
  label: string;
  asOf: string;
  description: string;
}

/** Resolves spot prices for EC2 instance types, given the on-demand quote as a baseline. */
export interface SpotPriceSource {
  /**
   * `instanceType` is the EC2 type (`ml.` stripped); `kind` says whether the key priced EC2 or SageMaker (managed
   * spot training is a discount on the SageMaker rate, not an EC2 spot price). Optional for older callers.
   */
  spotQuote(key: { region: string; instanceType: string; kind?: "ec2-instance" | "sagemaker-instance" }, onDemand: PriceQuote): Promise<SpotQuote>;
  describe(): PriceSourceInfo[];
  warnings(): string[];
}

export type SpotQuote =
  | { priced: true; usdPerHour: number; origin: PriceOrigin; interruptionBand?: string }
  | { priced: false; reason: string };
