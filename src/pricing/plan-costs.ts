import { CostgateError } from "../errors.js";
import type { Plan, Resource } from "../plan/resource.js";
import { catalogEntryFor, FREE_TYPES } from "./catalog/index.js";
import type { CatalogContext } from "./catalog/catalog-entry.js";
import type { CostComponentSpec, ResourceFacts } from "./cost-component.js";
import { gpusOf, isKnownInstanceType, vcpusOf } from "./snapshot/snapshot.js";
import { usageFor, type Usage, EMPTY_USAGE } from "./usage.js";

/** A resource with the cost components the catalog declares for it, before prices are known. */
export interface ResourceCostPlan {
  resource: Resource;
  kind: "costed" | "free" | "unsupported";
  components: CostComponentSpec[];
  facts: ResourceFacts;
}

export interface PlanCostsOptions {
  /** List unknown instance types as unpriced instead of failing (e.g. types newer than the snapshot). */
  allowUnknownInstanceTypes?: boolean;
}

const NO_FACTS: ResourceFacts = { instanceTypes: [], instanceCount: null, gpusPerInstance: null };

/** Pure: declare every resource's cost components. Deleted resources (plan action delete) cost nothing. */
export function planCosts(plan: Plan, usage: Usage = EMPTY_USAGE, opts: PlanCostsOptions = {}): ResourceCostPlan[] {
  const index = new Map<string, Resource>();
  const byType = new Map<string, Resource[]>();
  for (const r of plan.resources) {
    index.set(`${r.stack}\u0000${r.type}\u0000${r.name}`, r);
    const k = `${r.stack}\u0000${r.type}`;
    if (!byType.has(k)) byType.set(k, []);
    byType.get(k)!.push(r);
  }
  return plan.resources.map((resource) => {
    const entry = catalogEntryFor(resource.type);
    if (!entry) {
      return { resource, kind: FREE_TYPES.has(resource.type) ? "free" : "unsupported", components: [], facts: NO_FACTS };
    }
    const ctx: CatalogContext = {
      usage: usageFor(usage, resource),
      findResource: (type, name) => index.get(`${resource.stack}\u0000${type}\u0000${name}`),
      resourcesOfType: (type) => byType.get(`${resource.stack}\u0000${type}`) ?? [],
      gpusOf,
      vcpusOf,
      checkInstanceType: (type, at) => {
        if (isKnownInstanceType(type)) return undefined;
        const why = `unknown instance type \`${type}\``;
        if (opts.allowUnknownInstanceTypes) return `${why} (not in the snapshot's list of EC2 types)`;
        throw new CostgateError(
          `${why} on ${resource.address}; expected an EC2 instance type such as g5.xlarge or p5.48xlarge (or pass --allow-unknown-types)`,
          resource.origin.file,
          resource.origin.pointer + (resource.origin.pointer.includes("resource_changes") ? "/change/after" : "") + at,
        );
      },
    };
    const facts = saneFacts(entry.facts(resource, ctx));
    if (resource.action === "delete") return { resource, kind: "costed", components: [], facts };
    return { resource, kind: "costed", components: saneQuantities(entry.components(resource, ctx)), facts };
  });
}

/** More units than this in a month is not a real bill (10^12 GB-months is a zettabyte): the input is wrong. */
export const MAX_MONTHLY_QUANTITY = 1e12;

/**
 * Out-of-range input (a negative size or capacity, a count beyond reason) makes a component unpriced, with the
 * reason, instead of a negative, infinite or absurd cost.
 */
function saneQuantities(components: CostComponentSpec[]): CostComponentSpec[] {
  for (let i = 0; i < components.length; i++) {
    const c = components[i]!;
    const q = c.monthlyQuantity;
    if (q === null || (q >= 0 && q <= MAX_MONTHLY_QUANTITY) || c.unpricedReason !== undefined) continue;
    const why = q < 0 ? "is negative" : Number.isFinite(q) ? `exceeds ${MAX_MONTHLY_QUANTITY.toExponential()}` : "is not a finite number";
    components[i] = { ...c, unpricedReason: `monthly quantity ${q} ${c.unit} ${why}; check the resource's sizes and counts` };
  }
  return components;
}

/** Counts and limits that are negative or not finite are unknown to policies (which then fail closed). */
function saneFacts(f: ResourceFacts): ResourceFacts {
  const bad = (n: number | null | undefined) => typeof n === "number" && !(n >= 0 && Number.isFinite(n));
  if (!bad(f.instanceCount) && !bad(f.minCapacity) && !bad(f.maxRuntimeSeconds) && !bad(f.maxWaitSeconds)) return f;
  const out = { ...f };
  if (bad(f.instanceCount)) out.instanceCount = null;
  if (bad(f.minCapacity)) out.minCapacity = null;
  if (bad(f.maxRuntimeSeconds)) out.maxRuntimeSeconds = null;
  if (bad(f.maxWaitSeconds)) out.maxWaitSeconds = null;
  return out;
}
