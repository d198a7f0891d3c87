import type { IConstruct } from "constructs";
import { parseUsage, type Usage } from "../../src/pricing/usage.js";
import { stackOf } from "./construct-shape.js";

/**
 * Unit-economics inputs a construct declares for one of its resources (usage keys → numbers, e.g.
 * `monthly_requests`, `hours_per_run`), kept per stack by stack-qualified address (`stack/type.logicalId`) so the
 * synth-time governance aspect prices them like a usage file. Framework-neutral: a resource only needs
 * `terraformResourceType` and `friendlyUniqueId` (cdktf and cdktn resources have both).
 */
const byStack = new WeakMap<IConstruct, Map<string, Record<string, number>>>();

export function recordUnitUsage(resource: IConstruct & { terraformResourceType: string; friendlyUniqueId: string }, values: Readonly<Record<string, number | undefined>>): void {
  const stack = stackOf(resource);
  if (!stack) return;
  const defined = Object.fromEntries(Object.entries(values).filter((e): e is [string, number] => e[1] !== undefined));
  if (Object.keys(defined).length === 0) return;
  let m = byStack.get(stack);
  if (!m) byStack.set(stack, (m = new Map()));
  m.set(`${stack.node.id}/${resource.terraformResourceType}.${resource.friendlyUniqueId}`, defined);
}

/**
 * `usage` with the stack's construct-declared unit inputs added before it (so a usage file's values for the same
 * address win). Validated like a usage file (unknown keys, negative numbers, a utilisation above 1 throw).
 */
export function withConstructUsage(stack: IConstruct, usage: Usage): Usage {
  const m = byStack.get(stack);
  if (!m || m.size === 0) return usage;
  const declared = parseUsage(JSON.stringify({ resource_usage: Object.fromEntries(m) }), `${stack.node.id} (construct unit inputs)`);
  return { ...usage, byAddress: [...declared.byAddress, ...usage.byAddress] };
}
