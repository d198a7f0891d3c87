import { loadPlan } from "../plan/load-plan.js";
import type { Estimate } from "../pricing/estimate.js";
import { estimatePlans } from "../pricing/estimate-plans.js";
import { EMPTY_USAGE, loadUsageFile } from "../pricing/usage.js";
import { unmatchedUsageWarnings } from "../pricing/usage-matching.js";
import type { CliIO } from "./cli-io.js";
import { PRICE_OPTIONS, PRICE_OPTIONS_HELP, resolvePriceSources } from "./price-options.js";

/** Options of every command that loads and prices plans (estimate, diff, check). */
export const PLAN_OPTIONS = {
  usage: { type: "string" },
  region: { type: "string" },
  "allow-unknown-types": { type: "boolean" },
  format: { type: "string" },
  help: { type: "boolean", short: "h" },
  ...PRICE_OPTIONS,
} as const;

/** Help lines of the plan options every such command shares (each command describes its own --usage and --format). */
export const PLAN_OPTIONS_HELP = `  --region <region>       region for providers without a literal region (default us-east-1)
  --allow-unknown-types   list unknown instance types as unpriced instead of failing
${PRICE_OPTIONS_HELP}`;

type PlanOptionValues = { usage?: string; region?: string; "allow-unknown-types"?: boolean } & Parameters<typeof resolvePriceSources>[0];

/**
 * Load the usage file, then each plan, then price them all together (one price lookup for every plan),
 * returning estimates in the order of `paths`.
 */
export async function pricePlans(paths: string[], values: PlanOptionValues, io: CliIO): Promise<Estimate[]> {
  const usage = values.usage ? loadUsageFile(values.usage) : EMPTY_USAGE;
  const planOpts = values.region ? { defaultRegion: values.region } : {};
  const plans = paths.map((p) => loadPlan(p, planOpts));
  const sources = await resolvePriceSources(values, io);
  const estimates = await estimatePlans(plans, { usage, prices: sources.prices, spot: sources.spot, allowUnknownInstanceTypes: values["allow-unknown-types"] ?? false });
  const unmatched = unmatchedUsageWarnings(usage, plans);
  for (const e of estimates) e.warnings.push(...unmatched);
  return estimates;
}
