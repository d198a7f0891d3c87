import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readRunContext } from "../../src/action/pull-request.js";

function eventFile(payload: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), "costgate-event-")), "event.json");
  writeFileSync(file, JSON.stringify(payload));
  return file;
}

const pr = (headRepo: string | null) => ({
  action: "synchronize",
  number: 7,
  pull_request: {
    number: 7,
    user: { login: "dev" },
    head: { sha: "b".repeat(40), ref: "feature", repo: headRepo === null ? null : { full_name: headRepo, fork: headRepo !== "o/r" } },
    base: { sha: "a".repeat(40), ref: "main", repo: { full_name: "o/r", fork: false } },
  },
});

describe("readRunContext", () => {
  const env = (payload: unknown, eventName = "pull_request") => ({
    GITHUB_REPOSITORY: "o/r",
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: eventFile(payload),
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_RUN_ID: "42",
  });

  it("takes the PR head SHA from the payload (GITHUB_SHA is the merge commit)", () => {
    const ctx = readRunContext({ ...env(pr("o/r")), GITHUB_SHA: "c".repeat(40) });
    expect(ctx).toEqual({
      eventName: "pull_request",
      owner: "o",
      repo: "r",
      runUrl: "https://github.com/o/r/actions/runs/42",
      base: { sha: "a".repeat(40), from: "pull_request.base.sha" },
      pullRequest: { number: 7, headSha: "b".repeat(40), baseSha: "a".repeat(40), baseRef: "main", author: "dev", fromFork: false },
    });
  });

  it("detects fork PRs by repository name, including deleted forks", () => {
    expect(readRunContext(env(pr("someone/r"))).pullRequest!.fromFork).toBe(true);
    expect(readRunContext(env(pr(null))).pullRequest!.fromFork).toBe(true);
  });

  it("has no pull request and no base commit for push and workflow_dispatch", () => {
    for (const event of ["push", "workflow_dispatch", "schedule"]) {
      const ctx = readRunContext(env({ ref: "refs/heads/main", before: "d".repeat(40) }, event));
      expect(ctx.pullRequest).toBeUndefined();
      expect(ctx.base).toBeUndefined();
    }
  });

  it("pull_request_review and pull_request_review_comment carry the pull request and its base", () => {
    for (const event of ["pull_request_review", "pull_request_review_comment", "pull_request_target"]) {
      const ctx = readRunContext(env({ ...pr("o/r"), review: { state: "approved" } }, event));
      expect(ctx.base).toEqual({ sha: "a".repeat(40), from: "pull_request.base.sha" });
      expect(ctx.pullRequest?.number).toBe(7);
    }
  });

  it("merge_group: the base is merge_group.base_sha; no pull request; a payload without it is refused", () => {
    const ctx = readRunContext(env({ merge_group: { head_sha: "e".repeat(40), base_sha: "f".repeat(40), head_ref: "gh-readonly-queue/main/pr-7-x" } }, "merge_group"));
    expect(ctx.base).toEqual({ sha: "f".repeat(40), from: "merge_group.base_sha" });
    expect(ctx.pullRequest).toBeUndefined();
    expect(() => readRunContext(env({ merge_group: { head_sha: "e".repeat(40) } }, "merge_group"))).toThrow("the merge_group event payload has no merge_group.base_sha commit");
  });

  it("refuses a pull request payload whose base is not a commit SHA", () => {
    const p = pr("o/r");
    p.pull_request.base.sha = "main";
    expect(() => readRunContext(env(p))).toThrow("the pull_request event payload has no pull_request.base.sha commit");
  });

  it("fails clearly on a payload without a pull request", () => {
    expect(() => readRunContext(env({ action: "opened" }))).toThrow("the event payload has no pull_request.number");
  });
});
