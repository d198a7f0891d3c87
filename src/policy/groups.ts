import type { GroupBy } from "./policy-document.js";
import { tagValue, type PolicyResource } from "./policy-resource.js";
import { environmentMatches } from "./environment-name.js";
import { globMatch } from "./glob.js";

/** A set of resources a group check (budget, cost delta, GPU total) adds up. */
export interface ResourceGroup {
  /** Label shown in reports and matched by exemptions: `total`, `stack:<name>`, `tag:<key>=<value>`. */
  label: string;
  /** The value limits are looked up by: the stack name, the tag value, or `total`. */
  value: string;
  /** Set when the group is one stack. */
  stack?: string;
  resources: PolicyResource[];
}

export const MISSING_TAG_VALUE = "(untagged)";

/** The group value of one resource. */
export function groupValueOf(r: PolicyResource, groupBy: GroupBy = "total"): string {
  if (groupBy === "total") return "total";
  if (groupBy === "stack") return r.estimate.stack;
  const t = tagValue(r.estimate, groupBy.slice("tag:".length));
  return t?.value === undefined || t.value === "" ? MISSING_TAG_VALUE : t.value;
}

export function groupLabel(value: string, groupBy: GroupBy = "total"): string {
  if (groupBy === "total") return "total";
  if (groupBy === "stack") return `stack:${value}`;
  return `${groupBy}=${value}`;
}

/** Group resources by `groupBy`, in first-seen order. */
export function groupResources(resources: readonly PolicyResource[], groupBy: GroupBy = "total"): ResourceGroup[] {
  const groups = new Map<string, ResourceGroup>();
  for (const r of resources) {
    const value = groupValueOf(r, groupBy);
    let g = groups.get(value);
    if (!g) {
      g = { label: groupLabel(value, groupBy), value, ...(groupBy === "stack" ? { stack: value } : {}), resources: [] };
      groups.set(value, g);
    }
    g.resources.push(r);
  }
  return [...groups.values()];
}

/**
 * A group's limit: an exact entry of `limits`, else the first glob entry that matches, else the first entry
 * that is an environment name (no glob characters) standing for the same environment as the group value by
 * its name segments (`dev` applies to stacks `dev`, `ml-dev`, `development-eu`; see environmentOfName), else
 * the default.
 */
export function limitFor(value: string, fallback: number, limits: Record<string, number> = {}): number {
  if (Object.hasOwn(limits, value)) return limits[value]!;
  for (const [k, v] of Object.entries(limits)) if (globMatch(k, value)) return v;
  for (const [k, v] of Object.entries(limits)) if (!/[*?]/.test(k) && environmentMatches(k, value)) return v;
  return fallback;
}
