import * as core from "@actions/core";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { CostgateError, isCostgateError } from "../errors.js";
import { loadPlan } from "../plan/load-plan.js";
import type { Plan } from "../plan/resource.js";
import { runGate } from "../gate.js";
import { parsePolicy } from "../policy/load-policy.js";
import type { LoadedPolicy } from "../policy/policy-document.js";
import type { Finding, Override, Verdict } from "../policy/verdict.js";
import type { EstimateDiff } from "../pricing/diff-estimates.js";
import type { Estimate } from "../pricing/estimate.js";
import { awsClientSettings, spotDiscountSpec } from "../pricing/sources/price-source-settings.js";
import { selectPriceSources } from "../pricing/sources/select-price-sources.js";
import { escapeMarkdown } from "../report/escape-markdown.js";
import { hasPricedChanges, renderMarkdownReport } from "../report/markdown.js";
import { defaultArtifactFor, renderSarif } from "../report/sarif.js";
import { resourceLocator } from "../report/source-locations.js";
import { GITHUB_COMMENT_MAX_CHARS, GITHUB_SUMMARY_MAX_CHARS } from "../report/truncate-markdown.js";
import { withSynthesizedBase } from "./base-synth.js";
import { describeApiError, gitHubClientOnDemand, httpStatus, isPermissionError, type GitHubClientOnDemand } from "./github-client.js";
import { envInputReader, readInputs, type ActionInputs } from "./inputs.js";
import { annotateFindings, writeJobSummary } from "./job-report.js";
import { findLabelOverride } from "./label-override.js";
import { overrideSettings } from "./override-settings.js";
import { readPolicyTexts, type PolicyText } from "./policy-files.js";
import { restrictUntrustedPolicy } from "./untrusted-policy.js";
import { readActionUsage } from "./usage-files.js";
import { readActionPriceBook } from "./price-book-file.js";
import { addGateFindings, findUsageDiscounts, usageDiscountFindings } from "./usage-discounts.js";
import { fitSummaryBytes, GITHUB_SUMMARY_MAX_BYTES } from "./summary-size.js";
import { readRunContext, type RunContext } from "./pull-request.js";
import { writeActionReport, writeJsonFile } from "./report-file.js";
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
  const gh = inputs.githubToken ? gitHubClientOnDemand(inputs.githubToken, env, inputs.githubApiTimeout) : undefined;
  requireBaseWhereAsked(inputs, ctx);
  /** Plain-text notices for the reader (escaped when rendered). */
  const notices: string[] = [];

  // Policies (from the base commit) and approvals first: a broken policy is reported before any pricing work.
  const judge = await core.group("Read policies", () => readJudge(inputs, ctx, gh, cwd, notices));
  // Then the one gate pipeline: base and head priced together (one price lookup, the same prices on both
  // sides), diffed and evaluated.
  const { head, base, diff, verdict, overrides, policySource } = await core.group("Price and evaluate", () => gate(inputs, ctx, gh, env, cwd, notices, judge));

  // Files and outputs first: they must exist even if commenting fails.
  const reportPath = resolve(cwd, inputs.reportPath ?? join(env.RUNNER_TEMP || tmpdir(), "costgate", "report.json"));
  let sarifPath: string | undefined;
  if (inputs.sarifPath) {
    sarifPath = resolve(cwd, inputs.sarifPath);
    const artifactFor = defaultArtifactFor(head);
    writeJsonFile(
      sarifPath,
      renderSarif(verdict ?? emptyVerdict(), head, { artifactFor: (f) => artifactFor(f).replace(/@[0-9a-f]{7}$/, ""), locate: resourceLocator(head, { root: cwd }) }),
    );
  }
  setOutputs(head, diff, verdict, reportPath, sarifPath);
  if (verdict) annotateFindings(verdict);

  const comment = await core.group("Pull request comment", () => publishComment(inputs, ctx, gh, head, diff, verdict, notices, policySource));
  if (comment && "id" in comment) {
    core.setOutput("comment-id", String(comment.id));
    core.setOutput("comment-url", comment.url);
  }

  writeActionReport(
    reportPath,
    {
      head,
      ...(base ? { base } : {}),
      ...(diff ? { diff } : {}),
      ...(verdict ? { verdict } : {}),
      overrides,
      ...(pr ? { pullRequest: { number: pr.number, headSha: pr.headSha, baseSha: pr.baseSha } } : {}),
      policySource,
      ...(comment ? { comment } : {}),
      notices,
    },
  );
  // The runner's limit is 1 MiB of UTF-8; the renderer counts UTF-16 units, so fit by bytes.
  await writeJobSummary(
    fitSummaryBytes((limit: number) => render(inputs, ctx, head, diff, verdict, notices, limit, false, policySource), GITHUB_SUMMARY_MAX_CHARS, GITHUB_SUMMARY_MAX_BYTES),
    env,
  );

  const failure = failureMessage(inputs, verdict);
  if (failure) core.setFailed(failure);
}

