import * as core from "@actions/core";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { CliIO } from "../cli/cli-io.js";
import { resolvePriceSources } from "../cli/price-options.js";
import { isCostgateError } from "../errors.js";
import { loadPlan } from "../plan/load-plan.js";
import type { Plan } from "../plan/resource.js";
import { evaluatePolicies } from "../policy/evaluate-policies.js";
import { parsePolicy } from "../policy/load-policy.js";
import type { Override, Verdict } from "../policy/verdict.js";
import { diffEstimates, type EstimateDiff } from "../pricing/diff-estimates.js";
import type { Estimate } from "../pricing/estimate.js";
import { estimatePlans } from "../pricing/estimate-plans.js";
import { EMPTY_USAGE, loadUsageFile } from "../pricing/usage.js";
import { escapeMarkdown } from "../report/escape-markdown.js";
import { hasPricedChanges, renderMarkdownReport } from "../report/markdown.js";
import { defaultArtifactFor, renderSarif } from "../report/sarif.js";
import { GITHUB_COMMENT_MAX_CHARS, GITHUB_SUMMARY_MAX_CHARS } from "../report/truncate-markdown.js";
import { withSynthesizedBase } from "./base-synth.js";
import { createGitHubClient, describeApiError, httpStatus, isPermissionError, type GitHubClient } from "./github-client.js";
import { envInputReader, readInputs, type ActionInputs } from "./inputs.js";
import { annotateFindings, writeJobSummary } from "./job-report.js";
import { findLabelOverride } from "./label-override.js";
import { overrideSettings } from "./override-settings.js";
import { readPolicyTexts } from "./policy-files.js";
import { readRunContext, type PullRequestInfo, type RunContext } from "./pull-request.js";
import { actionReport, writeJsonFile } from "./report-file.js";
import { commentMarker, publishStickyComment, type CommentOutcome } from "./sticky-comment.js";

/**
 * The action: price base and head, evaluate the policies (read from the base branch), write the JSON report,
 * SARIF, outputs and annotations, post or update the sticky PR comment, write the job summary, and fail the
 * step — after reporting — when findings remain that `fail-on` counts. Never throws.
 */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    await runAction(env);
  } catch (e) {
    const message = isCostgateError(e) ? e.message : `internal error: ${(e as Error)?.message ?? String(e)}`;
    if (!isCostgateError(e)) core.debug((e as Error)?.stack ?? "");
    await writeJobSummary(`## ❌ costgate could not run\n\n${escapeMarkdown(message, { maxLength: 2000 })}\n`, env).catch(() => false);
    core.setFailed(`costgate: ${message}`);
  }
}

async function runAction(env: NodeJS.ProcessEnv): Promise<void> {
  const inputs = readInputs(envInputReader(env));
  if (inputs.githubToken) core.setSecret(inputs.githubToken);
  const ctx = readRunContext(env);
  const pr = ctx.pullRequest;
  const cwd = process.cwd();
  const gh = inputs.githubToken ? createGitHubClient(inputs.githubToken, env) : undefined;
  /** Plain-text notices for the reader (escaped when rendered). */
  const notices: string[] = [];

  // Price base and head together: one price lookup, the same prices on both sides.
  const { head, base } = await core.group("Price base and head", () => priceBaseAndHead(inputs, pr, env, cwd, notices));
  const diff: EstimateDiff | undefined = base ? diffEstimates(base, head) : undefined;

  const { verdict, overrides } = await core.group("Evaluate policies", () => evaluate(inputs, ctx, gh, cwd, head, base, notices));

  // Files and outputs first: they must exist even if commenting fails.
  const reportPath = resolve(cwd, inputs.reportPath ?? join(env.RUNNER_TEMP || tmpdir(), "costgate", "report.json"));
  let sarifPath: string | undefined;
  if (inputs.sarifPath) {
    sarifPath = resolve(cwd, inputs.sarifPath);
    const artifactFor = defaultArtifactFor(head);
    writeJsonFile(sarifPath, renderSarif(verdict ?? emptyVerdict(), head, { artifactFor: (f) => artifactFor(f).replace(/@[0-9a-f]{7}$/, "") }));
  }
  setOutputs(head, diff, verdict, reportPath, sarifPath);
  if (verdict) annotateFindings(verdict);

  const comment = await core.group("Pull request comment", () => publishComment(inputs, ctx, gh, head, diff, verdict, notices));
  if (comment && "id" in comment) {
    core.setOutput("comment-id", String(comment.id));
    core.setOutput("comment-url", comment.url);
  }

  writeJsonFile(
    reportPath,
    actionReport({
      head,
      ...(base ? { base } : {}),
      ...(diff ? { diff } : {}),
      ...(verdict ? { verdict } : {}),
      overrides,
      ...(pr ? { pullRequest: { number: pr.number, headSha: pr.headSha, baseSha: pr.baseSha } } : {}),
      policySource: inputs.policySource,
      ...(comment ? { comment } : {}),
      notices,
    }),
  );
  await writeJobSummary(render(inputs, ctx, head, diff, verdict, notices, GITHUB_SUMMARY_MAX_CHARS), env);

  const failure = failureMessage(inputs, verdict);
  if (failure) core.setFailed(failure);
}

