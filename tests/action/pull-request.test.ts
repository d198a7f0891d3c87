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
      pullRequest: { number: 7, headSha: "b".repeat(40), baseSha: "a".repeat(40), baseRef: "main", author: "dev", fromFork: false },
    });
  });

  it("detects fork PRs by repository name, including deleted forks", () => {
    expect(readRunContext(env(pr("someone/r"))).pullRequest!.fromFork).toBe(true);
    expect(readRunContext(env(pr(null))).pullRequest!.fromFork).toBe(true);
  });

  it("has no pull request for other events", () => {
    expect(readRunContext(env({ ref: "refs/heads/main" }, "push")).pullRequest).toBeUndefined();
  });

  it("fails clearly on a payload without a pull request", () => {
    expect(() => readRunContext(env({ action: "opened" }))).toThrow("the event payload has no pull_request.number");
  });
});