/**
 * Fail before any work when the workflow asks for a base-commit source (policies, usage) on an event that has no
 * base commit: reading the checkout instead would silently trust the change being judged.
 */
function requireBaseWhereAsked(inputs: ActionInputs, ctx: RunContext): void {
  if (ctx.base) return;
  const asked = [
    ...(inputs.policies.length > 0 && inputs.policySource === "base" ? ["`policy-source: base`"] : []),
    ...(inputs.usage && inputs.usageSource === "base" ? ["`usage-source: base`"] : []),
    ...(inputs.priceBook && inputs.policySource === "base" && !(inputs.policies.length > 0) ? ["`policy-source: base` (for the price book)"] : []),
  ];
  if (asked.length === 0) return;
  throw new CostgateError(
    `${asked.join(" and ")} need${asked.length === 1 ? "s" : ""} a base commit, and the \`${ctx.eventName || "unknown"}\` event has none (pull_request, pull_request_target, pull_request_review, pull_request_review_comment and merge_group have one); run on those events, or set the source to \`head\` only where the checkout is trusted (e.g. pushes to a protected branch)`,
    "action inputs",
  );
}

/**
 * Load head (and base) plans and the trusted usage, choose the price sources, and run the gate. Usage from the
 * pull request that lowers a compute quantity below the trusted usage is priced both ways, shown, and judged
 * (`CG-USAGE-PR`).
 */
