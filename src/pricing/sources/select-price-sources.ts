import { CostgateError } from "../../errors.js";
import type { PriceSource, SpotPriceSource } from "../price-quote.js";
// The live sources load the AWS SDK, so they are imported only when a live mode asks for them.
import type { AwsPricingSourceOptions } from "./aws-pricing-source.js";
import type { PriceCache } from "./price-cache.js";
import { SnapshotPriceSource } from "./snapshot-source.js";
import { SpotDiscountSource, type SpotDiscountOptions } from "./spot-discount-source.js";

/** Where prices come from: the embedded snapshot, the Price List API when credentials resolve, or the API always. */
export type PriceMode = "auto" | "snapshot" | "aws";

export const PRICE_MODES: readonly PriceMode[] = ["auto", "snapshot", "aws"];

/** The chosen on-demand and spot sources, and the mode in effect (`auto` resolves to `aws` or `snapshot`). */
export interface PriceSources {
  prices: PriceSource;
  spot: SpotPriceSource;
  mode: PriceMode;
}

/** What the CLI, the Action and the aspect decide about prices, already validated. */
export interface PriceSelection {
  mode: PriceMode;
  /** Dated spot discounts (used when spot price history is not). */
  spotDiscount?: SpotDiscountOptions;
  /** Live Price List client settings (endpoint region, endpoint override, credentials, attempts). */
  aws?: Pick<AwsPricingSourceOptions, "apiRegion" | "endpoint" | "credentials" | "maxAttempts">;
  /** On-disk cache of live prices; none when omitted. */
  cache?: PriceCache;
  /** EC2 endpoint override for spot price history (AWS_ENDPOINT_URL_EC2). */
  ec2Endpoint?: string;
  /**
   * Called once when no AWS credentials resolve, in `auto` and `aws` modes alike: every price would fail the same
   * way, so the snapshot is used (a caller says so once instead of one warning per price).
   */
  onNoCredentials?: (error: unknown) => void;
}

/**
 * Build the price sources of a selection. The embedded snapshot is the offline default. `auto` and `aws` use the
 * AWS Price List API when credentials resolve (checked without sending a request) and the snapshot otherwise
 * (`onNoCredentials` is told); with credentials, `aws` failures fall back per price with a warning. With the API in use, spot prices come from EC2 spot price history, else from the dated
 * discount. Throws a CostgateError for an unknown mode.
 */
export async function selectPriceSources(sel: PriceSelection): Promise<PriceSources> {
  if (!PRICE_MODES.includes(sel.mode)) throw new CostgateError(`unknown price mode \`${sel.mode}\`; expected auto, snapshot or aws`, "prices");
  const discount = new SpotDiscountSource(sel.spotDiscount ?? {});
  const snapshot = { prices: new SnapshotPriceSource(), spot: discount, mode: "snapshot" as const };
  if (sel.mode === "snapshot") return snapshot;
  const aws = sel.aws ?? {};
  const { AwsPricingSource } = await import("./aws-pricing-source.js");
  const live = new AwsPricingSource({ ...aws, ...(sel.cache ? { cache: sel.cache } : {}) });
  try {
    await live.client.config.credentials();
  } catch (e) {
    sel.onNoCredentials?.(e);
    return snapshot;
  }
  const { SpotHistorySource } = await import("./spot-history-source.js");
  const spot = new SpotHistorySource({
    ...(sel.ec2Endpoint ? { endpoint: sel.ec2Endpoint } : {}),
    ...(aws.credentials ? { credentials: aws.credentials } : {}),
    ...(aws.maxAttempts ? { maxAttempts: aws.maxAttempts } : {}),
    fallback: discount,
  });
  return { prices: live, spot, mode: "aws" };
}
