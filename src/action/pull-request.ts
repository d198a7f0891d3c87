import { readFileSync } from "node:fs";
import { CostgateError } from "../errors.js";

/** What the action needs from the workflow run (environment + event payload). */
export interface RunContext {
  eventName: string;
  owner: string;
  repo: string;
  /** Set for events about one pull request (pull_request, pull_request_target, pull_request_review, ...). */
  pullRequest?: PullRequestInfo;
  /**
   * The commit the change is judged against, per event: the PR's base for pull request events,
   * `merge_group.base_sha` for merge queues. Undefined for events without one (push, workflow_dispatch, ...).
   */
  base?: { sha: string; from: string };
  /** `${GITHUB_SERVER_URL}/${owner}/${repo}/actions/runs/${id}` when known. */
  runUrl?: string;
}

export interface PullRequestInfo {
  number: number;
  /** The PR head commit (not GITHUB_SHA, which is the test merge commit). */
  headSha: string;
  baseSha: string;
  baseRef: string;
  author: string;
  /** The head lives in another repository: the token is read-only and there are no secrets. */
  fromFork: boolean;
}

/** Events whose payload carries `pull_request` (with `base.sha`). */
const PR_EVENTS = new Set(["pull_request", "pull_request_target", "pull_request_review", "pull_request_review_comment"]);

/**
 * Read the run context from the runner environment. The payload is read at call time, not at import. The base
 * commit comes from the payload of events that have one (see `RunContext.base`); a payload that should carry it
 * and does not (or not as a SHA) is a CostgateError.
 */
export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const [owner = "", repo = ""] = (env.GITHUB_REPOSITORY ?? "").split("/");
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  const server = env.GITHUB_SERVER_URL || "https://github.com";
  const runUrl = env.GITHUB_RUN_ID && owner ? `${server}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
  const ctx: RunContext = { eventName, owner, repo, ...(runUrl ? { runUrl } : {}) };
  if (!PR_EVENTS.has(eventName) && eventName !== "merge_group") return ctx;
  const file = env.GITHUB_EVENT_PATH;
  if (!file) throw new CostgateError(`GITHUB_EVENT_PATH is not set for a ${eventName} event`, "GITHUB_EVENT_PATH");
  let payload: Record<string, any>;
  try {
    payload = JSON.parse(readFileSync(file, "utf8")) as Record<string, any>;
  } catch (e) {
    throw new CostgateError(`cannot read the event payload (${(e as Error).message})`, file);
  }
  if (eventName === "merge_group") {
    const sha = payload.merge_group?.base_sha;
    if (typeof sha !== "string" || !SHA.test(sha)) throw new CostgateError("the merge_group event payload has no merge_group.base_sha commit", file, "/merge_group/base_sha");
    return { ...ctx, base: { sha, from: "merge_group.base_sha" } };
  }
  const pr = payload.pull_request;
  if (!pr || typeof pr.number !== "number") throw new CostgateError("the event payload has no pull_request.number", file, "/pull_request");
  const headRepo = pr.head?.repo?.full_name as string | undefined;
  const baseRepo = (pr.base?.repo?.full_name as string | undefined) ?? `${owner}/${repo}`;
  const baseSha = String(pr.base?.sha ?? "");
  if (!SHA.test(baseSha)) throw new CostgateError(`the ${eventName} event payload has no pull_request.base.sha commit`, file, "/pull_request/base/sha");
  return {
    ...ctx,
    base: { sha: baseSha, from: "pull_request.base.sha" },
    pullRequest: {
      number: pr.number,
      headSha: String(pr.head?.sha ?? ""),
      baseSha,
      baseRef: String(pr.base?.ref ?? ""),
      author: String(pr.user?.login ?? ""),
      // Compare names rather than `head.repo.fork`, which is also true for a PR inside a forked repository.
      // A deleted fork leaves `head.repo` null.
      fromFork: pr.head?.repo === null || (headRepo !== undefined && headRepo !== baseRepo),
    },
  };
}

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/i;