async function priceBaseAndHead(inputs: ActionInputs, pr: PullRequestInfo | undefined, env: NodeJS.ProcessEnv, cwd: string, notices: string[]) {
  const planOpts = { defaultRegion: inputs.region };
  const headPlan = loadPlan(inputs.path, planOpts);
  let basePlan: Plan | undefined;
  if (inputs.basePath) {
    basePlan = loadPlan(inputs.basePath, planOpts);
  } else if (inputs.synthCommand && pr?.baseSha) {
    basePlan = await withSynthesizedBase(
      { command: inputs.synthCommand, baseSha: pr.baseSha, headPath: inputs.path, cwd, tempRoot: env.RUNNER_TEMP || tmpdir(), env, log: core.info },
      (p) => ({ ...loadPlan(p, planOpts), input: `${inputs.path}@${pr.baseSha.slice(0, 7)}` }),
    );
  } else if (inputs.synthCommand) {
    notices.push("synth-command needs a pull_request event (a base commit); only the head was priced");
  }
  const usage = inputs.usage ? loadUsageFile(inputs.usage) : EMPTY_USAGE;
  // No on-disk price cache in the action: any process of the job's user (the PR's own build steps, a restored
  // actions/cache) could plant entries there. Prices are fetched fresh and deduplicated in memory for this run.
  const sources = await resolvePriceSources(
    { prices: inputs.prices, "no-cache": true, ...(inputs.spotDiscount ? { "spot-discount": inputs.spotDiscount } : {}) },
    actionIO(env, cwd),
  );
  if (inputs.prices !== "snapshot") core.info(`Prices: ${sources.mode === "aws" ? "AWS Price List API" : "embedded snapshot (no AWS credentials found)"}`);
  const opts = { usage, prices: sources.prices, spot: sources.spot, allowUnknownInstanceTypes: inputs.allowUnknownTypes };
  if (!basePlan) {
    const [head] = await estimatePlans([headPlan], opts);
    return { head: head! };
  }
  const [head, base] = await estimatePlans([headPlan, basePlan], opts);
  return { head: head!, base: base! };
}

