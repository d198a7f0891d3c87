import type { Plan } from "./plan/resource.js";
import { evaluatePolicies, type EvaluateOptions } from "./policy/evaluate-policies.js";
import type { LoadedPolicy } from "./policy/policy-document.js";
import type { Verdict } from "./policy/verdict.js";
import { diffEstimates, type EstimateDiff } from "./pricing/diff-estimates.js";
import type { Estimate } from "./pricing/estimate.js";
import { estimatePlans, estimatePlansSync, type EstimateOptions, type SyncEstimateOptions } from "./pricing/estimate-plans.js";

/** What the gate judges: the head plan, optionally the base it is compared with, and the policies. */
export interface GateRequest {
  head: Plan;
  /** The plan of the base commit (a PR's target, `--base`). */
  base?: Plan;
  /** Policies to evaluate; none: the gate only prices (and diffs). */
  policies?: readonly LoadedPolicy[];
  /** Overrides, today's date and the default environment for evaluation (the base comes from `base`). */
  evaluation?: Omit<EvaluateOptions, "base">;
}

/** The gate's outcome: estimates of head (and base), their diff, and the verdict when policies were given. */
export interface GateOutcome {
  head: Estimate;
  base?: Estimate;
  diff?: EstimateDiff;
  verdict?: Verdict;
}

/**
 * The one gate pipeline (plan → pricing → policy): price head and base together — one price lookup, the same
 * prices on both sides — then diff them and evaluate the policies. The CLI commands and the Action call this;
 * the synth-time aspect calls `runGateSync`. Loading inputs (plans, usage, policies) and rendering stay at the
 * edges. Throws CostgateError on bad input (e.g. an unknown instance type without `allowUnknownInstanceTypes`).
 */
export async function runGate(req: GateRequest, pricing: EstimateOptions = {}): Promise<GateOutcome> {
  return judged(req, await estimatePlans(req.base ? [req.head, req.base] : [req.head], pricing));
}

/** `runGate` with the embedded snapshot, synchronously (cdktf aspects cannot await). Same result for the same prices. */
export function runGateSync(req: GateRequest, pricing: SyncEstimateOptions = {}): GateOutcome {
  return judged(req, estimatePlansSync(req.base ? [req.head, req.base] : [req.head], pricing));
}

function judged(req: GateRequest, [head, base]: Estimate[]): GateOutcome {
  const out: GateOutcome = { head: head! };
  if (base) {
    out.base = base;
    out.diff = diffEstimates(base, head!);
  }
  if (req.policies && req.policies.length > 0) out.verdict = evaluatePolicies(req.policies, head!, { ...req.evaluation, ...(base ? { base } : {}) });
  return out;
}
