import { resourceKey } from "../plan/resource.js";
import { addRange, HOURS_PER_MONTH, zeroRange, type CostRange, type ResourceEstimate } from "../pricing/estimate.js";
import type { CostBasis } from "./policy-document.js";

/**
 * Where a resource's environment came from: its tag, its stack (every tagged resource of the stack agrees),
 * the --environment flag, or the policy default.
 */
export type EnvironmentSource = "tag" | "stack" | "flag" | "default";

/** A resource as policies see it: the estimate plus its resolved environment. */
export interface PolicyResource {
  estimate: ResourceEstimate;
  /** `stack/address`, the identity across base and head. */
  key: string;
  environment: string;
  environmentSource: EnvironmentSource;
}

export interface EnvironmentOptions {
  tag: string;
  flag?: string;
  unresolved: string;
  /** Environment per stack, where every tagged resource of the stack names the same one. */
  stacks?: ReadonlyMap<string, string>;
}

/** A resource's own environment tag value (lower-cased), when it is set to a literal. */
function taggedEnvironment(r: ResourceEstimate, key: string): string | undefined {
  const tagged = tagValue(r, key);
  const usable = tagged !== undefined && tagged.value !== undefined && tagged.value.trim() !== "" && !tagged.value.includes("${");
  return usable ? tagged.value!.trim().toLowerCase() : undefined;
}

/**
 * The environment each stack is in, for stacks whose tagged resources all agree. Resources that cannot carry
 * tags (scaling policies, job queues) then take their stack's environment instead of the policy default.
 */
export function stackEnvironments(resources: readonly ResourceEstimate[], key: string): Map<string, string> {
  const seen = new Map<string, Set<string>>();
  for (const r of resources) {
    const e = taggedEnvironment(r, key);
    if (e === undefined) continue;
    if (!seen.has(r.stack)) seen.set(r.stack, new Set());
    seen.get(r.stack)!.add(e);
  }
  const out = new Map<string, string>();
  for (const [stack, envs] of seen) if (envs.size === 1) out.set(stack, [...envs][0]!);
  return out;
}

/** Resolve a resource's environment: tag (any key case), its stack's, the flag, then the policy default. Lower-cased. */
export function toPolicyResource(r: ResourceEstimate, env: EnvironmentOptions): PolicyResource {
  const tagged = taggedEnvironment(r, env.tag);
  const fromStack = env.stacks?.get(r.stack);
  const [environment, environmentSource]: [string, EnvironmentSource] =
    tagged !== undefined
      ? [tagged, "tag"]
      : fromStack !== undefined
        ? [fromStack, "stack"]
        : env.flag
          ? [env.flag.toLowerCase(), "flag"]
          : [env.unresolved.toLowerCase(), "default"];
  return { estimate: r, key: resourceKey(r), environment, environmentSource };
}

/**
 * A tag by key: exact key first, then any case (`Environment`). `value` is undefined when the key is set to an
 * expression costgate could not resolve.
 */
export function tagValue(r: Pick<ResourceEstimate, "tags" | "unknownTags">, key: string): { key: string; value: string | undefined } | undefined {
  if (Object.hasOwn(r.tags, key)) return { key, value: r.tags[key] };
  if (r.unknownTags.includes(key)) return { key, value: undefined };
  // Runs for every resource (environments, required tags): no array of keys per call.
  const lower = key.toLowerCase();
  for (const k in r.tags) if (k.toLowerCase() === lower && Object.hasOwn(r.tags, k)) return { key: k, value: r.tags[k] };
  for (const u of r.unknownTags) if (u.toLowerCase() === lower) return { key: u, value: undefined };
  return undefined;
}

/** Monthly cost on the chosen basis. */
export function monthlyCostOf(r: ResourceEstimate, basis: CostBasis = "estimated"): number {
  return basis === "on-demand" ? r.monthlyCostOnDemand : r.monthlyCost;
}

/** The monthly cost range on the chosen basis (high null: unbounded, or part of the cost is unknown). */
export function costRangeOf(r: ResourceEstimate, basis: CostBasis = "estimated"): CostRange {
  return basis === "on-demand" ? r.rangeOnDemand : r.range;
}

