import type { ResourceDelta } from "../pricing/diff-estimates.js";

/**
 * Whether a resource change is a free resource (IAM role, security group, ...) added or removed at $0: nothing
 * priced changes, so reports count these in one line instead of listing them.
 */
export function isFreeAddOrRemove(r: ResourceDelta): boolean {
  if (r.change !== "added" && r.change !== "removed") return false;
  const side = r.change === "added" ? r.head : r.base;
  return r.delta === 0 && side?.status === "free";
}

/**
 * One line for the free resources added and removed at $0, e.g.
 * `36 free resources (34 added, 2 removed) at $0.00: aws_iam_role ×6, aws_security_group ×4, 5 more types`.
 * `types` caps how many resource types are named. Returns "" when there are none. Plain text (escape it).
 */
export function freeChangesLine(free: ResourceDelta[], types = 4): string {
  if (free.length === 0) return "";
  const added = free.filter((r) => r.change === "added").length;
  const removed = free.length - added;
  const counts = new Map<string, number>();
  for (const r of free) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
  const byCount = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const named = byCount.slice(0, types).map(([t, n]) => (n > 1 ? `${t} ×${n}` : t));
  const more = byCount.length - named.length;
  const what = added && removed ? ` (${added} added, ${removed} removed)` : added ? " added" : " removed";
  return `${free.length} free resource${free.length === 1 ? "" : "s"}${what} at $0.00: ${named.join(", ")}${more > 0 ? `, ${more} more type${more === 1 ? "" : "s"}` : ""}`;
}
