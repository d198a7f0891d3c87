import type { Resource } from "../../plan/resource.js";
import type { CostComponentSpec } from "../cost-component.js";
import type { PriceKey } from "../price-key.js";
import type { CatalogContext, CatalogEntry } from "./catalog-entry.js";
import { countProblem, factsWith, monthlyHours, workloadFromTags } from "./compute-components.js";

/**
 * Building blocks for the catalog entries of managed services (load balancers, databases, queues, keys …):
 * a per-resource quantity that scales with `count`, and a usage-based quantity read from the usage file. Neither
 * ever turns an unknown into $0: an unknown count or a missing usage value is a null quantity.
 */

/** Facts of a resource that runs no EC2 instances of its own (no GPUs, no instance types). */
export const serviceFacts: CatalogEntry["facts"] = (r) => factsWith({ instanceTypes: [], instanceCount: null, gpusPerInstance: null }, workloadFromTags(r), undefined);

/**
 * A quantity every instance of the resource has (`perResource` units each, e.g. 730 hours or 1 key-month),
 * times `count`. `problem` (an unknown attribute) leaves it unpriced with the reason; an unknown count too.
 */
export function perResource(
  r: Resource,
  c: { name: string; unit: string; perResource: number | null; priceKey: PriceKey | null; usageKey?: string; problem?: string | undefined; quantitySource?: CostComponentSpec["quantitySource"] },
): CostComponentSpec {
  const problem = c.problem ?? countProblem(r);
  return {
    name: c.name,
    unit: c.unit,
    monthlyQuantity: r.count === null || c.perResource === null ? null : c.perResource * r.count,
    ...(c.usageKey ? { usageKey: c.usageKey } : {}),
    priceKey: c.priceKey,
    purchaseOption: "on-demand",
    ...(c.quantitySource ? { quantitySource: c.quantitySource } : {}),
    ...(problem ? { unpricedReason: problem } : {}),
  };
}

/**
 * Hours per month of each instance of an always-on resource (usage `monthly_hrs`, else 730) × `perResource` (e.g.
 * AZs; null = unknown) × `count`.
 */
export function resourceHours(r: Resource, ctx: CatalogContext, c: { name: string; priceKey: PriceKey | null; problem?: string | undefined; perResource?: number | null }): CostComponentSpec {
  const per = c.perResource === undefined ? 1 : c.perResource;
  return perResource(r, { name: c.name, unit: "hours", perResource: per === null ? null : monthlyHours(ctx) * per, priceKey: c.priceKey, usageKey: "monthly_hrs", problem: c.problem });
}

/**
 * A usage-based quantity: the usage file's `usageKey` (per resource, as Infracost reads it) divided by `per`
 * (e.g. 1,000,000 for a price per 1M requests). Null (usage-based, never $0) when the usage file does not set it.
 */
export function fromUsage(ctx: CatalogContext, c: { name: string; unit: string; usageKey: string; priceKey: PriceKey | null; per?: number; problem?: string | undefined }): CostComponentSpec {
  const v = ctx.usage[c.usageKey];
  return {
    name: c.name,
    unit: c.unit,
    monthlyQuantity: v === undefined ? null : v / (c.per ?? 1),
    usageKey: c.usageKey,
    priceKey: c.priceKey,
    purchaseOption: "usage",
    ...(c.problem ? { unpricedReason: c.problem } : {}),
  };
}

/**
 * A usage-based quantity priced only in its first tier: up to `firstTier` units at the first tier's price, and
 * whatever exceeds it as a second component, unpriced with the reason (never at the first tier's rate).
 */
export function firstTierOnly(c: { name: string; unit: string; usageKey: string; quantity: number | null; priceKey: PriceKey | null; firstTier: number; tierLabel: string; problem?: string | undefined }): CostComponentSpec[] {
  const base = { unit: c.unit, usageKey: c.usageKey, purchaseOption: "usage" as const };
  const first: CostComponentSpec = { ...base, name: c.name, monthlyQuantity: c.quantity === null ? null : Math.min(c.quantity, c.firstTier), priceKey: c.priceKey, ...(c.problem ? { unpricedReason: c.problem } : {}) };
  if (c.quantity === null || c.quantity <= c.firstTier) return [first];
  return [
    { ...first, name: `${c.name} (${c.tierLabel})` },
    { ...base, name: `${c.name} (beyond the ${c.tierLabel})`, monthlyQuantity: c.quantity - c.firstTier, priceKey: null, unpricedReason: `costgate prices only the ${c.tierLabel}; the later tiers are cheaper and have no price here (never priced at the first tier's rate)` },
  ];
}
