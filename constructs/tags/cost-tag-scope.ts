import type { IConstruct } from "constructs";
import { resolveCostTagRules, type CostTagRules, type ResolvedCostTagRules } from "./cost-tag-rules.js";

/** Cost tag data is kept on the construct under a global symbol, so two copies of costgate agree. */
const COST_TAGS = Symbol.for("costgate/CostTags");

export interface CostTagData {
  tags: Record<string, string>;
  rules?: CostTagRules;
}

/** The scope's own cost tag data, created (marking the scope governed) when `create` is set. */
export function costTagData(scope: IConstruct, create: true): CostTagData;
export function costTagData(scope: IConstruct, create?: false): CostTagData | undefined;
export function costTagData(scope: IConstruct, create = false): CostTagData | undefined {
  const holder = scope as unknown as { [COST_TAGS]?: CostTagData };
  if (!holder[COST_TAGS] && create) Object.defineProperty(holder, COST_TAGS, { value: { tags: {} }, enumerable: false });
  return holder[COST_TAGS];
}

export interface EffectiveCostTags {
  tags: Record<string, string>;
  rules: ResolvedCostTagRules;
  /** The outermost governed scope: setting a missing tag there fixes every resource below it. */
  outermost: IConstruct;
  /** Which scope set each key's value in effect (where an invalid value is reported). */
  setBy: Record<string, IConstruct>;
}

/** Merge cost tags from the root down to `node` (nearer wins); undefined when no scope on the way is governed. */
export function effectiveCostTags(node: IConstruct): EffectiveCostTags | undefined {
  let tags: Record<string, string> | undefined;
  let rules: CostTagRules | undefined;
  let outermost: IConstruct | undefined;
  const setBy: Record<string, IConstruct> = {};
  for (const scope of node.node.scopes) {
    const d = costTagData(scope);
    if (!d) continue;
    tags = { ...(tags ?? {}), ...d.tags };
    for (const k of Object.keys(d.tags)) setBy[k] = scope;
    if (d.rules) rules = d.rules;
    outermost ??= scope;
  }
  if (!tags || !outermost) return undefined;
  return { tags, rules: resolveCostTagRules(rules), outermost, setBy };
}
