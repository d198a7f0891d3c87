import { basename } from "node:path";
import type { IConstruct } from "constructs";
import type { Estimate, ResourceEstimate } from "../../src/pricing/estimate.js";
import { usd } from "../../src/money.js";
import { rangeNote } from "../../src/report/cost-cell.js";
import type { Finding, Verdict } from "../../src/policy/verdict.js";
import type { AnnotationLedger } from "../framework/annotation-ledger.js";
import type { AnnotationLevel } from "../framework/annotate.js";
import { failsSynth, forConstructApi, type FailSynthOn } from "./synth-feedback.js";

/** How findings are reported at synth. */
export interface SynthReporting {
  /** Which findings are errors (fail synth); the others are warnings. Default "hard-mandatory". */
  readonly failSynthOn?: FailSynthOn | undefined;
  /** Receives the summary and one line per finding (in-process synth prints nothing by itself). */
  readonly print?: ((line: string) => void) | undefined;
}

/**
 * Turn a stack's verdict and estimate into annotations: findings at `failSynthOn` or stricter are errors (they
 * fail synth), other findings warnings, waived ones info; the stack gets its estimated monthly cost as info.
 * With `print`, the cost summary and every error and warning are also printed, one line each.
 */
export function reportGovernance(
  stack: IConstruct,
  estimate: Estimate,
  verdict: Verdict,
  byPath: ReadonlyMap<string, IConstruct>,
  ledger: AnnotationLedger,
  reporting: SynthReporting = {},
): void {
  const lines: string[] = [];
  const add = (node: IConstruct, level: AnnotationLevel, message: string) => {
    ledger.add(node, level, message);
    if (level !== "info") lines.push(`[${node.node.path}] ${level === "error" ? "ERROR" : "WARN"} ${message}`);
  };
  for (const f of verdict.findings) {
    add(nodeFor(f, stack, byPath), failsSynth(f.enforcement, reporting.failSynthOn) ? "error" : "warn", findingMessage(f));
  }
  for (const f of verdict.waived) {
    const why = f.exemption ? `exempted: ${f.exemption.reason} (${f.exemption.owner}, until ${f.exemption.expires})` : f.override ? `overridden by ${f.override.approvedBy}: ${f.override.reason}` : "waived";
    ledger.add(nodeFor(f, stack, byPath), "info", `${findingMessage(f)} — ${why}`);
  }
  for (const note of [...verdict.exemptionNotes, ...verdict.compositionNotes, ...(verdict.notes ?? [])]) ledger.add(stack, "info", `costgate: ${forConstructApi(note)}`);
  const summary = costSummary(estimate);
  ledger.add(stack, "info", summary);
  if (reporting.print) for (const line of [`[${stack.node.path}] ${summary}`, ...lines]) reporting.print(line);
}

function nodeFor(f: Finding, stack: IConstruct, byPath: ReadonlyMap<string, IConstruct>): IConstruct {
  return (f.constructPath && byPath.get(f.constructPath)) || stack;
}

export function findingMessage(f: Finding): string {
  return `costgate [${f.ruleId}] ${forConstructApi(f.message)} (${f.enforcement}, ${basename(f.policyFile)})`;
}

/** One line: the stack's monthly cost, its on-demand worst case, and what is not counted. */
export function costSummary(estimate: Estimate): string {
  const stacks = estimate.stacks;
  const resources = stacks.flatMap((s) => s.resources);
  const cost = stacks.reduce((a, s) => a + s.monthlyCost, 0);
  const onDemand = stacks.reduce((a, s) => a + s.monthlyCostOnDemand, 0);
  const t = estimate.totals;
  // The range at minimum and maximum capacity when elastic; a lower bound (≥) when part is not priced.
  const parts = [`costgate: estimated ${t.notPriced > 0 ? "≥ " : ""}${usd(cost)}/month${t.notPriced > 0 ? "" : rangeNote(t.range)}`];
  if (onDemand > cost + 0.005) parts.push(`(${usd(onDemand)}/month if spot capacity is unavailable)`);
  parts.push(`for ${t.resources} resource${t.resources === 1 ? "" : "s"}`);
  const list = (rs: ResourceEstimate[]) => rs.slice(0, 5).map((r) => r.address).join(", ") + (rs.length > 5 ? `, +${rs.length - 5} more` : "");
  const notCounted = resources.filter((r) => r.status === "unpriced" || r.status === "partial" || r.status === "unsupported");
  const usage = resources.filter((r) => r.status === "usage-based");
  const extra: string[] = [];
  if (notCounted.length) extra.push(`not (fully) priced: ${list(notCounted)}`);
  if (usage.length) extra.push(`usage-based, not counted without a usage file: ${list(usage)}`);
  return parts.join(" ") + (extra.length ? `; ${extra.join("; ")}` : "");
}
