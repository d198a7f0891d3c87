import { resolve } from "node:path";
import { CostgateError, oneLine } from "../errors.js";
import { awsClientSettings, spotDiscountSpec, type AwsClientSettings } from "../pricing/sources/price-source-settings.js";
import { DEFAULT_PRICING_API_REGION, PRICING_API_REGIONS } from "../pricing/sources/pricing-api-regions.js";
import type { SpotDiscountOptions } from "../pricing/sources/spot-discount-source.js";
import { DEFAULT_CACHE_TTL_HOURS, PriceCache, defaultCacheDir } from "../pricing/sources/price-cache.js";
import { PRICE_MODES, selectPriceSources, type PriceMode, type PriceSources } from "../pricing/sources/select-price-sources.js";
import type { CliIO } from "./cli-io.js";

/** CLI options shared by every command that prices plans (spread into each command's parseArgs options). */
export const PRICE_OPTIONS = {
  prices: { type: "string" },
  "spot-discount": { type: "string" },
  "cache-dir": { type: "string" },
  "no-cache": { type: "boolean" },
  "cache-ttl": { type: "string" },
  "pricing-region": { type: "string" },
  "pricing-endpoint": { type: "string" },
} as const;

/** Parsed values of PRICE_OPTIONS. */
export interface PriceOptionValues {
  prices?: string;
  "spot-discount"?: string;
  "cache-dir"?: string;
  "no-cache"?: boolean;
  "cache-ttl"?: string;
  "pricing-region"?: string;
  "pricing-endpoint"?: string;
}

/** One line per option, for command help texts. */
export const PRICE_OPTIONS_HELP = `  --prices snapshot|auto|aws  price source: the embedded dated snapshot (default), the AWS Price List API
                              when credentials resolve (auto), or the API always (aws); failures fall back
                              to the snapshot per price, with a warning
  --spot-discount P[,fam=P]   spot discount in percent when live spot history is not used (e.g. 50,p5=45)
  --cache-dir DIR             live price cache (default: the user cache dir, e.g. ~/.cache/costgate/prices)
  --cache-ttl HOURS           how long cached live prices are reused (default ${DEFAULT_CACHE_TTL_HOURS})
  --no-cache                  neither read nor write the live price cache
  --pricing-region R          Price List API endpoint region: ${PRICING_API_REGIONS.join(", ")} (default ${DEFAULT_PRICING_API_REGION})
  --pricing-endpoint URL      Price List API endpoint override (also AWS_ENDPOINT_URL_PRICING)
`;

export type { PriceMode, PriceSources } from "../pricing/sources/select-price-sources.js";

/** Parse `--spot-discount 50` or `--spot-discount 50,p5=45,g5.xlarge=60` (percent off on-demand). */
export function parseSpotDiscount(value: string | undefined): SpotDiscountOptions {
  return spotDiscountSpec(value, "--spot-discount");
}

/**
 * Choose price sources from command-line options (see `selectPriceSources` for what each mode does): validates
 * the options, then builds the cache and client settings from them and the command's environment.
 */
export async function resolvePriceSources(values: PriceOptionValues, io: CliIO): Promise<PriceSources> {
  const mode = (values.prices ?? "snapshot") as PriceMode;
  if (!PRICE_MODES.includes(mode)) throw new CostgateError(`unknown --prices \`${values.prices}\`; expected auto, snapshot or aws`, "costgate");
  const spotDiscount = parseSpotDiscount(values["spot-discount"]);
  if (mode === "snapshot") return selectPriceSources({ mode, spotDiscount });
  const cache = priceCache(values, io);
  return selectPriceSources({
    mode,
    spotDiscount,
    aws: awsSettings(values, io),
    ...(cache ? { cache } : {}),
    ...(io.env.AWS_ENDPOINT_URL_EC2 ? { ec2Endpoint: io.env.AWS_ENDPOINT_URL_EC2 } : {}),
    // Without credentials every price would fail the same way: say so once and use the snapshot.
    onNoCredentials: (e) => {
      const why = mode === "aws" ? ` (${oneLine(String((e as Error)?.message ?? e).split("\n")[0]!, 200)})` : "";
      io.stderr(`costgate: note: --prices ${mode}: no AWS credentials found${why}; using the embedded price snapshot\n`);
    },
  });
}

/** Client settings for the live sources from the command's options and environment (see `awsClientSettings`). */
export function awsSettings(values: Pick<PriceOptionValues, "pricing-region" | "pricing-endpoint">, io: CliIO): AwsClientSettings {
  return awsClientSettings(io.env, { ...(values["pricing-region"] ? { region: values["pricing-region"] } : {}), ...(values["pricing-endpoint"] ? { endpoint: values["pricing-endpoint"] } : {}) }, "--");
}

function priceCache(values: PriceOptionValues, io: CliIO): PriceCache | undefined {
  if (values["no-cache"]) return undefined;
  let ttlHours = DEFAULT_CACHE_TTL_HOURS;
  if (values["cache-ttl"] !== undefined) {
    ttlHours = Number(values["cache-ttl"]);
    if (!(ttlHours > 0) || !Number.isFinite(ttlHours))
      throw new CostgateError(`bad --cache-ttl \`${values["cache-ttl"]}\`; expected a positive number of hours`, "costgate");
  }
  const dir = values["cache-dir"] !== undefined ? resolve(io.cwd, values["cache-dir"]) : defaultCacheDir(io.env);
  return new PriceCache(dir, ttlHours * 3_600_000);
}