async function gate(inputs: ActionInputs, ctx: RunContext, gh: GitHubClientOnDemand | undefined, env: NodeJS.ProcessEnv, cwd: string, notices: string[], judge: Judge) {
  const planOpts = { defaultRegion: inputs.region };
  const headPlan = loadPlan(inputs.path, planOpts);
  const baseSha = ctx.base?.sha;
  let basePlan: Plan | undefined;
  if (inputs.basePath) {
    basePlan = loadPlan(inputs.basePath, planOpts);
  } else if (inputs.synthCommand && baseSha) {
    basePlan = await withSynthesizedBase(
      { command: inputs.synthCommand, baseSha, headPath: inputs.path, cwd, tempRoot: env.RUNNER_TEMP || tmpdir(), env, extraEnv: inputs.synthEnv, log: core.info },
      (p) => ({ ...loadPlan(p, planOpts), input: `${inputs.path}@${baseSha.slice(0, 7)}` }),
    );
  } else if (inputs.synthCommand) {
    notices.push(`synth-command needs a base commit, which the \`${ctx.eventName}\` event does not have; only the head was priced`);
  }
  const usage = await readActionUsage(inputs.usage, inputs.usageSource, baseSha, { cwd, ...(gh ? { gh } : {}), owner: ctx.owner, repo: ctx.repo });
  notices.push(...usage.notes);
  if (usage.label) core.info(`Usage ${inputs.usage}: ${usage.from === "base" ? `from the base commit (${usage.label})` : "from the checkout"}`);
  const priceBookFile = await readActionPriceBook(inputs.priceBook, inputs.policySource, baseSha, { cwd, ...(gh ? { gh } : {}), owner: ctx.owner, repo: ctx.repo });
  notices.push(...priceBookFile.notes);
  const priceBook = priceBookFile.book ? { priceBook: priceBookFile.book } : {};
  // No on-disk price cache in the action: any process of the job's user (the PR's own build steps, a restored
  // actions/cache) could plant entries there. Prices are fetched fresh and deduplicated in memory for this run.
  const sources = await selectPriceSources({
    mode: inputs.prices,
    spotDiscount: spotDiscountSpec(inputs.spotDiscount, "spot-discount"),
    ...(inputs.prices !== "snapshot" ? { aws: awsClientSettings(env, {}) } : {}),
    ...(env.AWS_ENDPOINT_URL_EC2 ? { ec2Endpoint: env.AWS_ENDPOINT_URL_EC2 } : {}),
    onNoCredentials: () => notices.push(`\`prices: ${inputs.prices}\`: no AWS credentials found; the embedded price snapshot was used`),
  });
  if (inputs.prices !== "snapshot") core.info(`Prices: ${sources.mode === "aws" ? "AWS Price List API" : "embedded snapshot (no AWS credentials found)"}`);
  const pricing = { usage: usage.usage, prices: sources.prices, spot: sources.spot, allowUnknownInstanceTypes: inputs.allowUnknownTypes };
  const outcome = await runGate(
    { head: headPlan, ...(basePlan ? { base: basePlan } : {}), policies: judge.policies, evaluation: { overrides: judge.overrides }, ...priceBook },
    pricing,
  );
  // Usage from the pull request: every compute quantity it lowers below the trusted usage is shown and judged.
  let gateFindings: Finding[] = [];
  if (usage.usage !== usage.trusted) {
    const { head: trustedHead } = await runGate({ head: headPlan, ...priceBook }, { ...pricing, usage: usage.trusted });
    const discounts = findUsageDiscounts(trustedHead, outcome.head);
    for (const d of discounts.slice(0, 10))
      notices.push(`usage from the pull request lowers ${d.stack}/${d.address} ${d.component} to ${d.usageQuantity} ${d.unit}/month (the plan says ${d.trustedQuantity})`);
    if (discounts.length > 10) notices.push(`usage from the pull request lowers ${discounts.length - 10} more compute components`);
    gateFindings = usageDiscountFindings(discounts, usage.label ?? inputs.usage ?? "usage");
  }
  if (judge.policies.length === 0 && gateFindings.length > 0)
    notices.push(`${gateFindings.length} usage finding${gateFindings.length === 1 ? "" : "s"} not judged: no \`policy\` input`);
  const verdict = outcome.verdict ? addGateFindings(outcome.verdict, gateFindings, judge.overrides) : undefined;
  return {
    head: outcome.head,
    ...(outcome.base ? { base: outcome.base } : {}),
    ...(outcome.diff ? { diff: outcome.diff } : {}),
    ...(verdict ? { verdict } : {}),
    overrides: judge.overrides,
    policySource: judge.policySource,
  };
}

/** The policies to judge with (from the base commit, restricted when a file is new in the pull request) and the approvals. */
interface Judge {
  policies: LoadedPolicy[];
  overrides: Override[];
  policySource: PolicySourceUsed;
}

async function readJudge(inputs: ActionInputs, ctx: RunContext, gh: GitHubClientOnDemand | undefined, cwd: string, notices: string[]): Promise<Judge> {
  if (inputs.policies.length === 0) {
    core.info("No `policy` input: costs are reported without a verdict");
    return { policies: [], overrides: [], policySource: "none" };
  }
  const pr = ctx.pullRequest;
  const { policies: texts, notes } = await readPolicyTexts(inputs.policies, {
    source: inputs.policySource,
    ...(ctx.base ? { baseSha: ctx.base.sha } : {}),
    cwd,
    ...(gh ? { gh } : {}),
    owner: ctx.owner,
    repo: ctx.repo,
  });
  notices.push(...notes);
  for (const t of texts) core.info(`Policy ${t.path}: ${t.from === "base" ? `from the base commit (${t.label})` : t.from === "pull-request" ? "from the checkout (not on the base commit: may only add or tighten rules)" : "from the checkout"}`);
  const loaded = texts.map((t) => (t.from === "pull-request" ? restrictUntrustedPolicy(parsePolicy(t.text, t.label)) : parsePolicy(t.text, t.label)));

  const overrides: Override[] = [];
  const declared = overrideSettings(loaded);
  notices.push(...declared.notes);
  if (declared.settings && pr && gh) {
    const found = await findLabelOverride(await gh(), {
      owner: ctx.owner,
      repo: ctx.repo,
      issue: pr.number,
      label: declared.settings.label,
      minPermission: declared.settings.minPermission,
      headSha: pr.headSha,
    });
    notices.push(...found.notes);
    if (found.override) {
      overrides.push(found.override);
      core.info(`Override: ${found.override.reason}`);
    }
  } else if (declared.settings && pr && !gh) notices.push(`no github-token: the override label "${declared.settings.label}" cannot be verified`);

  return { policies: loaded, overrides, policySource: policySourceUsed(texts) };
}

