import { CostgateError } from "../errors.js";
import { leavesHead, type Plan, type Resource } from "../plan/resource.js";
import { catalogEntryFor, FREE_TYPES } from "./catalog/index.js";
import type { CatalogContext } from "./catalog/catalog-entry.js";
import type { CostComponentSpec, ResourceFacts } from "./cost-component.js";
import { gpusOf, isKnownInstanceType, vcpusOf } from "./snapshot/snapshot.js";
import { internedString } from "./interned-string.js";
import { canonicalPriceKey } from "./price-key.js";
import { exposedInstanceFacts, exposedInstanceGroups } from "./catalog/exposed-instances.js";
import { createsNoAwsBill } from "./catalog/non-aws-providers.js";
import { usageFor, type ResourceUsage, type Usage, EMPTY_USAGE } from "./usage.js";

/** A resource with the cost components the catalog declares for it, before prices are known. */
export interface ResourceCostPlan {
  resource: Resource;
  kind: "costed" | "free" | "not-aws" | "unsupported";
  components: CostComponentSpec[];
  facts: ResourceFacts;
}

export interface PlanCostsOptions {
  /** List unknown instance types as unpriced instead of failing (e.g. types newer than the snapshot). */
  allowUnknownInstanceTypes?: boolean;
  /** The pricing date, YYYY-MM-DD (UTC); default: today. See `CatalogContext.today`. */
  today?: string;
}

const NO_FACTS: ResourceFacts = Object.freeze({ instanceTypes: Object.freeze([]) as unknown as string[], instanceCount: null, gpusPerInstance: null });
const NO_COMPONENTS: CostComponentSpec[] = Object.freeze([]) as unknown as CostComponentSpec[];

