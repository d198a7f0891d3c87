import type { IConstruct } from "constructs";
import { addAspectOnce, type AspectsApi } from "../framework/aspects-api.js";
import { FRAMEWORK_ASPECTS, assertSameFramework } from "../framework/framework.js";
import { stackOf } from "../framework/construct-shape.js";
import { CostTagAspect } from "./cost-tag-aspect.js";
import type { CostTagRules } from "./cost-tag-rules.js";
import { costTagData, effectiveCostTags, type CostTagData } from "./cost-tag-scope.js";

/**
 * Cost tags for a subtree: set once on a stack or a construct, applied at synth to every taggable resource
 * below it (including ASG `tag` blocks, launch template `tag_specifications` and Batch compute resources,
 * which provider `default_tags` do not reach) and checked there: missing or invalid tags fail synth.
 * Nearer scopes win per key; a resource's own tags win over inherited cost tags.
 */
export class CostTags {
  /**
   * Cost tags of a scope (a stack or any construct inside one). `aspects` is the framework's `Aspects`
   * class; the default is the framework these constructs are built for (cdktf for `costgate/constructs`,
   * cdktn for `costgate/constructs/cdktn`), and a stack of the other framework is then a clear error.
   */
  static of(scope: IConstruct, aspects?: AspectsApi): CostTags {
    return new CostTags(scope, aspects);
  }

  private constructor(
    private readonly scope: IConstruct,
    private readonly aspects: AspectsApi | undefined,
  ) {}

  /** Add (or replace, per key) cost tags on this scope. */
  set(tags: Readonly<Record<string, string>>): this {
    Object.assign(this.data().tags, tags);
    return this;
  }

  /** Change which keys are required and which values are allowed, for this scope and below. */
  rules(rules: CostTagRules): this {
    this.data().rules = rules;
    return this;
  }

  /** Mark this scope as governed (its resources must carry the required tags) without setting any. */
  require(): this {
    this.data();
    return this;
  }

  /** Tags in effect here: every ancestor's, then this scope's (nearer wins). */
  get tags(): Record<string, string> {
    return effectiveCostTags(this.scope)?.tags ?? {};
  }

  private data(): CostTagData {
    const stack = stackOf(this.scope);
    if (!stack) {
      // cdktf and cdktn only run aspects registered on stacks; tags set on an App would silently do nothing.
      throw new Error(`CostTags.of(${this.scope.node.path || "<app>"}): set cost tags on a stack or a construct inside a stack, not on the App`);
    }
    if (!this.aspects) assertSameFramework(stack, "CostTags.of");
    ensureCostTagAspect(stack, this.aspects ?? FRAMEWORK_ASPECTS);
    return costTagData(this.scope, true);
  }
}

/** Register the tag-propagating aspect on a stack (once per framework); `aspects` defaults to the constructs' framework. */
export function ensureCostTagAspect(stack: IConstruct, aspects: AspectsApi = FRAMEWORK_ASPECTS): void {
  addAspectOnce(aspects, stack, "cost-tags", () => new CostTagAspect());
}
