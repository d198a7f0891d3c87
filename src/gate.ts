import { pairLoneStacks } from "./plan/pair-lone-stacks.js";
import type { Plan } from "./plan/resource.js";
import { evaluatePolicies, type EvaluateOptions } from "./policy/evaluate-policies.js";
import type { LoadedPolicy } from "./policy/policy-document.js";
import type { Verdict } from "./policy/verdict.js";
import { diffEstimates, type EstimateDiff } from "./pricing/diff-estimates.js";
import type { Estimate } from "./pricing/estimate.js";
import { unmatchedUsageWarnings } from "./pricing/usage-matching.js";
import { estimatePlans, estimatePlansSync, type EstimateOptions, type SyncEstimateOptions } from "./pricing/estimate-plans.js";
import type { Usage } from "./pricing/usage.js";
import type { PriceBook } from "./pricing/price-book/price-book.js";
import { scenarioNames, scenarioUsage } from "./pricing/usage-scenarios.js";
import { scenarioSummary } from "./pricing/unit-economics/scenario-summary.js";

/** What the gate judges: the head plan, optionally the base it is compared with, and the policies. */
export interface GateRequest {
  head: Plan;
  /** The plan of the base commit (a PR's target, `--base`). */
  base?: Plan;
  /** Policies to evaluate; none: the gate only prices (and diffs). */
  policies?: readonly LoadedPolicy[];
  /** Overrides, today's date and the default environment for evaluation (the base comes from `base`). */
  evaluation?: Omit<EvaluateOptions, "base">;
  /**
   * Your own prices, applied to head and base alike after list prices (its rules' validity is judged on
   * `evaluation.today`). Effective costs are then what policies judge unless a rule asks for `basis: list`.
   */
  priceBook?: PriceBook;
}

/** The gate's outcome: estimates of head (and base), their diff, and the verdict when policies were given. */
export interface GateOutcome {
  head: Estimate;
  base?: Estimate;
  diff?: EstimateDiff;
  verdict?: Verdict;
  /**
   * When the usage file defines scenarios: head (and base) priced with each scenario's usage, by name, `expected`
   * first (the same estimates as `head` and `base`). Rules judge `expected` unless they name a scenario or `all`.
   */
  scenarios?: Record<string, { head: Estimate; base?: Estimate }>;
}

/**
 * The one gate pipeline (plan → pricing → policy): price head and base together — one price lookup, the same
 * prices on both sides — then diff them and evaluate the policies. The CLI commands and the Action call this;
 * the synth-time aspect calls `runGateSync`. Loading inputs (plans, usage, policies) and rendering stay at the
 * edges. Throws CostgateError on bad input (e.g. an unknown instance type without `allowUnknownInstanceTypes`).
 */
export async function runGate(req: GateRequest, pricing: EstimateOptions = {}): Promise<GateOutcome> {
  const plans = plansOf(req);
  const { names, passes } = scenarioPasses(pricedOn(req, pricing));
  const priced: Estimate[][] = [];
  for (const pass of passes) priced.push(await estimatePlans(plans, pass));
  // Usage entries that match no resource of either plan are typos until shown otherwise: say so on each side.
  if (pricing.usage) {
    const unmatched = unmatchedUsageWarnings(pricing.usage, plans);
    for (const e of priced[0]!) e.warnings.push(...unmatched);
  }
  return judged(req, names, priced);
}

/**
 * `runGate` with the embedded snapshot, synchronously (cdktf aspects cannot await). Same result for the same
 * prices, except unmatched usage entries: the aspect judges one stack of an app-wide usage file and checks them
 * itself.
 */
export function runGateSync(req: GateRequest, pricing: SyncEstimateOptions = {}): GateOutcome {
  const plans = plansOf(req);
  const { names, passes } = scenarioPasses(pricedOn(req, pricing));
  return judged(req, names, passes.map((pass) => estimatePlansSync(plans, pass)));
}

/**
 * The pricing passes: one per usage scenario, each with that scenario's usage (prices are the same; only
 * quantities differ), `expected` first; a single pass when the usage file defines no scenarios.
 */
function scenarioPasses<P extends { usage?: Usage }>(pricing: P): { names: string[]; passes: P[] } {
  const names = pricing.usage ? scenarioNames(pricing.usage) : [];
  if (names.length === 0) return { names, passes: [pricing] };
  return { names, passes: names.map((name) => ({ ...pricing, usage: scenarioUsage(pricing.usage!, name) })) };
}

/**
 * The pricing options with the request's price book and one date for the whole gate: prices that change on a date
 * (EKS support, price-book validity) are read on the day policies are judged (`--today`). The pricing options'
 * own price book and date win when given.
 */
function pricedOn<P extends { priceBook?: PriceBook; today?: string }>(req: GateRequest, pricing: P): P {
  const today = pricing.today ?? req.evaluation?.today;
  const priceBook = pricing.priceBook ?? req.priceBook;
  return { ...pricing, ...(priceBook ? { priceBook } : {}), ...(today ? { today } : {}) };
}

/** Head (and base) to price; a lone cdk.tf.json named after its folder takes the other side's stack name. */
function plansOf(req: GateRequest): Plan[] {
  if (!req.base) return [req.head];
  const [base, head] = pairLoneStacks(req.base, req.head);
  return [head, base];
}

function judged(req: GateRequest, names: string[], priced: Estimate[][]): GateOutcome {
  const [head, base] = priced[0]!;
  const out: GateOutcome = { head: head! };
  if (base) {
    out.base = base;
    out.diff = diffEstimates(base, head!);
  }
  if (names.length) {
    out.scenarios = Object.fromEntries(names.map((n, i) => [n, { head: priced[i]![0]!, ...(priced[i]![1] ? { base: priced[i]![1] } : {}) }]));
    head!.scenarios = names.map((n, i) => scenarioSummary(n, priced[i]![0]!));
  }
  if (req.policies && req.policies.length > 0)
    out.verdict = evaluatePolicies(req.policies, head!, { ...req.evaluation, ...(base ? { base } : {}), ...(out.scenarios ? { scenarios: out.scenarios } : {}) });
  return out;
}
