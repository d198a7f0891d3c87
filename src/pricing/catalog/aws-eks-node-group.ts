import { describeUnresolved, firstBlock, isUnresolved, literalString, toNumber } from "../../plan/json-values.js";
import { EKS_NODE_GROUP_DEFAULT_DISK_GB, EKS_NODE_GROUP_DEFAULT_INSTANCE_TYPE, EBS_DEFAULT_VOLUME_TYPE } from "./attribute-defaults.js";
import type { Resource } from "../../plan/resource.js";
import type { CatalogContext, CatalogEntry } from "./catalog-entry.js";
import { capacityRange, ebsComponents, ec2InstanceHours, factsWith, instanceTypeEntry, monthlyHours, otherInstanceType, readInstanceType, workloadFromTags } from "./compute-components.js";
import { referencedLaunchTemplate, } from "./launch-template-reference.js";
import { CAPACITY_BLOCK_UNPRICED } from "./aws-reserved-capacity.js";
import type { PriceKey } from "../price-key.js";
import { launchTemplateVolumes } from "./aws-autoscaling-group.js";

function shape(r: Resource, ctx: CatalogContext) {
  const sc = firstBlock(r.attributes.scaling_config);
  const desired = sc?.desired_size;
  const base = ctx.usage.instance_count ?? toNumber(desired);
  const instances = base === null ? null : r.count === null && ctx.usage.instance_count === undefined ? null : base * (ctx.usage.instance_count !== undefined ? 1 : r.count ?? 1);
  const template = referencedLaunchTemplate(r.attributes.launch_template, ctx, r);
  const types = Array.isArray(r.attributes.instance_types) ? r.attributes.instance_types : undefined;
  // EKS launches t3.medium when neither the node group nor its launch template names a type.
  const typeValue = types?.[0] ?? template?.attributes.instance_type ?? (r.attributes.instance_types === undefined && !template ? EKS_NODE_GROUP_DEFAULT_INSTANCE_TYPE : undefined);
  const spot = literalString(r.attributes.capacity_type) === "SPOT";
  return {
    sc,
    desired,
    instances,
    template,
    types: types?.filter((t): t is string => typeof t === "string" && !isUnresolved(t)) ?? [],
    typeValue,
    spot,
  };
}

/**
 * The node usage component's label. A group at desired size 0 scales from zero: its $0 is only the idle
 * state, so the label says so, with the ceiling and the usage key that prices expected use.
 */
function nodeUsageLabel(types: number, scalesFromZeroTo: number | null | undefined): string {
  const base = types > 1 ? `Node usage, priced as the first of ${types} instance types (the costliest at the high end),` : "Node usage";
  if (scalesFromZeroTo === undefined) return base;
  const ceiling = scalesFromZeroTo === null ? "" : ` to ${scalesFromZeroTo} node${scalesFromZeroTo === 1 ? "" : "s"}`;
  return `${base.replace(/,$/, "")}, scales from zero${ceiling}; set usage instance_count`;
}

