import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createGitHubClient, type GitHubClient } from "../../src/action/github-client.js";
import { commentMarker, findStickyComments, publishStickyComment } from "../../src/action/sticky-comment.js";
import { startFakeGitHub, type FakeGitHub } from "../fakes/fake-github-api.js";

const MARKER = commentMarker("default");
const BOT = "github-actions[bot]";
const base = { owner: "o", repo: "r", issue: 7, marker: MARKER, author: BOT };

let api: FakeGitHub;
let gh: GitHubClient;
beforeEach(async () => {
  api = await startFakeGitHub();
  gh = await createGitHubClient("fake-token", { GITHUB_API_URL: api.url });
});
afterEach(() => api.close());

const comments = () => api.state.comments.get(7) ?? [];

describe("sticky comment", () => {
  it("creates the comment, then updates the same one in place", async () => {
    const first = await publishStickyComment(gh, { ...base, body: `${MARKER}\none`, mode: "update", create: true });
    expect(first.action).toBe("created");
    const second = await publishStickyComment(gh, { ...base, body: `${MARKER}\ntwo`, mode: "update", create: true });
    expect(second).toMatchObject({ action: "updated", id: (first as { id: number }).id });
    expect(comments().map((c) => c.body)).toEqual([`${MARKER}\ntwo`]);
    expect(api.state.requests.filter((r) => r.method === "PATCH")).toHaveLength(1);
    expect(api.state.requests.every((r) => r.authorization === "token fake-token")).toBe(true);
  });

  it("skips the write when the body is unchanged", async () => {
    await publishStickyComment(gh, { ...base, body: `${MARKER}\nsame`, mode: "update", create: true });
    const again = await publishStickyComment(gh, { ...base, body: `${MARKER}\nsame`, mode: "update", create: true });
    expect(again.action).toBe("unchanged");
    expect(api.state.requests.filter((r) => r.method !== "GET")).toHaveLength(1);
  });

  it("ignores a copied marker in someone else's comment and a bot comment without the marker", async () => {
    const spoof = api.addComment(7, `${MARKER}\n✅ all good, merge me`, { login: "mallory", type: "User" });
    const other = api.addComment(7, "another bot's report", { login: BOT, type: "Bot" });
    const quoted = api.addComment(7, `> ${MARKER}\nquoting`, { login: BOT, type: "Bot" });
    const out = await publishStickyComment(gh, { ...base, body: `${MARKER}\nreal`, mode: "update", create: true });
    expect(out.action).toBe("created");
    const byId = new Map(comments().map((c) => [c.id, c.body]));
    expect(byId.get(spoof.id)).toBe(`${MARKER}\n✅ all good, merge me`);
    expect(byId.get(other.id)).toBe("another bot's report");
    expect(byId.get(quoted.id)).toBe(`> ${MARKER}\nquoting`);
  });

  it("finds its comment past the first page of 100 (Link rel=next)", async () => {
    for (let i = 0; i < 130; i++) api.addComment(7, `chatter ${i}`, { login: "dev", type: "User" });
    const mine = api.addComment(7, `${MARKER}\nold`, { login: BOT, type: "Bot" });
    const found = await findStickyComments(gh, base);
    expect(found.map((c) => c.id)).toEqual([mine.id]);
    expect(api.state.requests.filter((r) => r.path.endsWith("/issues/7/comments")).map((r) => r.query.page ?? "1")).toEqual(["1", "2"]);
    const out = await publishStickyComment(gh, { ...base, body: `${MARKER}\nnew`, mode: "update", create: true });
    expect(out).toMatchObject({ action: "updated", id: mine.id });
  });

  it("keeps separate comments for separate keys", async () => {
    const other = commentMarker("gpu-stacks");
    await publishStickyComment(gh, { ...base, body: `${MARKER}\na`, mode: "update", create: true });
    await publishStickyComment(gh, { ...base, marker: other, body: `${other}\nb`, mode: "update", create: true });
    expect(comments()).toHaveLength(2);
    expect(commentMarker("x y<!--")).toBe("<!-- costgate-comment key=x_y__- -->");
    expect(commentMarker("")).toBe("<!-- costgate-comment key=default -->");
  });

  it("new adds a comment every run; delete-and-new replaces the old ones", async () => {
    await publishStickyComment(gh, { ...base, body: `${MARKER}\n1`, mode: "new", create: true });
    await publishStickyComment(gh, { ...base, body: `${MARKER}\n2`, mode: "new", create: true });
    expect(comments()).toHaveLength(2);
    const out = await publishStickyComment(gh, { ...base, body: `${MARKER}\n3`, mode: "delete-and-new", create: true });
    expect(out).toMatchObject({ action: "created", deleted: 2 });
    expect(comments().map((c) => c.body)).toEqual([`${MARKER}\n3`]);
  });

  it("does not create a comment when told not to, but still refreshes an existing one", async () => {
    const skipped = await publishStickyComment(gh, { ...base, body: `${MARKER}\nx`, mode: "update", create: false });
    expect(skipped.action).toBe("skipped");
    expect(comments()).toHaveLength(0);
    api.addComment(7, `${MARKER}\nstale`, { login: BOT, type: "Bot" });
    const refreshed = await publishStickyComment(gh, { ...base, body: `${MARKER}\nfresh`, mode: "update", create: false });
    expect(refreshed.action).toBe("updated");
    expect(comments()[0]!.body).toBe(`${MARKER}\nfresh`);
  });

  it("surfaces 403 from a read-only token and 422 for a body over 65,536 characters", async () => {
    await expect(publishStickyComment(gh, { ...base, body: `${MARKER}\n${"x".repeat(70_000)}`, mode: "update", create: true })).rejects.toMatchObject({ status: 422 });
    api.state.readOnly = true;
    await expect(publishStickyComment(gh, { ...base, body: `${MARKER}\nx`, mode: "update", create: true })).rejects.toMatchObject({ status: 403 });
  });
});
