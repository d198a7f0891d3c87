import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createGitHubClient, type GitHubClient } from "../../src/action/github-client.js";
import { findLabelOverride } from "../../src/action/label-override.js";
import { startFakeGitHub, type FakeGitHub } from "../fakes/fake-github-api.js";

let api: FakeGitHub;
let gh: GitHubClient;
beforeEach(async () => {
  api = await startFakeGitHub();
  gh = await createGitHubClient("t", { GITHUB_API_URL: api.url });
  api.state.permissions.set("wendy", "write");
  api.state.permissions.set("mia", "maintain");
  api.state.permissions.set("tom", "triage");
  api.state.permissions.set("rita", "read");
  // The head this run judges was pushed before any label below is applied.
  api.recordRun(HEAD);
});
afterEach(() => api.close());

const HEAD = "b".repeat(40);
const req = { owner: "o", repo: "r", issue: 7, label: "cost-override", headSha: HEAD };

describe("findLabelOverride", () => {
  it("finds nothing when the label is not on the PR", async () => {
    api.applyLabel(7, "documentation", "wendy");
    expect(await findLabelOverride(gh, req)).toEqual({ notes: [] });
  });

  it("honours the label when the account that applied it has write access, with a reason", async () => {
    api.applyLabel(7, "cost-override", "wendy", "FinOps-approved spend");
    const r = await findLabelOverride(gh, req);
    expect(r.override).toMatchObject({ ruleId: "*", approvedBy: "wendy", via: "label:cost-override" });
    expect(r.override!.reason).toMatch(/^label "cost-override" applied by wendy \(write access\) at 2026-11-23T10:00:\d\dZ, for head bbbbbbb: FinOps-approved spend$/);
    expect(api.state.requests.map((x) => x.path)).toEqual([
      "/repos/o/r/issues/7/labels",
      "/repos/o/r/issues/7/events",
      "/repos/o/r/actions/runs",
      "/repos/o/r/collaborators/wendy/permission",
    ]);
  });

  it("ignores the label when it was applied by someone with triage or read access, or no access", async () => {
    for (const who of ["tom", "rita", "stranger"]) {
      api.state.labels.clear();
      api.state.events.clear();
      api.applyLabel(7, "cost-override", who);
      const r = await findLabelOverride(gh, req);
      expect(r.override, who).toBeUndefined();
      expect(r.notes[0]).toContain(`was applied by ${who}`);
    }
  });

  it("judges the most recent application of the label (a reader re-applying a writer's label)", async () => {
    api.applyLabel(7, "cost-override", "wendy");
    api.applyLabel(7, "cost-override", "rita");
    expect((await findLabelOverride(gh, req)).override).toBeUndefined();
  });

  it("uses the exact role for minPermission: maintain accepts a maintainer, rejects a writer", async () => {
    api.applyLabel(7, "cost-override", "wendy");
    expect((await findLabelOverride(gh, { ...req, minPermission: "maintain" })).override).toBeUndefined();
    api.applyLabel(7, "cost-override", "mia");
    expect((await findLabelOverride(gh, { ...req, minPermission: "maintain" })).override?.approvedBy).toBe("mia");
  });

  it("matches label names case-insensitively, as GitHub does", async () => {
    api.applyLabel(7, "Cost-Override", "wendy");
    expect((await findLabelOverride(gh, req)).override?.approvedBy).toBe("wendy");
  });

  it("a label applied before the head was pushed approved an earlier version: it no longer counts, and says why", async () => {
    api.applyLabel(7, "cost-override", "wendy");
    const pushed = "c".repeat(40);
    api.recordRun(pushed);
    const r = await findLabelOverride(gh, { ...req, headSha: pushed });
    expect(r.override).toBeUndefined();
    expect(r.notes[0]).toMatch(/^label "cost-override" no longer counts: wendy applied it at 2026-11-23T10:00:\d\dZ, before head ccccccc was pushed \(2026-11-23T10:00:\d\dZ\); it approved an earlier version/);
    // Re-applied after the push: it counts again.
    api.applyLabel(7, "cost-override", "wendy");
    expect((await findLabelOverride(gh, { ...req, headSha: pushed })).override?.approvedBy).toBe("wendy");
  });

  it("without a workflow run for the head (no `actions: read`, or none recorded) the label is not honoured", async () => {
    api.applyLabel(7, "cost-override", "wendy");
    const r = await findLabelOverride(gh, { ...req, headSha: "d".repeat(40) });
    expect(r.override).toBeUndefined();
    expect(r.notes[0]).toContain("no workflow run says when head ddddddd was pushed");
  });

  it("a stalled API times out and applies no override", async () => {
    api.applyLabel(7, "cost-override", "wendy");
    api.state.stall = /\/events$/;
    const quick = await createGitHubClient("t", { GITHUB_API_URL: api.url }, 0.3);
    const r = await findLabelOverride(quick, req);
    expect(r.override).toBeUndefined();
    expect(r.notes[0]).toMatch(/could not verify the override label "cost-override" \(.*the GitHub API did not answer GET \/repos\/o\/r\/issues\/7\/events within 0\.3 s\); no override applied$/);
  });

  it("applies no override when the API cannot be read", async () => {
    api.applyLabel(7, "cost-override", "wendy");
    api.state.badCredentials = true;
    const r = await findLabelOverride(gh, req);
    expect(r.override).toBeUndefined();
    expect(r.notes[0]).toMatch(/could not verify the override label "cost-override" \(HTTP 401/);
  });
});
