import type { Plan, Resource } from "../plan/resource.js";
import { catalogEntryFor, FREE_TYPES } from "./catalog/index.js";
import type { CatalogContext } from "./catalog/catalog-entry.js";
import type { CostComponentSpec, ResourceFacts } from "./cost-component.js";
import { gpusOf } from "./snapshot/snapshot.js";
import { usageFor, type Usage, EMPTY_USAGE } from "./usage.js";

/** A resource with the cost components the catalog declares for it, before prices are known. */
export interface ResourceCostPlan {
  resource: Resource;
  kind: "costed" | "free" | "unsupported";
  components: CostComponentSpec[];
  facts: ResourceFacts;
}

const NO_FACTS: ResourceFacts = { instanceTypes: [], instanceCount: null, gpusPerInstance: null };

/** Pure: declare every resource's cost components. Deleted resources (plan action delete) cost nothing. */
export function planCosts(plan: Plan, usage: Usage = EMPTY_USAGE): ResourceCostPlan[] {
  const index = new Map<string, Resource>();
  for (const r of plan.resources) index.set(`${r.stack}\u0000${r.type}\u0000${r.name}`, r);
  return plan.resources.map((resource) => {
    const entry = catalogEntryFor(resource.type);
    if (!entry) {
      return { resource, kind: FREE_TYPES.has(resource.type) ? "free" : "unsupported", components: [], facts: NO_FACTS };
    }
    const ctx: CatalogContext = {
      usage: usageFor(usage, resource),
      findResource: (type, name) => index.get(`${resource.stack}\u0000${type}\u0000${name}`),
      gpusOf,
    };
    const facts = entry.facts(resource, ctx);
    if (resource.action === "delete") return { resource, kind: "costed", components: [], facts };
    return { resource, kind: "costed", components: entry.components(resource, ctx), facts };
  });
}
