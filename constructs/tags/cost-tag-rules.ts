import { isUnresolved } from "../framework/construct-shape.js";

/** The cost tags every taggable resource must carry unless configured otherwise (policy.md §3.4). */
export const DEFAULT_REQUIRED_COST_TAGS: readonly string[] = ["team", "project", "environment", "cost-center", "owner"];

/** Allowed values per key: a pattern, or an explicit list. */
export type TagValueRule = RegExp | readonly string[];

/** The default value rules: lower-case kebab identifiers, a fixed environment list, e-mail or handle owners. */
export const DEFAULT_COST_TAG_VALUES: Readonly<Record<string, TagValueRule>> = {
  team: /^[a-z0-9][a-z0-9-]*$/,
  project: /^[a-z0-9][a-z0-9-]*$/,
  environment: ["dev", "staging", "prod"],
  "cost-center": /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
  owner: /^([^@\s]+@[^@\s]+\.[^@\s]+|@?[A-Za-z0-9][A-Za-z0-9-]{0,38})$/,
};

/** How cost tags are checked. Set with `CostTags.of(scope).rules({...})`; the nearest scope's rules apply. */
export interface CostTagRules {
  /** Keys every taggable resource must carry (default: team, project, environment, cost-center, owner). */
  readonly required?: readonly string[];
  /** Allowed values per key, merged over the defaults (a key mapped to `/.*\/` accepts anything). */
  readonly values?: Readonly<Record<string, TagValueRule>>;
}

export interface ResolvedCostTagRules {
  required: readonly string[];
  values: Readonly<Record<string, TagValueRule>>;
}

export function resolveCostTagRules(rules: CostTagRules | undefined): ResolvedCostTagRules {
  return {
    required: rules?.required ?? DEFAULT_REQUIRED_COST_TAGS,
    values: { ...DEFAULT_COST_TAG_VALUES, ...(rules?.values ?? {}) },
  };
}

export interface TagProblem {
  key: string;
  kind: "missing" | "invalid";
  /** For invalid values: the value and what was expected. */
  value?: string;
  expected?: string;
}

// AWS tag limits: keys ≤128, values ≤256 characters of letters, digits, spaces and _ . : / = + - @; no `aws:` prefix.
const AWS_TAG_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/**
 * Pure: check a tag map against the rules. Values that are unresolved tokens or expressions cannot be
 * checked before plan time; they count as present and are not judged.
 */
export function checkCostTags(tags: Readonly<Record<string, unknown>>, rules: ResolvedCostTagRules): TagProblem[] {
  const problems: TagProblem[] = [];
  for (const key of rules.required) {
    const v = tags[key];
    if (v === undefined || v === null || v === "") problems.push({ key, kind: "missing" });
  }
  for (const [key, raw] of Object.entries(tags)) {
    if (raw === undefined || raw === null || isUnresolved(raw) || isUnresolved(key)) continue;
    const value = String(raw);
    if (key.toLowerCase().startsWith("aws:")) {
      problems.push({ key, kind: "invalid", value, expected: "a key without the reserved `aws:` prefix" });
      continue;
    }
    if (key.length > 128 || !AWS_TAG_CHARS.test(key)) {
      problems.push({ key, kind: "invalid", value, expected: "a key of at most 128 letters, digits, spaces or _ . : / = + - @" });
      continue;
    }
    if (value.length > 256 || !AWS_TAG_CHARS.test(value)) {
      problems.push({ key, kind: "invalid", value, expected: "at most 256 letters, digits, spaces or _ . : / = + - @" });
      continue;
    }
    const rule = rules.values[key];
    if (rule === undefined || value === "") continue;
    if (rule instanceof RegExp ? !rule.test(value) : !rule.includes(value)) {
      problems.push({ key, kind: "invalid", value, expected: rule instanceof RegExp ? `a value matching ${rule.source}` : `one of ${rule.join(", ")}` });
    }
  }
  return problems;
}

/** One sentence describing the problems, stable across runs (annotations are deduplicated by text). */
export function describeTagProblems(problems: readonly TagProblem[]): string {
  const missing = problems.filter((p) => p.kind === "missing").map((p) => p.key);
  const invalid = problems.filter((p) => p.kind === "invalid");
  const parts: string[] = [];
  if (missing.length) parts.push(`missing required cost tag${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}`);
  for (const p of invalid) parts.push(`cost tag ${p.key}=${JSON.stringify(p.value)} is invalid (expected ${p.expected})`);
  return parts.join("; ");
}