/**
 * The most a resource can cost a month on the chosen basis — the high end of its range — or undefined when that
 * is unbounded or unknown. Caps and bounded exemptions compare against it, so an unknown never passes as $0.
 */
export function ceilingOf(r: ResourceEstimate, basis: CostBasis = "estimated"): number | undefined {
  return costRangeOf(r, basis).high ?? undefined;
}

/** Sum of ranges of resources on a basis (high null when any is unbounded or unknown). */
export function sumRanges(rs: readonly PolicyResource[], basis: CostBasis = "estimated"): CostRange {
  const sum = zeroRange();
  for (const r of rs) addRange(sum, costRangeOf(r.estimate, basis));
  return sum;
}

/** Hourly rate of the whole resource (all its instances): monthly ÷ 730. */
export function hourlyRateOf(r: ResourceEstimate, basis: CostBasis = "estimated"): number {
  return monthlyCostOf(r, basis) / HOURS_PER_MONTH;
}

/**
 * True when the resource's monthly cost is not fully known: some or all components unpriced, a type costgate
 * cannot price, or usage-based components without usage. Such a resource's cost is at least what is shown.
 */
export function costIsIncomplete(r: ResourceEstimate): boolean {
  return !r.complete;
}

/** Short reason a resource's cost is incomplete, for messages. */
export function incompleteReason(r: ResourceEstimate): string {
  const note = r.notes[0];
  return `${r.status}${note ? `: ${note}` : ""}`;
}

/** Instance types without the SageMaker `ml.` prefix. */
export function normalizedInstanceType(t: string): string {
  return t.startsWith("ml.") ? t.slice(3) : t;
}

/** True when an instance type value is an unresolved expression. */
export function isUnresolved(v: string): boolean {
  return v.includes("${");
}

/**
 * Whether the resource's instance types are unknown: it runs compute (has a purchase option) but no literal type
 * was found, or a type is an unresolved expression.
 */
export function instanceTypesUnknown(r: ResourceEstimate): boolean {
  const f = r.facts;
  return (f.purchaseOption !== undefined && f.instanceTypes.length === 0) || f.instanceTypes.some(isUnresolved);
}

/**
 * GPUs of a resource: GPUs per instance × instances (instanceCount already includes Terraform `count`).
 * 0 for resources without compute or with GPU-less types; null when the type or the count is unknown.
 */
export function gpuCountOf(r: ResourceEstimate): number | null {
  const f = r.facts;
  if (f.gpuCount !== undefined) return f.gpuCount;
  if (f.gpusPerInstance === 0) return 0;
  if (f.gpusPerInstance === null) return f.instanceTypes.length === 0 && f.purchaseOption === undefined ? 0 : null;
  if (f.instanceCount === null) return null;
  return f.gpusPerInstance * f.instanceCount;
}

export { usdBrief as usd } from "../money.js";

/**
 * GPUs at the most capacity the resource allows (facts.maxGpuCount, else facts.maxCapacity × GPUs per instance):
 * equal to the count for fixed capacity, null when unbounded or unknown. 0 for resources without GPUs.
 */
export function maxGpuCountOf(r: ResourceEstimate): number | null {
  const f = r.facts;
  if (f.maxGpuCount !== undefined) return f.maxGpuCount;
  const n = gpuCountOf(r);
  if (n === 0 || f.maxCapacity === undefined || f.gpuCount !== undefined) return n;
  if (f.maxCapacity === null || f.gpusPerInstance === null) return null;
  return Math.max(n ?? 0, f.gpusPerInstance * f.maxCapacity);
}

/**
 * Whether a resource runs (or may run) compute: it names instance types (resolved or not), buys capacity, may
 * have GPUs, or is a module call costgate does not expand. Storage, networking and types costgate cannot price
 * that expose no instance type are not compute.
 */
export function mayBeCompute(r: ResourceEstimate): boolean {
  const f = r.facts;
  return r.type === "module" || f.purchaseOption !== undefined || f.instanceTypes.length > 0 || (f.gpusPerInstance !== null && f.gpusPerInstance > 0);
}
