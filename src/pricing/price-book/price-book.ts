/**
 * A price book: your own prices on top of AWS list prices — discounts (EDP %, per service, family, region,
 * instance type), fixed negotiated rates, and commitments (reservations, Savings Plans) as capacity. Read from a
 * YAML file validated by `policies/price-book.schema.json` (see load-price-book.ts); applied after list prices
 * are resolved and before policies (see apply-price-book.ts). Amounts are USD; rates per the component's unit.
 */
export const PRICE_BOOK_API_VERSION = "costgate.price-book/v1";

/** What a rule applies to, in the AWS Price List's own terms. Every field given must match. */
export interface PriceBookMatch {
  /** Offer code (`AmazonEC2`, `AmazonSageMaker`, …). */
  service?: string;
  /** Price List product family (`Compute Instance`, `Storage`, …). */
  productFamily?: string;
  region?: string;
  /** Instance type up to its size: `p5` for `p5.48xlarge`, `ml.g5` for `ml.g5.2xlarge`. */
  instanceFamily?: string;
  instanceType?: string;
  /** Price List attributes of the component's price filter (`usagetype`, `operation`, …), case-insensitive. */
  attributes?: Record<string, string>;
}

/** Fields every rule and commitment shares. */
interface PriceBookEntryBase {
  id: string;
  /** The contract or agreement the price comes from (required). */
  reason: string;
  match?: PriceBookMatch;
  /** First day it applies (YYYY-MM-DD, inclusive). */
  from?: string;
  /** The day it stops applying (YYYY-MM-DD, exclusive). */
  until?: string;
  /** Explicitly allows a 100% discount or a rate of 0. */
  allowFree?: true;
}

/** A rate rule: a percent off list, or a fixed effective rate per the component's unit. */
export interface PriceBookRate extends PriceBookEntryBase {
  discountPercent?: number;
  /** A fixed effective rate, USD per `unit`. */
  usdPerUnit?: number;
  /**
   * costgate's unit of the components the rule prices (`hours`, `GB-months`, …). Required with `usdPerUnit` (the
   * schema says so), so a fixed hourly rate never prices a component in another unit.
   */
  unit?: string;
  /** Discounts only: also discount spot prices (default false). */
  appliesToSpot?: boolean;
}

/** A commitment: a reservation of N instances or a Savings Plan of $X/hour, spent at its rate. */
export interface PriceBookCommitment extends PriceBookEntryBase {
  kind: "reservation" | "savings-plan";
  match: PriceBookMatch;
  /** Reservations: instances covered. */
  instances?: number;
  /** Savings Plans: hourly commitment (USD/hour). */
  commitmentUsdPerHour?: number;
  /** Effective rate per covered instance-hour (USD). */
  usdPerHour?: number;
  /** Or: percent off the list price for covered instance-hours. */
  discountPercent?: number;
}

export interface PriceBookDocument {
  apiVersion: typeof PRICE_BOOK_API_VERSION;
  metadata: { name: string; owner?: string; description?: string };
  rates?: PriceBookRate[];
  commitments?: PriceBookCommitment[];
}

/** A loaded, validated price book. `label` names it in reports (`path@<sha>` when read from a base commit). */
export interface PriceBook {
  file: string;
  label: string;
  name: string;
  rates: PriceBookRate[];
  commitments: PriceBookCommitment[];
}

/** Whether an entry is valid on `today` (YYYY-MM-DD): from ≤ today < until. */
export function validOn(e: { from?: string; until?: string }, today: string): "valid" | "expired" | "not-yet" {
  if (e.until !== undefined && today >= e.until) return "expired";
  if (e.from !== undefined && today < e.from) return "not-yet";
  return "valid";
}