/** `aws_eks_node_group`: scaling_config desired size × instance type (first of instance_types), spot when capacity_type is SPOT. */
export const awsEksNodeGroup: CatalogEntry = {
  types: ["aws_eks_node_group"],
  components(r, ctx) {
    const s = shape(r, ctx);
    const it = s.typeValue === undefined ? { problem: "instance type unknown: no instance_types and the launch template could not be resolved" } : readInstanceType(s.typeValue, "/instance_types/0", ctx);
    const countProblem =
      s.instances === null
        ? isUnresolved(s.desired) ? `desired size is ${typeof s.desired === "string" ? `an expression (${s.desired})` : `unknown until apply (${describeUnresolved(s.desired)})`}` : s.desired === undefined ? "scaling_config.desired_size is not set" : `count is unknown (${r.countExpression ?? "an expression"})`
        : undefined;
    const out = [
      ec2InstanceHours({
        region: r.region,
        instanceType: it.type,
        // Capacity Blocks are reserved per offering, never billed at the On-Demand rate.
        problem: it.problem ?? countProblem ?? (literalString(r.attributes.capacity_type) === "CAPACITY_BLOCK" ? CAPACITY_BLOCK_UNPRICED : undefined),
        instances: s.instances,
        hours: monthlyHours(ctx),
        purchase: s.spot ? "spot" : "on-demand",
        ...(capacityOf(r, ctx) ? { capacity: capacityOf(r, ctx)! } : {}),
        ...(it.type && !it.problem ? { otherInstanceTypes: otherInstanceTypes(r, ctx) } : {}),
        what: nodeUsageLabel(s.types.length, s.instances === 0 && ctx.usage.instance_count === undefined ? toNumber(s.sc?.max_size) : undefined),
      }),
    ];
    const capacity = capacityOf(r, ctx);
    if (s.template) out.push(...launchTemplateVolumes(s.template, r.region, s.instances, capacity));
    else {
      // Without a launch template EKS gives each node a disk_size GB gp2 root volume (default 20).
      out.push(...ebsComponents({ region: r.region, volumeType: EBS_DEFAULT_VOLUME_TYPE, sizeGb: r.attributes.disk_size === undefined ? EKS_NODE_GROUP_DEFAULT_DISK_GB : toNumber(r.attributes.disk_size), volumes: s.instances, capacity, label: "Node root volume" }));
    }
    return out;
  },
  facts(r, ctx) {
    const s = shape(r, ctx);
    const type = literalString(s.typeValue);
    // Every listed type; one costgate cannot read stays as an unresolved entry, so instance-type policies fail closed.
    const listed = Array.isArray(r.attributes.instance_types) ? r.attributes.instance_types.map((t) => instanceTypeEntry(t, "no type")) : [];
    const types = listed.length > 0 ? listed : type ? [type] : [];
    return factsWith(
      { instanceTypes: types, instanceCount: s.instances, gpusPerInstance: type ? ctx.gpusOf(type) : null, purchaseOption: s.spot ? "spot" : "on-demand" },
      workloadFromTags(r) ?? (s.template ? workloadFromTags(s.template) : undefined),
      r.tags["checkpoint-uri"],
      {
        minCapacity: toNumber(s.sc?.min_size),
        scalesToZero: toNumber(s.sc?.min_size) === 0,
        maxCapacity: capacityOf(r, ctx)?.max ?? null,
        // Like maxCapacity: unknown without a known upper bound (max_size unknown, a usage-file count).
        ...(listed.length > 1 ? { maxGpuCount: maxGpusOverTypes(listed, capacityOf(r, ctx)?.max ?? null, ctx) } : {}),
      },
    );
  },
};

/**
 * `instance_types` after the first: the group may launch any of them (EKS tries them in order for On-Demand; Spot
 * picks by price and capacity), so the high end is priced at the costliest. A type that is not a literal, known
 * instance type has no price key: the high end is then unknown.
 */
function otherInstanceTypes(r: Resource, ctx: CatalogContext): { instanceType: string; priceKey: PriceKey | null }[] {
  const types = Array.isArray(r.attributes.instance_types) ? r.attributes.instance_types : [];
  const out: { instanceType: string; priceKey: PriceKey | null }[] = [];
  for (let i = 1; i < types.length; i++) {
    const { instanceType, priceKey } = otherInstanceType(types[i], `/instance_types/${i}`, r.region, ctx, "null");
    out.push({ instanceType, priceKey });
  }
  return out;
}

/** Most GPUs the group can run: the most GPUs per instance over its types × its most instances; null when unknown. */
function maxGpusOverTypes(types: readonly string[], maxInstances: number | null, ctx: CatalogContext): number | null {
  if (maxInstances === null) return null;
  let most = 0;
  for (const t of types) {
    const g = isUnresolved(t) ? null : ctx.gpusOf(t);
    if (g === null) return null;
    most = Math.max(most, g);
  }
  return most * maxInstances;
}

/** scaling_config min_size..max_size × count, unless a usage-file instance_count fixes the count. */
function capacityOf(r: Resource, ctx: CatalogContext): { min: number; max: number | null } | undefined {
  if (ctx.usage.instance_count !== undefined) return undefined;
  const sc = firstBlock(r.attributes.scaling_config);
  return capacityRange(sc?.min_size, sc?.max_size, r.count);
}