async function evaluate(
  inputs: ActionInputs,
  ctx: RunContext,
  gh: GitHubClient | undefined,
  cwd: string,
  head: Estimate,
  base: Estimate | undefined,
  notices: string[],
): Promise<{ verdict?: Verdict; overrides: Override[] }> {
  if (inputs.policies.length === 0) {
    core.info("No `policy` input: costs are reported without a verdict");
    return { overrides: [] };
  }
  const pr = ctx.pullRequest;
  const { policies: texts, notes } = await readPolicyTexts(inputs.policies, {
    source: inputs.policySource,
    ...(pr?.baseSha ? { baseSha: pr.baseSha } : {}),
    cwd,
    ...(gh ? { gh } : {}),
    owner: ctx.owner,
    repo: ctx.repo,
  });
  notices.push(...notes);
  for (const t of texts) core.info(`Policy ${t.path}: ${t.from === "base" ? `from the base commit (${t.label})` : "from the checkout"}`);
  const loaded = texts.map((t) => parsePolicy(t.text, t.label));

  const overrides: Override[] = [];
  const declared = overrideSettings(loaded);
  notices.push(...declared.notes);
  if (declared.settings && pr && gh) {
    const found = await findLabelOverride(gh, {
      owner: ctx.owner,
      repo: ctx.repo,
      issue: pr.number,
      label: declared.settings.label,
      minPermission: declared.settings.minPermission,
    });
    notices.push(...found.notes);
    if (found.override) {
      overrides.push(found.override);
      core.info(`Override: ${found.override.reason}`);
    }
  } else if (declared.settings && pr && !gh) notices.push(`no github-token: the override label "${declared.settings.label}" cannot be verified`);

  const verdict = evaluatePolicies(loaded, head, { ...(base ? { base } : {}), overrides });
  return { verdict, overrides };
}

async function publishComment(
  inputs: ActionInputs,
  ctx: RunContext,
  gh: GitHubClient | undefined,
  head: Estimate,
  diff: EstimateDiff | undefined,
  verdict: Verdict | undefined,
  notices: string[],
): Promise<CommentOutcome | undefined> {
  const pr = ctx.pullRequest;
  if (inputs.comment === "off") return undefined;
  if (!pr) {
    notices.push(`No pull request comment: the event is \`${ctx.eventName || "unknown"}\`, not a pull request; the report is in this summary`);
    return undefined;
  }
  if (!gh) {
    notices.push("No pull request comment: the `github-token` input is empty");
    return undefined;
  }
  const target = { owner: ctx.owner, repo: ctx.repo, issue: pr.number };
  // A re-run of an old commit must not overwrite the report of a newer one.
  try {
    const { data } = await gh.rest.pulls.get({ owner: ctx.owner, repo: ctx.repo, pull_number: pr.number });
    if (pr.headSha && data.head.sha !== pr.headSha) {
      notices.push(`No pull request comment: the pull request moved on to ${data.head.sha.slice(0, 7)} since this run's commit ${pr.headSha.slice(0, 7)}; the newer run reports`);
      return { action: "skipped", reason: "stale head", deleted: 0 };
    }
  } catch (e) {
    core.debug(`could not re-read the pull request head: ${describeApiError(e)}`);
  }
  // Notices so far are about the report itself; the ones added below are about the comment and go to the summary.
  const body = render(inputs, ctx, head, diff, verdict, [...notices], GITHUB_COMMENT_MAX_CHARS, true);
  try {
    const outcome = await publishStickyComment(gh, {
      ...target,
      marker: commentMarker(inputs.commentKey),
      author: inputs.commentAuthor,
      body,
      mode: inputs.comment,
      create: !diff || hasPricedChanges(diff) || inputs.commentWhenUnchanged,
    });
    if (outcome.action === "skipped") notices.push("No pull request comment: nothing priced changed (set `comment-when-unchanged: true` to comment anyway)");
    else core.info(`Comment ${outcome.action}: ${outcome.url}`);
    return outcome;
  } catch (e) {
    const why = isPermissionError(e)
      ? pr.fromFork
        ? "the pull request comes from a fork, so the token is read-only"
        : "the token cannot write pull request comments (grant `pull-requests: write`)"
      : httpStatus(e) === 422
        ? "GitHub rejected the comment body"
        : "the GitHub API call failed";
    const message = `No pull request comment: ${why} (${describeApiError(e)}). The verdict is in this summary and in the step's result.`;
    notices.push(message);
    core.warning(message);
    return { action: "skipped", reason: why, deleted: 0 };
  }
}

