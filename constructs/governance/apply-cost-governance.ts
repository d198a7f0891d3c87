import type { IConstruct } from "constructs";
import { addAspectOnce, type AspectsApi } from "../framework/aspects-api.js";
import { FRAMEWORK_ASPECTS, assertSameFramework } from "../framework/framework.js";
import { isTerraformStack } from "../framework/construct-shape.js";
import { ensureCostTagAspect } from "../tags/cost-tags.js";
import { CostGovernanceAspect, type CostGovernanceOptions } from "./cost-governance-aspect.js";

export interface ApplyCostGovernanceOptions extends CostGovernanceOptions {
  /** The stack's framework `Aspects` class (default: that of the framework these constructs are built for). */
  readonly aspects?: AspectsApi;
}

/**
 * Evaluate cost policies on every synth of `stack`. Idempotent: a second call on the same stack returns the
 * aspect already registered. Aspects on the App never run in cdktf or cdktn, so this takes a stack.
 */
export function applyCostGovernance(stack: IConstruct, opts: ApplyCostGovernanceOptions): CostGovernanceAspect {
  if (!isTerraformStack(stack)) throw new Error(`applyCostGovernance: ${stack.node.path || "<app>"} is not a stack (aspects on an App never run)`);
  if (!opts.aspects) assertSameFramework(stack, "applyCostGovernance");
  const aspects = opts.aspects ?? FRAMEWORK_ASPECTS;
  // Cost tags are applied before the evaluation sees the stack: register their aspect first.
  ensureCostTagAspect(stack, aspects);
  const existing = governed.get(stack);
  if (existing) return existing;
  const aspect = new CostGovernanceAspect(stack, opts, aspects);
  addAspectOnce(aspects, stack, "cost-governance", () => aspect);
  governed.set(stack, aspect);
  return aspect;
}

const governed = new WeakMap<IConstruct, CostGovernanceAspect>();
