import * as core from "@actions/core";
import { appendFile } from "node:fs/promises";
import { EOL } from "node:os";
import type { Finding, Verdict } from "../policy/verdict.js";
import { clip, normalizeText } from "../report/escape-markdown.js";

/** GitHub shows at most 10 error and 10 warning annotations per step; more are dropped silently. */
export const MAX_ANNOTATIONS_PER_LEVEL = 10;

export interface AnnotationCounts {
  errors: number;
  warnings: number;
  notAnnotated: number;
}

/**
 * One annotation per remaining finding: mandatory → error, advisory → warning, up to GitHub's cap, then a
 * single notice saying how many more there are. Waived findings are reported in the summary only.
 */
export function annotateFindings(verdict: Verdict, sink: Pick<typeof core, "error" | "warning" | "notice"> = core): AnnotationCounts {
  const mandatory = verdict.findings.filter((f) => f.enforcement !== "advisory");
  const advisory = verdict.findings.filter((f) => f.enforcement === "advisory");
  const errors = mandatory.slice(0, MAX_ANNOTATIONS_PER_LEVEL);
  const warnings = advisory.slice(0, MAX_ANNOTATIONS_PER_LEVEL);
  for (const f of errors) sink.error(annotationText(f), { title: `costgate ${f.enforcement}: ${f.ruleId}` });
  for (const f of warnings) sink.warning(annotationText(f), { title: `costgate advisory: ${f.ruleId}` });
  const notAnnotated = verdict.findings.length - errors.length - warnings.length;
  if (notAnnotated > 0)
    sink.notice(`${notAnnotated} more costgate finding${notAnnotated === 1 ? "" : "s"} not annotated (GitHub shows ${MAX_ANNOTATIONS_PER_LEVEL} per level); see the job summary`, {
      title: "costgate",
    });
  return { errors: errors.length, warnings: warnings.length, notAnnotated };
}

/** Annotations are plain text; core escapes the command syntax. One line, capped. */
function annotationText(f: Finding): string {
  const target = f.address ? `${f.stack ? `${f.stack}/` : ""}${f.address}` : f.stack ? `stack ${f.stack}` : "plan";
  return clip(normalizeText(`${target}: ${f.message}`), 1000);
}

/**
 * Append Markdown (and a line end) to the job summary file `env.GITHUB_STEP_SUMMARY`, as `core.summary` does;
 * false (with a log line) when the runner gave no summary file. Written here rather than through `core.summary`,
 * which reads the path from `process.env` and keeps the first one it saw: the file is the one of `env`.
 */
export async function writeJobSummary(markdown: string, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  if (!env.GITHUB_STEP_SUMMARY) {
    core.info("GITHUB_STEP_SUMMARY is not set; the report is not written to a job summary");
    return false;
  }
  await appendFile(env.GITHUB_STEP_SUMMARY, `${markdown}${EOL}`, "utf8");
  return true;
}