function render(
  inputs: ActionInputs,
  ctx: RunContext,
  head: Estimate,
  diff: EstimateDiff | undefined,
  verdict: Verdict | undefined,
  notices: string[],
  limit: number,
  forComment = false,
): string {
  return renderMarkdownReport({
    estimate: head,
    ...(diff ? { diff } : {}),
    ...(verdict ? { verdict } : {}),
    ...(forComment ? { marker: commentMarker(inputs.commentKey) } : {}),
    notices: notices.map((n) => escapeMarkdown(n, { maxLength: 600 })),
    footer: footer(inputs, ctx),
    topResources: inputs.topResources,
    limit,
    truncatedNote: forComment
      ? "\n_Shortened to fit GitHub's 65,536-character comment limit; the job summary has the full report._\n"
      : "\n_Shortened to fit the job summary size limit; the JSON report has everything._\n",
  });
}

function footer(inputs: ActionInputs, ctx: RunContext): string {
  const pr = ctx.pullRequest;
  const sha = (s: string | undefined) => (s && /^[0-9a-f]{7,64}$/i.test(s) ? `<code>${s.slice(0, 7)}</code>` : undefined);
  const parts = ["costgate"];
  if (pr && sha(pr.headSha)) parts.push(`head ${sha(pr.headSha)}`);
  if (pr && sha(pr.baseSha)) parts.push(`base ${sha(pr.baseSha)}`);
  if (inputs.policies.length > 0) parts.push(inputs.policySource === "base" && pr ? "policies from the base branch" : "policies from the checkout");
  if (ctx.runUrl && /^https?:\/\/[\w.:-]+\/[\w.-]+\/[\w.-]+\/actions\/runs\/\d+$/.test(ctx.runUrl)) parts.push(`[run](${ctx.runUrl})`);
  return `<sub>${parts.join(" · ")}</sub>`;
}

function setOutputs(head: Estimate, diff: EstimateDiff | undefined, verdict: Verdict | undefined, reportPath: string, sarifPath: string | undefined): void {
  core.setOutput("monthly-cost", head.totals.monthlyCost.toFixed(2));
  core.setOutput("base-monthly-cost", diff ? diff.totals.baseMonthlyCost.toFixed(2) : "");
  core.setOutput("delta", diff ? diff.totals.delta.toFixed(2) : "");
  core.setOutput("delta-percent", diff && diff.totals.deltaPct !== null ? diff.totals.deltaPct.toFixed(2) : "");
  core.setOutput("verdict", verdict?.status ?? "none");
  core.setOutput("findings", String(verdict?.findings.length ?? 0));
  core.setOutput("unpriced", String(head.totals.unpriced + head.totals.partial + head.totals.unsupported));
  core.setOutput("report-path", reportPath);
  core.setOutput("sarif-path", sarifPath ?? "");
}

/** Why the step fails, or undefined. Mandatory findings that remain (not waived) fail `fail-on: mandatory`. */
export function failureMessage(inputs: Pick<ActionInputs, "failOn">, verdict: Verdict | undefined): string | undefined {
  if (!verdict || inputs.failOn === "never") return undefined;
  const mandatory = verdict.findings.filter((f) => f.enforcement !== "advisory").length;
  if (mandatory > 0) return `costgate: ${mandatory} mandatory policy finding${mandatory === 1 ? "" : "s"} block this change (see the job summary)`;
  if (inputs.failOn === "any" && verdict.findings.length > 0)
    return `costgate: ${verdict.findings.length} advisory finding${verdict.findings.length === 1 ? "" : "s"} (fail-on: any)`;
  return undefined;
}

function emptyVerdict(): Verdict {
  return { status: "pass", findings: [], waived: [], exemptionNotes: [], compositionNotes: [], policyFiles: [] };
}

function actionIO(env: NodeJS.ProcessEnv, cwd: string): CliIO {
  return { stdout: (t) => core.info(t.trimEnd()), stderr: (t) => core.info(t.trimEnd()), isTTY: false, env, cwd };
}
