import type { Check } from "../policy-document.js";
import type { PolicyResource } from "../policy-resource.js";

/** What a check sees: the resources in the rule's scope, in head and (when given) in base. */
export interface CheckContext {
  head: PolicyResource[];
  /** In-scope resources of the base estimate; undefined when no base was given. */
  base?: PolicyResource[];
}

/** One problem a check found, before enforcement, exemptions and overrides are applied. */
export interface CheckResult {
  message: string;
  /** The resource the problem is about (per-resource checks). */
  resource?: PolicyResource;
  /** The group the problem is about (budget, cost delta, GPU totals). */
  group?: { label: string; stack?: string; resources: PolicyResource[] };
  /** The amount the finding is about (over-budget amount, delta, resource cost), USD per month. */
  monthlyCost?: number;
  /** The problem is that a needed value is unknown (unpriced, unresolved); the rule's `onUnknown` decides. */
  unknown?: boolean;
  /** The check itself judges the problem advisory (e.g. only non-compute resources are unpriced). */
  advisory?: boolean;
}

/** A problem in a check's parameters the schema cannot express (bad regex, missing `combine`). */
export interface CheckParameterProblem {
  /** Path inside the check, e.g. ["keys", "team", "pattern"]. */
  path: (string | number)[];
  message: string;
}

/**
 * One check kind: rule metadata as data, one pure evaluation function (cdk-nag v2 style), and how to tell
 * whether a project's version of a rule is at least as strict as the central one.
 */
export interface CheckDefinition<C extends Check = Check> {
  kind: C["kind"];
  /** Whether the check needs a base estimate (it is skipped, with a note, without one). */
  needsBase?: boolean;
  /** Semantic validation of parameters, after the schema passed. */
  validate?(check: C): CheckParameterProblem[];
  evaluate(check: C, ctx: CheckContext): CheckResult[];
  /**
   * Ways `project` is looser than `central` (empty when it is at least as strict). Both have this kind.
   * Anything costgate cannot prove stricter counts as looser.
   */
  loosenings(central: C, project: C): string[];
}
