import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { EstimateDiff } from "../pricing/diff-estimates.js";
import type { Estimate } from "../pricing/estimate.js";
import type { Override, Verdict } from "../policy/verdict.js";
import { estimateToJson } from "../report/estimate-json.js";
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
 * The action's JSON report: head and base estimates (`costgate.estimate/v2`), the diff without its
 * embedded estimates, the verdict (`costgate.verdict/v1`), overrides and what happened to the comment.
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
    ...(r.diff
      ? {
          diff: {
            schemaVersion: r.diff.schemaVersion,
            totals: r.diff.totals,
            stacks: r.diff.stacks,
            resources: r.diff.resources.map(({ base: _b, head: _h, ...rest }) => rest),
          },
        }
      : {}),
    head: estimateToJson(r.head),
    ...(r.base ? { base: estimateToJson(r.base) } : {}),
  };
}

export function writeJsonFile(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(value, null, 2) + "\n");
}
