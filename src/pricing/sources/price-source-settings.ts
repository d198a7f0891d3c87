import { CostgateError } from "../../errors.js";
import type { AwsPricingSourceOptions } from "./aws-pricing-source.js";
import { DEFAULT_PRICING_API_REGION, PRICING_API_REGIONS } from "./pricing-api-regions.js";
import type { SpotDiscountOptions } from "./spot-discount-source.js";

/** Settings of the live Price List client that come from options and the environment. */
export type AwsClientSettings = Pick<AwsPricingSourceOptions, "apiRegion" | "endpoint" | "credentials" | "maxAttempts">;

/**
 * Parse a spot discount spec — `50` or `50,p5=45,g5.xlarge=60`, percent off on-demand (0–95), optionally per
 * family or type. `name` is how the caller's user wrote it (`--spot-discount`, `spot-discount`), for the error.
 * Throws CostgateError on a bad part.
 */
export function spotDiscountSpec(value: string | undefined, name: string): SpotDiscountOptions {
  if (value === undefined) return {};
  const out: { defaultDiscountPct?: number; discounts: Record<string, number> } = { discounts: {} };
  for (const part of value.split(",").map((s) => s.trim()).filter(Boolean)) {
    const m = /^(?:([a-z0-9.-]+)=)?(\d+(?:\.\d+)?)$/.exec(part);
    const pct = m ? Number(m[2]) : NaN;
    if (!m || !(pct >= 0 && pct <= 95)) throw new CostgateError(`bad ${name} \`${part}\`; expected a percent 0-95, optionally per family or type (p5=45)`, "costgate");
    if (m[1]) out.discounts[m[1]] = pct;
    else out.defaultDiscountPct = pct;
  }
  return out;
}

/**
 * Client settings for the live sources, from options and an environment: the Price List endpoint region (pinned;
 * the SDK would resolve undocumented hosts), an endpoint override (option, else AWS_ENDPOINT_URL_PRICING), static
 * credentials when AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY are set (else the SDK's default chain: profiles, SSO,
 * IMDS, …) and AWS_MAX_ATTEMPTS. `prefix` names options in errors (`--` for the CLI, `` for Action inputs).
 * Throws CostgateError for a bad endpoint or an endpoint region that does not serve the Price List.
 */
export function awsClientSettings(env: NodeJS.ProcessEnv, opts: { region?: string; endpoint?: string }, prefix = ""): AwsClientSettings {
  const endpoint = opts.endpoint ?? (env.AWS_ENDPOINT_URL_PRICING || undefined);
  if (endpoint !== undefined && !/^https?:\/\/[^\s/]+/.test(endpoint))
    throw new CostgateError(`bad ${prefix}pricing-endpoint \`${endpoint}\`; expected an http(s) URL`, "costgate");
  const apiRegion = opts.region ?? DEFAULT_PRICING_API_REGION;
  if (!endpoint && !(PRICING_API_REGIONS as readonly string[]).includes(apiRegion))
    throw new CostgateError(
      `unknown ${prefix}pricing-region \`${apiRegion}\`; the Price List API is served from ${PRICING_API_REGIONS.join(", ")} (prices for every region are available from each)`,
      "costgate",
    );
  const credentials =
    env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
      ? { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}) }
      : undefined;
  const attempts = env.AWS_MAX_ATTEMPTS ? Number(env.AWS_MAX_ATTEMPTS) : undefined;
  return {
    apiRegion,
    ...(endpoint ? { endpoint } : {}),
    ...(credentials ? { credentials } : {}),
    ...(attempts !== undefined && Number.isInteger(attempts) && attempts >= 1 ? { maxAttempts: attempts } : {}),
  };
}
