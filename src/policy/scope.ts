import { leavesHead } from "../plan/resource.js";
import type { RuleScope } from "./policy-document.js";
import { environmentMatches } from "./environment-name.js";
import { firstMatchingGlob, globMatch } from "./glob.js";
import { tagValue, type PolicyResource } from "./policy-resource.js";

/**
 * Whether a resource is in a rule's scope. Every selector given must match; within a list any entry may.
 * Resources being deleted (or only read) are never in scope: they will not exist after the change.
 */
export function inScope(scope: RuleScope | undefined, r: PolicyResource): boolean {
  const e = r.estimate;
  if (leavesHead(e.action) || e.action === "read") return false;
  if (!scope) return true;
  if (scope.resourceTypes && firstMatchingGlob(scope.resourceTypes, e.type) === undefined) return false;
  if (scope.stacks && firstMatchingGlob(scope.stacks, e.stack) === undefined) return false;
  if (scope.addresses && !scope.addresses.some((a) => globMatch(a, e.address) || globMatch(a, r.key))) return false;
  // By environment, not spelling: `dev` matches `development`, `ml-dev` (see environmentOfName).
  if (scope.environments && !lowerCased(scope.environments).some((e) => environmentMatches(e, r.environment))) return false;
  if (scope.workloads && (e.facts.workload === undefined || !scope.workloads.includes(e.facts.workload))) return false;
  if (scope.regions && firstMatchingGlob(scope.regions, e.region) === undefined) return false;
  if (scope.actions && !(scope.actions as string[]).includes(e.action)) return false;
  if (scope.tags) {
    for (const [key, want] of Object.entries(scope.tags)) {
      const t = tagValue(e, key);
      if (t === undefined) return false;
      const globs = Array.isArray(want) ? want : [want];
      // "*" only asks for the key; any other glob needs a known value.
      if (globs.includes("*")) continue;
      if (t.value === undefined || firstMatchingGlob(globs, t.value) === undefined) return false;
    }
  }
  return true;
}

const lowered = new WeakMap<readonly string[], string[]>();

/** A selector list in lower case, computed once per list (inScope runs for every rule × resource). */
function lowerCased(list: readonly string[]): string[] {
  let out = lowered.get(list);
  if (!out) lowered.set(list, (out = list.map((x) => x.toLowerCase())));
  return out;
}
