import type { Enforcement } from "../../src/policy/verdict.js";

/** Which findings fail synth: those at this enforcement level or stricter. */
export type FailSynthOn = "hard-mandatory" | "soft-mandatory" | "advisory";

const RANK: Record<Enforcement, number> = { advisory: 0, "soft-mandatory": 1, "hard-mandatory": 2 };

/**
 * True when a finding fails synth. By default only hard-mandatory findings do: a soft-mandatory finding is for
 * the pull-request gate to decide (an approver can override it there), so synth reports it as a warning and
 * leaves the decision to the gate.
 */
export function failsSynth(enforcement: Enforcement, failOn: FailSynthOn = "hard-mandatory"): boolean {
  return RANK[enforcement] >= RANK[failOn];
}

/**
 * Rephrase engine messages for the construct API: at synth there is no command line, so remedies that name
 * CLI flags name the `applyCostGovernance` option, or the gate that can evaluate them, instead.
 */
export function forConstructApi(message: string): string {
  return message
    .replace(/\s*\(or pass --allow-unknown-types\)/g, " (or set `allowUnknownInstanceTypes: true` in applyCostGovernance)")
    .replace(/\s*\(pass --base\)/g, " (there is none at synth; the pull-request gate, `costgate check --base`, evaluates it)")
    .replace(/no --environment was given/g, "no `environment` option was given")
    .replace(/--override\b/g, "the `overrides` option");
}

/**
 * Where synth-time feedback goes when the app runs in-process (`node main.js`): cdktf and cdktn synth print
 * nothing themselves then. Their CLIs (`cdktf synth`) print annotations and set
 * CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS for the app, so the default prints only without that variable.
 */
export function synthPrinter(print: boolean | ((line: string) => void) | undefined): ((line: string) => void) | undefined {
  if (typeof print === "function") return print;
  const on = print ?? !process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
  return on ? (line) => process.stderr.write(`${line}\n`) : undefined;
}
