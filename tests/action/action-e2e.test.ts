// End-to-end: the action runs with a runner-like environment (INPUT_* variables, GITHUB_EVENT_PATH with a
// pull_request payload, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY) against the loopback fake GitHub REST API (the real
// @actions/github client), in a real git repository whose base commit holds the policy. In this process (src); the
// over-budget run also runs the bundled dist/index.js as a child process. Base synthesis (`synth-command`) is tested
// end to end in gate-integrity-e2e.test.ts (8).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { commentMarker } from "../../src/action/sticky-comment.js";
import type { FakeGitHub } from "../fakes/fake-github-api.js";
import {
  BASE_INSTANCES,
  DIST,
  OVER_BUDGET_INSTANCES,
  prPayload,
  runActionInProcess,
  runBundledAction,
  startE2eFixture,
  writeCdktfOut,
  type ActionRunner,
  type E2eFixture,
  type RunResult,
} from "./action-runner.js";
import type { TestRepo } from "./git-repo.js";

const MARKER = commentMarker("default");


const BASE = BASE_INSTANCES;
const OVER_BUDGET = OVER_BUDGET_INSTANCES;

let api: FakeGitHub;
let repo: TestRepo;
let baseSha: string;
let headSha: string;
let runnerDir: string;

beforeAll(() => {
  if (!existsSync(DIST)) throw new Error("dist/index.js is missing: run `npm run bundle` (the e2e tests run the committed bundle)");
});

let fixture: E2eFixture;

beforeEach(async () => {
  fixture = await startE2eFixture({ wendy: "write", rita: "read" });
  ({ api, repo, baseSha, headSha, runnerDir } = fixture);
});

afterEach(() => fixture.close());


/** The PR's event payload; its title is hostile text that must stay escaped in the comment. */
const payload = (opts: { fork?: boolean; labels?: string[] } = {}) => prPayload(headSha, baseSha, { ...opts, title: "Bigger trainer <img src=x> @everyone" });

/** Run the action once, like the runner does, for PR 7: in this process unless `runner` says otherwise (see action-runner.ts). */
function runAction(inputs: Record<string, string> = {}, opts: { fork?: boolean; labels?: string[]; env?: Record<string, string> } = {}, runner: ActionRunner = runActionInProcess): Promise<RunResult> {
  return runner({ apiUrl: api.url, repoDir: repo.dir, runnerDir, payload: payload(opts), inputs, ...(opts.env ? { env: opts.env } : {}) });
}

const comments = () => api.state.comments.get(7) ?? [];
const writes = () => api.state.requests.filter((r) => r.method !== "GET");

