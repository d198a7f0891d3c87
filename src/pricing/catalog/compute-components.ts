import { HOURS_PER_MONTH } from "../estimate.js";
import type { CostComponentSpec, PurchaseOption, ResourceFacts } from "../cost-component.js";
import type { PriceKey } from "../price-key.js";
import { isExpression, literalString, toNumber } from "../../plan/json-values.js";
import { isUnknown } from "../../plan/unknown-value.js";
import type { Resource } from "../../plan/resource.js";
import type { CatalogContext } from "./catalog-entry.js";
import { ebsIopsPrice, ebsStoragePrice, ebsThroughputPrice, ec2InstancePrice } from "../prices/index.js";
import { ebsIopsTiers } from "./ebs-iops-tiers.js";
import { hasNoSpotMarket, isMacInstanceType, macHostReason, noSpotMarketReason } from "./purchase-constraints.js";

/** Monthly hours a steadily-running resource runs: usage `monthly_hrs`, else 730. */
export function monthlyHours(ctx: CatalogContext): number {
  return ctx.usage.monthly_hrs ?? HOURS_PER_MONTH;
}

/**
 * Elastic capacity of a group: `min`..`max` instances × Terraform count, or undefined when either bound is not a
 * literal (the quantity then has no range; an unknown max makes the high end unbounded).
 */
export function capacityRange(min: unknown, max: unknown, count: number | null): { min: number; max: number | null } | undefined {
  const lo = toNumber(min);
  if (lo === null || count === null) return undefined;
  const hi = toNumber(max);
  return { min: lo * count, max: hi === null ? null : hi * count };
}

/** Why an instance count cannot be used, or undefined when it is a known number. */
export function countProblem(r: Resource): string | undefined {
  if (r.count === null) return `count is unknown (${r.countExpression ?? "an expression"}); set a literal count or instance_count in a usage file`;
  return undefined;
}

/**
 * Read an instance type attribute: the literal type, or a reason it cannot be priced (expression, missing,
 * unknown type when unknown types are allowed).
 */
export function readInstanceType(
  value: unknown,
  attributePointer: string,
  ctx: CatalogContext,
): { type?: string; problem?: string } {
  if (value === undefined || value === null || value === "") return { problem: "no instance type is set" };
  if (isExpression(value)) return { problem: `instance type is an expression (${value}) costgate cannot resolve` };
  if (isUnknown(value)) return { problem: `instance type is unknown until apply (${value.toString()})` };
  if (typeof value !== "string") return { problem: `instance type is not a string (${JSON.stringify(value)})` };
  // A real type, priced per host: not an unknown type (a typo), and not an instance-hour price.
  if (isMacInstanceType(value)) return { type: value, problem: macHostReason(value) };
  const problem = ctx.checkInstanceType(value, attributePointer);
  return problem ? { type: value, problem } : { type: value };
}

/**
 * A `facts.instanceTypes` entry for a type costgate cannot read: the expression itself, else `${…}` around what it
 * is (`${known after apply}`, `${instance_requirements}`, `${p5 family, size chosen by AWS Batch}`), so
 * `isUnresolved` is true for it and policies on instance types fail closed instead of missing it.
 */
export function unresolvedTypeEntry(value: unknown, whenAbsent: string): string {
  // `""` is how the provider's state writes an unset type: absent, like null.
  if (value === undefined || value === null || value === "") return `\${${whenAbsent}}`;
  if (typeof value === "string") return isExpression(value) ? value : `\${${value}}`;
  if (isUnknown(value)) return "${known after apply}";
  return `\${${JSON.stringify(value)}}`;
}

/** A `facts.instanceTypes` entry for a type value: the literal type, else its `unresolvedTypeEntry`. */
export function instanceTypeEntry(value: unknown, whenAbsent: string): string {
  return literalString(value) || unresolvedTypeEntry(value, whenAbsent);
}

/**
 * Another instance type capacity may run (`CostComponentSpec.otherInstanceTypes`): read like the first (a typo is a
 * positioned error), priced when it is a literal, known type, and named by its `unresolvedTypeEntry` when costgate
 * cannot read it. `type` is the literal type, when there is one.
 */
export function otherInstanceType(
  value: unknown,
  attributePointer: string,
  region: string,
  ctx: CatalogContext,
  whenAbsent: string,
): { instanceType: string; priceKey: PriceKey | null; type?: string } {
  const it = readInstanceType(value, attributePointer, ctx);
  return { instanceType: it.type ?? unresolvedTypeEntry(value, whenAbsent), priceKey: it.type && !it.problem ? ec2InstancePrice(region, it.type) : null, ...(it.type ? { type: it.type } : {}) };
}

