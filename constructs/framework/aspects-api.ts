import type { IConstruct } from "constructs";

/** What an aspect is to both cdktf and cdktn: an object with `visit`. */
export interface CostgateAspect {
  visit(node: IConstruct): void;
}

/**
 * The `Aspects` class of the framework the stack belongs to (`import { Aspects } from "cdktf"` or `"cdktn"`).
 * Each framework keeps a private aspect registry, so an aspect added through the other one never runs.
 */
export interface AspectsApi {
  of(scope: IConstruct): { add(aspect: CostgateAspect): void; readonly all: readonly unknown[] };
}

const registered = new WeakMap<AspectsApi, WeakMap<IConstruct, Set<string>>>();

/** Add an aspect to a stack once per (framework, stack, kind); later calls return false and add nothing. */
export function addAspectOnce(aspects: AspectsApi, stack: IConstruct, kind: string, make: () => CostgateAspect): boolean {
  let byStack = registered.get(aspects);
  if (!byStack) registered.set(aspects, (byStack = new WeakMap()));
  let kinds = byStack.get(stack);
  if (!kinds) byStack.set(stack, (kinds = new Set()));
  if (kinds.has(kind)) return false;
  kinds.add(kind);
  aspects.of(stack).add(make());
  return true;
}
