import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createGitHubClient, type GitHubClient } from "../../src/action/github-client.js";
import { findLabelOverride } from "../../src/action/label-override.js";
import { startFakeGitHub, type FakeGitHub } from "../fakes/fake-github-api.js";

let api: FakeGitHub;
let gh: GitHubClient;
beforeEach(async () => {
  api = await startFakeGitHub();
  gh = createGitHubClient("t", { GITHUB_API_URL: api.url });
  api.state.permissions.set("wendy", "write");
  api.state.permissions.set("mia", "maintain");
  api.state.permissions.set("tom", "triage");
  api.state.permissions.set("rita", "read");
});
afterEach(() => api.close());

const req = { owner: "o", repo: "r", issue: 7, label: "cost-override" };

describe("findLabelOverride", () => {
  it("finds nothing when the label is not on the PR", async () => {
    api.applyLabel(7, "documentation", "wendy");
    expect(await findLabelOverride(gh, req)).toEqual({ notes: [] });
  });

  it("honours the label when the account that applied it has write access, with a reason", async () => {
    api.applyLabel(7, "cost-override", "wendy", "FinOps-approved spend");
    const r = await findLabelOverride(gh, req);
    expect(r.override).toMatchObject({ ruleId: "*", approvedBy: "wendy", via: "label:cost-override" });
    expect(r.override!.reason).toMatch(/^label "cost-override" applied by wendy \(write access\) at 2026-11-23T10:00:\d\dZ: FinOps-approved spend$/);
    expect(api.state.requests.map((x) => x.path)).toEqual([
      "/repos/o/r/issues/7/labels",
      "/repos/o/r/issues/7/events",
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

  it("applies no override when the API cannot be read", async () => {
    api.applyLabel(7, "cost-override", "wendy");
    api.state.badCredentials = true;
    const r = await findLabelOverride(gh, req);
    expect(r.override).toBeUndefined();
    expect(r.notes[0]).toMatch(/could not verify the override label "cost-override" \(HTTP 401/);
  });
});