/** Pure: declare every resource's cost components. Deleted resources (plan action delete) cost nothing. */
export function planCosts(plan: Plan, usage: Usage = EMPTY_USAGE, opts: PlanCostsOptions = {}): ResourceCostPlan[] {
  const index = new StackIndex(plan.resources);
  // One context for the whole plan, pointed at each resource in turn: catalog entries use it synchronously, and
  // a context (with its closures) per resource was a large share of the allocations for 50,000 resources.
  let resource: Resource = plan.resources[0]!;
  const ctx: CatalogContext = {
    usage: EMPTY_RESOURCE_USAGE,
    today: opts.today ?? new Date().toISOString().slice(0, 10),
    findResource: (type, name) => index.find(resource.stack, type, name),
    resourcesOfType: (type) => index.ofType(resource.stack, type),
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
  const out: ResourceCostPlan[] = new Array(plan.resources.length);
  for (let i = 0; i < plan.resources.length; i++) {
    resource = plan.resources[i]!;
    const entry = catalogEntryFor(resource.type);
    if (!entry && createsNoAwsBill(resource.type)) {
      out[i] = { resource, kind: "not-aws", components: NO_COMPONENTS, facts: NO_FACTS };
      continue;
    }
    if (!entry) {
      const free = FREE_TYPES.has(resource.type);
      // A type costgate cannot price still shows its instance types to GPU and instance-type rules.
      const groups = free ? [] : exposedInstanceGroups(resource);
      out[i] = { resource, kind: free ? "free" : "unsupported", components: NO_COMPONENTS, facts: groups.length ? saneFacts(exposedInstanceFacts(groups, gpusOf)) : NO_FACTS };
      continue;
    }
    ctx.usage = usageFor(usage, resource);
    const facts = saneFacts(entry.facts(resource, ctx));
    const components = leavesHead(resource.action) ? NO_COMPONENTS : finishedComponents(entry.components(resource, ctx), ctx.usage);
    // A Kubernetes object that is not capacity (a Namespace, a Deployment) is not AWS cost either.
    out[i] = { resource, kind: components.length === 0 && createsNoAwsBill(resource.type) && !leavesHead(resource.action) ? "not-aws" : "costed", components, facts };
  }
  return out;
}

const EMPTY_RESOURCE_USAGE: ResourceUsage = Object.freeze({});

/**
 * Resources by stack, type and name, built on first use (most plans never look another resource up). The last
 * resource with a stack, type and name wins, as in Terraform JSON where a later key replaces an earlier one.
 */
class StackIndex {
  private byName: Map<string, Map<string, Map<string, Resource>>> | undefined;
  private byType: Map<string, Map<string, Resource[]>> | undefined;

  constructor(private readonly resources: readonly Resource[]) {}

  find(stack: string, type: string, name: string): Resource | undefined {
    if (!this.byName) {
      this.byName = new Map();
      for (const r of this.resources) getOrAdd(getOrAdd(this.byName, r.stack, () => new Map()), r.type, () => new Map()).set(r.name, r);
    }
    return this.byName.get(stack)?.get(type)?.get(name);
  }

  ofType(stack: string, type: string): Resource[] {
    if (!this.byType) {
      this.byType = new Map();
      for (const r of this.resources) getOrAdd(getOrAdd(this.byType, r.stack, () => new Map()), r.type, () => []).push(r);
    }
    return this.byType.get(stack)?.get(type) ?? [];
  }
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}

/** More units than this in a month is not a real bill (10^12 GB-months is a zettabyte): the input is wrong. */
export const MAX_MONTHLY_QUANTITY = 1e12;

/**
 * A catalog entry's components, ready to keep: a quantity set from the usage file says so (`quantitySource`);
 * out-of-range quantities (a negative size or capacity, a count
 * beyond reason) make a component unpriced, with the reason, instead of a negative, infinite or absurd cost;
 * names and price keys are shared copies; the array is exactly as long as it needs to be (one grown by push
 * keeps spare room, and 50,000 of them add up).
 */
function finishedComponents(components: CostComponentSpec[], usage: ResourceUsage): CostComponentSpec[] {
  if (components.length === 0) return NO_COMPONENTS;
  const out = components.slice();
  for (let i = 0; i < out.length; i++) {
    const c = out[i]!;
    c.name = internedString(c.name);
    // Instance-hours are instances × hours: a usage-file instance_count sets them as much as monthly_hrs does.
    if (c.quantitySource === undefined && c.usageKey !== undefined && (usage[c.usageKey] !== undefined || (c.usageKey === "monthly_hrs" && usage.instance_count !== undefined)))
      c.quantitySource = "usage";
    if (c.priceKey) c.priceKey = canonicalPriceKey(c.priceKey);
    const q = c.monthlyQuantity;
    if (q === null || (q >= 0 && q <= MAX_MONTHLY_QUANTITY) || c.unpricedReason !== undefined) continue;
    const why = q < 0 ? "is negative" : Number.isFinite(q) ? `exceeds ${MAX_MONTHLY_QUANTITY.toExponential()}` : "is not a finite number";
    out[i] = { ...c, unpricedReason: `monthly quantity ${q} ${c.unit} ${why}; check the resource's sizes and counts` };
  }
  return out;
}

/** Counts and limits that are negative or not finite are unknown to policies (which then fail closed). */
function saneFacts(f: ResourceFacts): ResourceFacts {
  const bad = (n: number | null | undefined) => typeof n === "number" && !(n >= 0 && Number.isFinite(n));
  if (!bad(f.instanceCount) && !bad(f.minCapacity) && !bad(f.maxRuntimeSeconds) && !bad(f.maxWaitSeconds) && !bad(f.gpuCount) && !bad(f.maxCapacity)) return f;
  const out = { ...f };
  if (bad(f.instanceCount)) out.instanceCount = null;
  if (bad(f.gpuCount)) out.gpuCount = null;
  if (bad(f.maxCapacity)) out.maxCapacity = null;
  if (bad(f.minCapacity)) out.minCapacity = null;
  if (bad(f.maxRuntimeSeconds)) out.maxRuntimeSeconds = null;
  if (bad(f.maxWaitSeconds)) out.maxWaitSeconds = null;
  return out;
}