describe("the action, end to end", () => {
  it.each([
    ["in process", runActionInProcess],
    ["the bundled dist/index.js", runBundledAction],
  ] as const)("over budget (%s): comments first, then exits 1; the base branch's policy applies despite the PR loosening it", async (_, runner) => {
    const r = await runAction({}, {}, runner);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(comments()).toHaveLength(1);
    const body = comments()[0]!.body;
    expect(body.split("\n")[0]).toBe(MARKER);
    expect(body.split("\n")[1]).toBe("## ❌ costgate: blocked by 1 mandatory finding");
    expect(body).toContain("CG\\-BUD\\-001");
    expect(body).toContain("### Cost by stack");
    expect(body).toContain(`<code>policies/cost\\.yaml@\u200B${baseSha.slice(0, 7)}</code>`);
    expect(body).toContain("```mermaid");
    // The failure is reported after the comment was written.
    const errorLine = r.stdout.split("\n").findIndex((l) => l.startsWith("::error::costgate: 1 mandatory policy finding"));
    const commentLine = r.stdout.split("\n").findIndex((l) => l.startsWith("Comment created"));
    expect(commentLine).toBeGreaterThanOrEqual(0);
    expect(errorLine).toBeGreaterThan(commentLine);
    expect(r.stdout).toMatch(/^::error title=costgate soft-mandatory%3A CG-BUD-001::/m);
    // Outputs, the JSON report and the job summary.
    expect(r.outputs).toMatchObject({ verdict: "fail", findings: "1", "comment-id": String(comments()[0]!.id) });
    expect(Number(r.outputs.delta)).toBeGreaterThan(30_000);
    const report = JSON.parse(readFileSync(r.outputs["report-path"]!, "utf8"));
    expect(report.schemaVersion).toBe("costgate.action-report/v1");
    expect(report.verdict.status).toBe("fail");
    expect(report.totals.headMonthlyCost.toFixed(2)).toBe(r.outputs["monthly-cost"]);
    expect(report.comment).toMatchObject({ action: "created" });
    expect(r.summary).toContain("## ❌ costgate: blocked by 1 mandatory finding");
    expect(r.summary).not.toContain(MARKER);
    // The token is masked and otherwise never reaches the log.
    expect(r.stdout.split("\n").filter((l) => l.includes("ghs_faketoken"))).toEqual(["::add-mask::ghs_faketoken"]);
    expect(api.state.requests.every((q) => q.authorization === "token ghs_faketoken")).toBe(true);
  });

  it("a second run updates the same comment in place", async () => {
    await runAction();
    const first = { ...comments()[0]! };
    writeCdktfOut(join(repo.dir, "head-out"), { ...OVER_BUDGET, "ml-serve": { web: "m5.large", web2: "m5.large" } });
    const r = await runAction();
    expect(r.code).toBe(1);
    expect(comments()).toHaveLength(1);
    expect(comments()[0]!.id).toBe(first.id);
    expect(comments()[0]!.body).not.toBe(first.body);
    expect(writes().map((w) => `${w.method} ${w.path}`)).toEqual(["POST /repos/o/r/issues/7/comments", `PATCH /repos/o/r/issues/comments/${first.id}`]);
    expect(r.outputs["comment-id"]).toBe(String(first.id));
    // A third identical run does not write at all.
    await runAction();
    expect(writes()).toHaveLength(2);
  });

  it("an override label flips the verdict only when a writer applied it, re-read from the API", async () => {
    // In the (replayed) payload but not on the PR: ignored.
    let r = await runAction({}, { labels: ["cost-override"] });
    expect(r.code).toBe(1);
    expect(r.outputs.verdict).toBe("fail");

    api.applyLabel(7, "cost-override", "rita");
    r = await runAction();
    expect(r.code).toBe(1);
    expect(r.outputs.verdict).toBe("fail");
    expect(comments()[0]!.body).toContain("label &quot;cost\\-override&quot; was applied by rita, who has read access; overriding needs write access, so it is ignored");

    api.applyLabel(7, "cost-override", "wendy");
    r = await runAction();
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe("pass");
    const body = comments()[0]!.body;
    expect(comments()).toHaveLength(1);
    expect(body.split("\n")[1]).toBe("## ✅ costgate: passed (1 waived)");
    expect(body).toMatch(/> \*\*Override:\*\* 1 soft-mandatory finding overridden by wendy via label:cost\\-override\. Reason: label &quot;cost\\-override&quot; applied by wendy \\\(write access\\\) at 2026\\-11\\-23T/);
    const report = JSON.parse(readFileSync(r.outputs["report-path"]!, "utf8"));
    expect(report.overrides).toEqual([expect.objectContaining({ approvedBy: "wendy", via: "label:cost-override" })]);
  });

  it("a hard-mandatory finding cannot be overridden", async () => {
    writeCdktfOut(join(repo.dir, "head-out"), { ...BASE, "ml-train": { trainer: "g5.12xlarge" } });
    api.applyLabel(7, "cost-override", "wendy");
    const r = await runAction();
    expect(r.code).toBe(1);
    expect(r.outputs.verdict).toBe("fail");
    expect(comments()[0]!.body).toContain("### Hard-mandatory findings (block the PR; cannot be overridden) (1)");
  });

  it("a read-only token (fork PR) degrades gracefully: no crash, verdict in the summary and exit code, a clear notice", async () => {
    api.state.readOnly = true;
    const r = await runAction({}, { fork: true });
    expect(r.code).toBe(1);
    expect(comments()).toHaveLength(0);
    expect(writes().map((w) => w.method)).toEqual(["POST"]);
    expect(r.outputs.verdict).toBe("fail");
    expect(r.outputs["comment-id"]).toBeUndefined();
    expect(r.summary).toContain("## ❌ costgate: blocked by 1 mandatory finding");
    expect(r.summary).toContain("No pull request comment: the pull request comes from a fork, so the token is read\\-only \\(HTTP 403");
    expect(r.stdout).toMatch(/^::warning::No pull request comment: the pull request comes from a fork/m);
    expect(r.stdout).toMatch(/^::error::costgate: 1 mandatory policy finding/m);
    expect(r.stdout).not.toMatch(/^\s+at /m);
    expect(r.stderr).toBe("");
  });

  it("a read-only token on a same-repository PR says which permission is missing", async () => {
    api.state.readOnly = true;
    const r = await runAction();
    expect(r.summary).toContain("the token cannot write pull request comments \\(grant \\`pull\\-requests: write\\`\\)");
  });

  it("does not comment when nothing priced changed, unless configured", async () => {
    writeCdktfOut(join(repo.dir, "head-out"), BASE);
    let r = await runAction();
    expect(r.code).toBe(0);
    expect(comments()).toHaveLength(0);
    expect(r.summary).toContain("No pull request comment: nothing priced changed");
    r = await runAction({ "comment-when-unchanged": "true" });
    expect(r.code).toBe(0);
    expect(comments()).toHaveLength(1);
    expect(comments()[0]!.body).toContain("No priced resource changed in this pull request.");
  });

  it("a re-run for an older commit does not overwrite the report of a newer one", async () => {
    api.state.pulls.set(7, { headSha: "d".repeat(40), baseSha, state: "open" });
    const r = await runAction();
    expect(r.code).toBe(1);
    expect(comments()).toHaveLength(0);
    expect(r.summary).toContain("No pull request comment: the pull request moved on to ddddddd since this run&#x27;s commit");
  });

  it("writes SARIF when asked", async () => {
    const r = await runAction({ "sarif-path": "out/costgate.sarif" });
    const sarif = JSON.parse(readFileSync(join(repo.dir, "out/costgate.sarif"), "utf8"));
    expect(r.outputs["sarif-path"]).toBe(join(repo.dir, "out/costgate.sarif"));
    expect(sarif.runs[0].results.map((x: { ruleId: string; level: string }) => [x.ruleId, x.level])).toEqual([["CG-BUD-001", "error"]]);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe("policies/cost.yaml");
  });

  it("bad input fails the step with one line, no stack trace", async () => {
    const r = await runAction({ path: "does-not-exist" });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error::costgate: does-not-exist: no such file or directory$/m);
    expect(r.stdout).not.toMatch(/^\s+at /m);
    expect(r.stderr).toBe("");
    expect(r.summary).toContain("costgate could not run");
    expect(comments()).toHaveLength(0);
  });
});
