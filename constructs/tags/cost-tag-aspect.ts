import type { IConstruct } from "constructs";
import { annotateOnce } from "../framework/annotate.js";
import { isTerraformResource } from "../framework/construct-shape.js";
import { checkCostTags, describeTagProblems } from "./cost-tag-rules.js";
import { effectiveCostTags } from "./cost-tag-scope.js";
import { propagateCostTags } from "./propagate-cost-tags.js";

/**
 * Applies cost tags at synth and fails synth when a governed resource lacks them. Idempotent: merging
 * tags that are already present writes nothing, and annotations are added once (aspects rerun every synth).
 *
 * A problem caused by the scope's cost tags (e.g. no `owner` set on the construct) is reported once on the
 * scope that should set it; a problem only one resource has (e.g. its own invalid tag) on that resource.
 */
export class CostTagAspect {
  visit(node: IConstruct): void {
    if (!isTerraformResource(node)) return;
    const effective = effectiveCostTags(node);
    if (!effective) return;
    const result = propagateCostTags(node, effective.tags);
    if (!result.taggable) return;
    if ("unresolved" in result) {
      annotateOnce(node, "warn", `costgate: cannot add or check cost tags on ${node.terraformResourceType}: ${result.unresolved}`);
      return;
    }
    const problems = checkCostTags(result.tags, effective.rules);
    if (problems.length === 0) return;
    const fromScope = checkCostTags(effective.tags, effective.rules);
    const scopeKeys = new Set(fromScope.map((p) => `${p.kind}:${p.key}`));
    const own = problems.filter((p) => !scopeKeys.has(`${p.kind}:${p.key}`));
    const inherited = problems.filter((p) => scopeKeys.has(`${p.kind}:${p.key}`));
    if (inherited.length) {
      annotateOnce(
        effective.owner,
        "error",
        `costgate: ${describeTagProblems(inherited)} (set them with CostTags.of(scope).set({...}) or the construct's \`tags\` prop)`,
      );
    }
    if (own.length) annotateOnce(node, "error", `costgate: ${node.terraformResourceType} has ${describeTagProblems(own)}`);
  }
}
