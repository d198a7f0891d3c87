import type { GitHubClient } from "./github-client.js";

export type CommentMode = "update" | "new" | "delete-and-new" | "off";

export interface CommentTarget {
  owner: string;
  repo: string;
  issue: number;
}

export interface StickyCommentOptions extends CommentTarget {
  /** Hidden first line that identifies costgate's comment (see commentMarker). */
  marker: string;
  /** Login the comment must be written by (e.g. `github-actions[bot]`); anyone can copy a marker. */
  author: string;
  body: string;
  mode: Exclude<CommentMode, "off">;
  /** When false, an existing comment is still kept up to date, but no new one is created. */
  create: boolean;
}

export type CommentOutcome =
  | { action: "created" | "updated"; id: number; url: string; deleted: number }
  | { action: "unchanged"; id: number; url: string; deleted: number }
  | { action: "skipped"; reason: string; deleted: number };

interface ApiComment {
  id: number;
  body?: string | null;
  html_url: string;
  user: { login: string } | null;
}

/** `<!-- costgate-comment key=default -->`. The key separates several costgate jobs on one PR. */
export function commentMarker(key: string): string {
  // No `>` and no `--`, so the key can never end the HTML comment early.
  const safe = key.replace(/[^A-Za-z0-9._-]/g, "_").replace(/-{2,}/g, "-").slice(0, 64) || "default";
  return `<!-- costgate-comment key=${safe} -->`;
}

/** costgate's own comments on an issue: the marker on the first line and written by `author` (all pages). */
export async function findStickyComments(gh: GitHubClient, o: CommentTarget & { marker: string; author: string }): Promise<ApiComment[]> {
  const all = (await gh.paginate(gh.rest.issues.listComments, { owner: o.owner, repo: o.repo, issue_number: o.issue, per_page: 100 })) as ApiComment[];
  const author = o.author.toLowerCase();
  return all.filter((c) => (c.body ?? "").split("\n", 1)[0] === o.marker && c.user?.login.toLowerCase() === author);
}

/**
 * Create, update in place, or replace costgate's comment. `update` edits the newest matching comment (and
 * skips the write when the body is identical); `new` always adds one; `delete-and-new` removes the old ones first.
 */
export async function publishStickyComment(gh: GitHubClient, o: StickyCommentOptions): Promise<CommentOutcome> {
  const target = { owner: o.owner, repo: o.repo };
  const existing = o.mode === "new" ? [] : await findStickyComments(gh, o);
  let deleted = 0;
  if (o.mode === "update" && existing.length > 0) {
    const newest = existing[existing.length - 1]!;
    if ((newest.body ?? "") === o.body) return { action: "unchanged", id: newest.id, url: newest.html_url, deleted };
    const { data } = await gh.rest.issues.updateComment({ ...target, comment_id: newest.id, body: o.body });
    return { action: "updated", id: data.id, url: data.html_url, deleted };
  }
  // An existing comment is replaced even then, so a stale report never stays on the PR.
  if (!o.create && existing.length === 0) return { action: "skipped", reason: "nothing priced changed", deleted };
  if (o.mode === "delete-and-new")
    for (const c of existing) {
      await gh.rest.issues.deleteComment({ ...target, comment_id: c.id });
      deleted++;
    }
  const { data } = await gh.rest.issues.createComment({ ...target, issue_number: o.issue, body: o.body });
  return { action: "created", id: data.id, url: data.html_url, deleted };
}