/** An EC2 instance-hours component (on-demand or spot). */
export function ec2InstanceHours(opts: {
  region: string;
  instanceType: string | undefined;
  problem: string | undefined;
  instances: number | null;
  hours: number;
  purchase: "on-demand" | "spot";
  what?: string;
  /**
   * Elastic capacity in instances (ASG min_size..max_size, node group scaling_config): the component's quantity
   * range. `max` null = unbounded or unknown.
   */
  capacity?: { min: number; max: number | null };
  /**
   * The other instance types the capacity may run (see CostComponentSpec.otherInstanceTypes): the high end is
   * priced at the costliest. With them, fixed capacity gets a range too (low = high = the count).
   */
  otherInstanceTypes?: { instanceType: string; priceKey: PriceKey | null; high?: number | null }[];
}): CostComponentSpec {
  const label = `${opts.what ?? "Instance usage"} (Linux/UNIX, ${opts.purchase}, ${opts.instanceType ?? "unknown type"})`;
  const noSpot = opts.purchase === "spot" && opts.instanceType !== undefined && hasNoSpotMarket(opts.instanceType) ? noSpotMarketReason(opts.instanceType) : undefined;
  const problem = opts.problem ?? noSpot ?? (opts.instances === null ? "instance count is unknown" : undefined);
  const others = opts.otherInstanceTypes?.length ? opts.otherInstanceTypes : undefined;
  const cap = opts.capacity ?? (others && opts.instances !== null ? { min: opts.instances, max: opts.instances } : undefined);
  return {
    name: label,
    unit: "hours",
    monthlyQuantity: opts.instances === null ? null : opts.instances * opts.hours,
    ...(cap && opts.instances !== null
      ? { quantityRange: { low: Math.min(cap.min, opts.instances) * opts.hours, high: cap.max === null ? null : Math.max(cap.max, opts.instances) * opts.hours } }
      : {}),
    usageKey: "monthly_hrs",
    priceKey: opts.instanceType && !opts.problem ? ec2InstancePrice(opts.region, opts.instanceType) : null,
    purchaseOption: opts.purchase,
    ...(problem ? { unpricedReason: problem } : {}),
    ...(others ? { otherInstanceTypes: others } : {}),
  };
}

/** EBS storage (and provisioned IOPS / throughput above the free baseline) for `volumes` volumes. */
export function ebsComponents(opts: {
  region: string;
  volumeType: string;
  sizeGb: number | null;
  iops?: number | null;
  throughput?: number | null;
  volumes: number | null;
  label: string;
  /**
   * Elastic capacity in instances, one volume set each (ASG min_size..max_size, node group scaling_config): each
   * component's quantity range, as `ec2InstanceHours` gives the instance-hours. `max` null = unbounded.
   */
  capacity?: { min: number; max: number | null } | undefined;
}): CostComponentSpec[] {
  const { region, volumeType, volumes } = opts;
  const n = volumes;
  const out: CostComponentSpec[] = [];
  const cap = opts.capacity;
  const qty = (per: number | null): number | null => (per === null || n === null ? null : per * n);
  // The range of a per-volume quantity over the capacity (none without capacity or a known count).
  const range = (per: number | null): Pick<CostComponentSpec, "quantityRange"> =>
    cap && per !== null && n !== null ? { quantityRange: { low: per * Math.min(cap.min, n), high: cap.max === null ? null : per * Math.max(cap.max, n) } } : {};
  const storageProblem = opts.sizeGb === null ? "volume size is unknown" : n === null ? "volume count is unknown" : undefined;
  out.push({
    name: `${opts.label} (${volumeType}, ${opts.sizeGb ?? "?"} GB)`,
    unit: "GB-months",
    monthlyQuantity: qty(opts.sizeGb),
    ...range(opts.sizeGb),
    priceKey: ebsStoragePrice(region, volumeType),
    purchaseOption: "on-demand",
    ...(storageProblem ? { unpricedReason: storageProblem } : {}),
  });
  // IOPS and throughput need the volume count too; without it they are unpriced, not usage-based.
  const countProblem = n === null ? { unpricedReason: "volume count is unknown" } : {};
  const iops = opts.iops ?? null;
  if ((volumeType === "io1" || volumeType === "io2") && iops !== null && iops > 0) {
    // io2 IOPS are priced in tiers (first 32,000, 32,001–64,000, above 64,000), each its own price.
    for (const t of ebsIopsTiers(volumeType, iops)) {
      out.push({ name: `${opts.label} provisioned IOPS${t.label}`, unit: "IOPS-months", monthlyQuantity: qty(t.quantity), ...range(t.quantity), priceKey: ebsIopsPrice(region, t.priceVariant), purchaseOption: "on-demand", ...countProblem });
    }
  }
  if (volumeType === "gp3" && iops !== null && iops > 3000) {
    out.push({ name: `${opts.label} IOPS above 3,000`, unit: "IOPS-months", monthlyQuantity: qty(iops - 3000), ...range(iops - 3000), priceKey: ebsIopsPrice(region, volumeType), purchaseOption: "on-demand", ...countProblem });
  }
  const tp = opts.throughput ?? null;
  if (volumeType === "gp3" && tp !== null && tp > 125) {
    out.push({ name: `${opts.label} throughput above 125 MiB/s`, unit: "MiBps-months", monthlyQuantity: qty(tp - 125), ...range(tp - 125), priceKey: ebsThroughputPrice(region, volumeType), purchaseOption: "on-demand", ...countProblem });
  }
  return out;
}

/**
 * Facts with `workload` and `checkpointLocation` set only when known, then `rest`, in that key order (the
 * order of the JSON report). Conditional assignments instead of spreads: this runs for every resource, and V8
 * builds an object literal with spreads in the middle much more slowly.
 */
export function factsWith(
  base: ResourceFacts,
  workload: ResourceFacts["workload"],
  checkpointLocation: string | undefined,
  rest?: Partial<ResourceFacts>,
): ResourceFacts {
  if (workload !== undefined) base.workload = workload;
  if (checkpointLocation !== undefined) base.checkpointLocation = checkpointLocation;
  return rest ? Object.assign(base, rest) : base;
}

/** Workload from the `workload` tag (training|inference), if set. */
export function workloadFromTags(r: Resource): "training" | "inference" | undefined {
  const w = (r.tags.workload ?? r.tags.Workload ?? "").toLowerCase();
  return w === "training" || w === "inference" ? w : undefined;
}

export type { PurchaseOption };
