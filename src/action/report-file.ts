import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import type { EstimateDiff } from "../pricing/diff-estimates.js";
import type { Estimate } from "../pricing/estimate.js";
import type { Override, Verdict } from "../policy/verdict.js";
import { writeJson, type JsonStreamOptions } from "../report/json-stream.js";
import type { CommentOutcome } from "./sticky-comment.js";

export const ACTION_REPORT_SCHEMA_VERSION = "costgate.action-report/v1";

export interface ActionReportInput {
  head: Estimate;
  base?: Estimate;
  diff?: EstimateDiff;
  verdict?: Verdict;
  overrides: Override[];
  pullRequest?: { number: number; headSha: string; baseSha: string };
  /** Where the policies were read from: the base commit, the checkout, base plus files the PR added, or none. */
  policySource: "base" | "head" | "base+pull-request" | "none";
  comment?: CommentOutcome;
  notices: string[];
}

/**
 * What the report leaves out, without copying anything: raw resource attributes of both estimates, and the
 * diff's per-resource embedded estimates (its rows keep their keys, deltas and statuses).
 */
export const ACTION_REPORT_OMIT: JsonStreamOptions["omit"] = {
  "head.stacks.*.resources.*": ["attributes"],
  "base.stacks.*.resources.*": ["attributes"],
  "diff.resources.*": ["base", "head"],
};

/**
 * The action's JSON report: head and base estimates (`costgate.estimate/v2`), the diff without its
 * embedded estimates, the verdict (`costgate.verdict/v1`), overrides and what happened to the comment.
 * The estimates are the live objects, not copies: write it with ACTION_REPORT_OMIT (writeActionReport does).
 */
export function actionReport(r: ActionReportInput): unknown {
  return {
    schemaVersion: ACTION_REPORT_SCHEMA_VERSION,
    ...(r.pullRequest ? { pullRequest: r.pullRequest } : {}),
    totals: {
      headMonthlyCost: r.head.totals.monthlyCost,
      ...(r.diff ? { baseMonthlyCost: r.diff.totals.baseMonthlyCost, delta: r.diff.totals.delta, deltaPct: r.diff.totals.deltaPct } : {}),
    },
    verdict: r.verdict ?? null,
    overrides: r.overrides,
    policySource: r.policySource,
    ...(r.comment ? { comment: r.comment } : {}),
    notices: r.notices,
    ...(r.diff ? { diff: { schemaVersion: r.diff.schemaVersion, totals: r.diff.totals, stacks: r.diff.stacks, resources: r.diff.resources } } : {}),
    head: r.head,
    ...(r.base ? { base: r.base } : {}),
  };
}

/** Write the action's report to `path` (directories created), streamed in chunks: any plan size, no copy. */
export function writeActionReport(path: string, r: ActionReportInput): void {
  writeJsonFile(path, actionReport(r), { omit: ACTION_REPORT_OMIT });
}

/** Write `value` as `JSON.stringify(value, null, 2) + "\n"` to `path`, in chunks (directories created). */
export function writeJsonFile(path: string, value: unknown, opts: JsonStreamOptions = {}): void {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, "w");
  try {
    writeJson(value, (chunk) => writeSync(fd, chunk), opts);
  } finally {
    closeSync(fd);
  }
}
