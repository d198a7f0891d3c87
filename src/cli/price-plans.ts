import { CostgateError } from "../errors.js";
import { loadPlan } from "../plan/load-plan.js";
import { runGate, type GateOutcome, type GateRequest } from "../gate.js";
import { EMPTY_USAGE, loadUsageFile } from "../pricing/usage.js";
import type { CliIO } from "./cli-io.js";
import { PRICE_OPTIONS, PRICE_OPTIONS_HELP, resolvePriceSources } from "./price-options.js";

/** Options of every command that loads and prices plans (estimate, diff, check). */
export const PLAN_OPTIONS = {
  usage: { type: "string" },
  "price-book": { type: "string" },
  region: { type: "string" },
  "allow-unknown-types": { type: "boolean" },
  today: { type: "string" },
  format: { type: "string" },
  wide: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  ...PRICE_OPTIONS,
} as const;

/** Help lines of the plan options every such command shares (each command describes its own --usage and --format). */
export const PLAN_OPTIONS_HELP = `  --wide                  table output: show everything, however wide (default: fit the terminal,
                          else COLUMNS, else 100 columns)
  --region <region>       region for providers without a literal region (default us-east-1)
  --allow-unknown-types   list unknown instance types as unpriced instead of failing
  --price-book <file>     your own prices (YAML): discounts, negotiated rates, reservations, Savings Plans
  --today YYYY-MM-DD      price as of this date: price-book validity, EKS support calendar (default today, UTC)
${PRICE_OPTIONS_HELP}`;

/**
 * `--today`: a real calendar date YYYY-MM-DD (2026-02-30 is refused), or undefined when not given.
 * Throws a CostgateError naming the command otherwise (exit 2).
 */
export function todayOption(value: string | undefined, command: string): string | undefined {
  if (value === undefined) return undefined;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value)
    throw new CostgateError(`bad --today \`${value}\`; expected a calendar date YYYY-MM-DD`, `costgate ${command}`);
  return value;
}

type PlanOptionValues = { usage?: string; "price-book"?: string; region?: string; "allow-unknown-types"?: boolean; today?: string } & Parameters<typeof resolvePriceSources>[0];

/**
 * Load the usage file, then the head (and base) plan, choose the price sources, and run the gate on them: one
 * price lookup for both plans, a diff when there is a base, a verdict when policies are given.
 */
export async function gateFromOptions(
  paths: { head: string; base?: string },
  values: PlanOptionValues,
  io: CliIO,
  judge: Pick<GateRequest, "policies" | "evaluation"> = {},
): Promise<GateOutcome> {
  const today = values.today; // checked by the command (todayOption)
  const usage = values.usage ? loadUsageFile(values.usage) : EMPTY_USAGE;
  // Loaded only with --price-book: its schema validator (ajv) is a third of the code `check` would compile.
  const priceBook = values["price-book"] ? (await import("../pricing/price-book/load-price-book.js")).loadPriceBookFile(values["price-book"]) : undefined;
  const planOpts = values.region ? { defaultRegion: values.region } : {};
  const base = paths.base !== undefined ? loadPlan(paths.base, planOpts) : undefined;
  const head = loadPlan(paths.head, planOpts);
  const sources = await resolvePriceSources(values, io);
  return runGate(
    { head, ...(base ? { base } : {}), ...judge, ...(priceBook ? { priceBook } : {}) },
    { usage, prices: sources.prices, spot: sources.spot, allowUnknownInstanceTypes: values["allow-unknown-types"] ?? false, ...(today ? { today } : {}) },
  );
}
