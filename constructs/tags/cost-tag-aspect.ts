import type { IConstruct } from "constructs";
import { AnnotationLedger } from "../framework/annotation-ledger.js";
import { isTerraformResource, isTerraformStack } from "../framework/construct-shape.js";
import { checkCostTags, describeTagProblems, type TagProblem } from "./cost-tag-rules.js";
import { effectiveCostTags } from "./cost-tag-scope.js";
import { propagateCostTags } from "./propagate-cost-tags.js";

/**
 * Applies cost tags at synth and fails synth when a governed resource lacks them. Idempotent: a second synth
 * writes nothing new, and each pass replaces the previous pass's annotations instead of adding to them.
 *
 * Where a problem is reported: a missing tag on the outermost governed scope (setting it there fixes every
 * resource below); an invalid inherited value on the scope that set it; a resource's own bad tag on the resource.
 */
export class CostTagAspect {
  private readonly ledger = new AnnotationLedger();

  visit(node: IConstruct): void {
    // Registered on a stack, so the stack is visited first: a new synth pass starts.
    if (isTerraformStack(node)) this.ledger.reset();
    if (!isTerraformResource(node)) return;
    const effective = effectiveCostTags(node);
    if (!effective) return;
    const result = propagateCostTags(node, effective.tags);
    if (!result.taggable) return;
    if ("unresolved" in result) {
      this.ledger.add(node, "warn", `costgate: cannot add or check cost tags on ${node.terraformResourceType}: ${result.unresolved}`);
      return;
    }
    const problems = checkCostTags(result.tags, effective.rules);
    if (problems.length === 0) return;
    const hint = "(set them with CostTags.of(scope).set({...}) or the construct's `tags` prop)";
    const ownProblems: TagProblem[] = [];
    for (const p of problems) {
      if (p.kind === "missing") {
        this.ledger.add(effective.outermost, "error", `costgate: ${describeTagProblems([p])} ${hint}`);
      } else if (p.key in result.own || !effective.setBy[p.key]) {
        ownProblems.push(p);
      } else {
        this.ledger.add(effective.setBy[p.key]!, "error", `costgate: ${describeTagProblems([p])} ${hint}`);
      }
    }
    if (ownProblems.length) this.ledger.add(node, "error", `costgate: ${node.terraformResourceType} has ${describeTagProblems(ownProblems)}`);
  }
}