/** Where the policies were actually read from (never the input's wish): all base, all checkout, or both. */
type PolicySourceUsed = "base" | "head" | "base+pull-request" | "none";

function policySourceUsed(texts: readonly PolicyText[]): PolicySourceUsed {
  if (texts.every((t) => t.from === "base")) return "base";
  if (texts.every((t) => t.from === "head")) return "head";
  return "base+pull-request";
}

async function publishComment(
  inputs: ActionInputs,
  ctx: RunContext,
  gh: GitHubClientOnDemand | undefined,
  head: Estimate,
  diff: EstimateDiff | undefined,
  verdict: Verdict | undefined,
  notices: string[],
  policySource: PolicySourceUsed,
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
  const client = await gh();
  // A re-run of an old commit must not overwrite the report of a newer one.
  try {
    const { data } = await client.rest.pulls.get({ owner: ctx.owner, repo: ctx.repo, pull_number: pr.number });
    if (pr.headSha && data.head.sha !== pr.headSha) {
      notices.push(`No pull request comment: the pull request moved on to ${data.head.sha.slice(0, 7)} since this run's commit ${pr.headSha.slice(0, 7)}; the newer run reports`);
      return { action: "skipped", reason: "stale head", deleted: 0 };
    }
  } catch (e) {
    core.debug(`could not re-read the pull request head: ${describeApiError(e)}`);
  }
  // Notices so far are about the report itself; the ones added below are about the comment and go to the summary.
  const body = render(inputs, ctx, head, diff, verdict, [...notices], GITHUB_COMMENT_MAX_CHARS, true, policySource);
  try {
    const outcome = await publishStickyComment(client, {
      ...target,
      marker: commentMarker(inputs.commentKey),
      author: inputs.commentAuthor,
      body,
      mode: inputs.comment,
      // Findings are always shown: a usage discount can make a real change look unpriced-unchanged.
      create: !diff || hasPricedChanges(diff) || inputs.commentWhenUnchanged || (verdict?.findings.length ?? 0) > 0,
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
  policySource: PolicySourceUsed = "none",
): string {
  return renderMarkdownReport({
    estimate: head,
    ...(diff ? { diff } : {}),
    ...(verdict ? { verdict } : {}),
    ...(forComment ? { marker: commentMarker(inputs.commentKey) } : {}),
    notices: notices.map((n) => escapeMarkdown(n, { maxLength: 600 })),
    footer: footer(inputs, ctx, policySource),
    topResources: inputs.topResources,
    limit,
    truncatedNote: forComment
      ? "\n_Shortened to fit GitHub's 65,536-character comment limit; the job summary has the full report._\n"
      : "\n_Shortened to fit the job summary size limit; the JSON report has everything._\n",
  });
}

function footer(inputs: ActionInputs, ctx: RunContext, policySource: PolicySourceUsed): string {
  const pr = ctx.pullRequest;
  const sha = (s: string | undefined) => (s && /^[0-9a-f]{7,64}$/i.test(s) ? `<code>${s.slice(0, 7)}</code>` : undefined);
  const parts = ["costgate"];
  if (pr && sha(pr.headSha)) parts.push(`head ${sha(pr.headSha)}`);
  if (pr && sha(pr.baseSha)) parts.push(`base ${sha(pr.baseSha)}`);
  const base = ctx.base && sha(ctx.base.sha);
  if (!pr && base) parts.push(`base ${base}`);
  if (policySource === "base") parts.push("policies from the base commit");
  else if (policySource === "base+pull-request") parts.push("policies from the base commit, plus files this pull request adds (add or tighten only)");
  else if (policySource === "head") parts.push("policies from the checkout");
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
