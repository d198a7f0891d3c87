import { blocks, describeUnresolved, firstBlock, isUnresolved, literalString, toNumber } from "../../plan/json-values.js";
import { publicIpv4Component, publicIpv4Of, templatePublicIp } from "./public-ipv4.js";
import type { Resource } from "../../plan/resource.js";
import type { CostComponentSpec } from "../cost-component.js";
import type { CatalogContext, CatalogEntry } from "./catalog-entry.js";
import { capacityUnits, instancesFor } from "./asg-capacity.js";
import { capacityRange, ec2InstanceHours, factsWith, instanceTypeEntry, monthlyHours, otherInstanceType, readInstanceType, workloadFromTags } from "./compute-components.js";
import { referencedLaunchConfiguration, referencedLaunchTemplate } from "./launch-template-reference.js";
import { launchSettingsOf, launchVolumes } from "./launch-settings.js";
import { optional } from "./aws-instance.js";
import type { PriceKey } from "../price-key.js";

/**
 * On-demand share of a mixed instances policy: `base + ceil((n - base) × pct / 100)`, capped at n.
 * (EC2 Auto Scaling rounds the on-demand share of the capacity above the base up.) In capacity units.
 */
export function onDemandInstances(n: number, base: number, pct: number): number {
  if (n <= base) return n;
  return Math.min(n, base + Math.ceil(((n - base) * pct) / 100));
}

interface AsgShape {
  /** Instances running (converted from capacity units); null when unknown. */
  instances: number | null;
  instancesProblem?: string;
  /** On-demand and spot instances of a mixed instances policy (converted from units). */
  split?: { onDemand: number; spot: number };
  /**
   * Elastic capacity in instances, min_size..max_size converted from units (per side of a mixed split); absent
   * when a usage-file instance_count fixes the count or the bounds are not literals. `max` null = unknown.
   */
  capacity?: { all: Capacity; onDemand?: Capacity; spot?: Capacity };
  typeValue: unknown;
  typePointer: string;
  /** The launch template or launch configuration the group launches from. */
  template?: Resource;
  /** No mixed instances policy, and the template asks for spot. */
  spot: boolean;
  mixed: boolean;
  /**
   * Mixed instances policy: the overrides after the one priced, which the group may launch too (an override with
   * `instance_requirements` instead of `instance_type` may launch any type that fits: `instanceType` undefined).
   */
  otherOverrides?: { instanceType: unknown; weightedCapacity: unknown; pointer: string }[];
  /** Mixed: capacity units of each part at the high end (max_size, else the desired capacity); null = unknown. Absent with a usage-file count. */
  unitsAtHigh?: { onDemand: number | null; spot: number | null };
}

type Capacity = { min: number; max: number | null };

/** min_size..max_size × count in units, or undefined when min_size is not a literal (max unknown: null). */
function boundUnits(r: Resource): { min: number; max: number | null } | undefined {
  return capacityRange(r.attributes.min_size, r.attributes.max_size, r.count);
}

/** Desired capacity in units: `desired_capacity`, else `min_size` (the EC2 Auto Scaling default), × count. */
function desiredUnits(r: Resource): { units: number | null; problem?: string } {
  const a = r.attributes;
  const desired = a.desired_capacity !== undefined && a.desired_capacity !== null ? a.desired_capacity : a.min_size;
  const which = a.desired_capacity !== undefined && a.desired_capacity !== null ? "desired capacity" : "min_size";
  const n = toNumber(desired);
  if (n === null)
    return { units: null, problem: isUnresolved(desired) ? `${which} is ${unresolvedText(desired)}` : "desired_capacity and min_size are not set" };
  if (r.count === null) return { units: null, problem: `count is unknown (${r.countExpression ?? "an expression"})` };
  return { units: n * r.count };
}

function unresolvedText(v: Parameters<typeof describeUnresolved>[0]): string {
  return typeof v === "string" ? `an expression (${v})` : `unknown until apply (${describeUnresolved(v)})`;
}

function shape(r: Resource, ctx: CatalogContext): AsgShape {
  const a = r.attributes;
  const { units, problem } = desiredUnits(r);
  // A usage-file instance_count is the resource's total, in instances.
  const usageCount = ctx.usage.instance_count;
  const mip = firstBlock(a.mixed_instances_policy);
  if (mip) {
    const lt = firstBlock(mip.launch_template);
    const spec = firstBlock(lt?.launch_template_specification);
    const overrides = blocks(lt?.override);
    const template = spec ? referencedLaunchTemplate([{ id: spec.launch_template_id, name: spec.launch_template_name }], ctx, r) : undefined;
    const dist = firstBlock(mip.instances_distribution);
    // An override without a type (`instance_requirements`; `null` in `terraform show -json`) is not the priced one.
    const overrideAt = overrides.findIndex((o) => o.instance_type !== undefined && o.instance_type !== null && o.instance_type !== "");
    const override = overrideAt < 0 ? undefined : overrides[overrideAt];
    const otherOverrides = overrides
      .map((o, i) => ({ instanceType: o.instance_type, weightedCapacity: o.weighted_capacity, pointer: `/mixed_instances_policy/launch_template/override/${i}/instance_type`, i }))
      .filter((o) => o.i !== overrideAt)
      .map(({ i: _i, ...o }) => o);
    const typeValue = override?.instance_type ?? template?.attributes.instance_type;
    const cu = capacityUnits(a.desired_capacity_type, override?.weighted_capacity, literalString(typeValue), ctx.vcpusOf);
    // On-demand base and percentage are in the same units as the desired capacity.
    const base = toNumber(dist?.on_demand_base_capacity) ?? 0;
    const pct = toNumber(dist?.on_demand_percentage_above_base_capacity) ?? 100;
    let instances: number | null;
    let split: AsgShape["split"];
    let capacity: AsgShape["capacity"];
    let instancesProblem = problem;
    let unitsAtHigh: AsgShape["unitsAtHigh"];
    if (usageCount !== undefined) {
      instances = usageCount;
      const od = onDemandInstances(usageCount, base, pct);
      split = { onDemand: od, spot: usageCount - od };
    } else if (units === null || cu.perInstance === null) {
      instances = null;
      instancesProblem ??= cu.problem;
      unitsAtHigh = { onDemand: null, spot: null };
    } else {
      const odUnits = onDemandInstances(units, base, pct);
      split = { onDemand: instancesFor(odUnits, cu.perInstance)!, spot: instancesFor(units - odUnits, cu.perInstance)! };
      instances = split.onDemand + split.spot;
      const b = boundUnits(r);
      const highUnits = b ? b.max : units;
      unitsAtHigh = highUnits === null ? { onDemand: null, spot: null } : { onDemand: onDemandInstances(highUnits, base, pct), spot: highUnits - onDemandInstances(highUnits, base, pct) };
      if (b) {
        // The split at the ends of the range (the on-demand share is taken first), each converted to instances.
        const per = cu.perInstance;
        const at = (u: number | null) => (u === null ? null : { od: instancesFor(onDemandInstances(u, base, pct), per)!, spot: instancesFor(u - onDemandInstances(u, base, pct), per)! });
        const lo = at(b.min)!;
        const hi = at(b.max);
        capacity = {
          all: { min: lo.od + lo.spot, max: hi === null ? null : hi.od + hi.spot },
          onDemand: { min: lo.od, max: hi === null ? null : hi.od },
          spot: { min: lo.spot, max: hi === null ? null : hi.spot },
        };
      }
    }
    return {
      instances,
      ...optional("instancesProblem", instancesProblem),
      ...optional("split", split),
      ...optional("capacity", capacity),
      typeValue,
      typePointer: override ? "/mixed_instances_policy/launch_template/override/instance_type" : "/instance_type",
      ...optional("template", template),
      spot: false,
      mixed: true,
      ...(otherOverrides.length ? { otherOverrides } : {}),
      ...optional("unitsAtHigh", unitsAtHigh),
    };
  }
  const template = referencedLaunchTemplate(a.launch_template, ctx, r) ?? (a.launch_configuration !== undefined ? referencedLaunchConfiguration(a.launch_configuration, ctx, r) : undefined);
  const settings = launchSettingsOf(template);
  const cu = capacityUnits(a.desired_capacity_type, undefined, literalString(settings.instanceType), ctx.vcpusOf);
  const instances = usageCount ?? instancesFor(units, cu.perInstance);
  const b = usageCount === undefined && cu.perInstance !== null ? boundUnits(r) : undefined;
  const all = b ? { min: instancesFor(b.min, cu.perInstance)!, max: b.max === null ? null : instancesFor(b.max, cu.perInstance)! } : undefined;
  return {
    instances,
    ...optional("capacity", all ? { all } : undefined),
    ...optional("instancesProblem", instances === null ? problem ?? cu.problem : undefined),
    typeValue: settings.instanceType,
    typePointer: a.launch_configuration !== undefined && !a.launch_template ? "/launch_configuration" : "/launch_template",
    ...optional("template", template),
    spot: settings.spot,
    mixed: false,
  };
}

/**
 * `aws_autoscaling_group`: desired (else min) capacity, converted from capacity units to instances, of the
 * launch template's or launch configuration's type, on spot when the template asks for it; mixed instances
 * policies split on-demand/spot; the instances' volumes and public IPv4 addresses (see `public-ipv4.ts`).
 */
export const awsAutoscalingGroup: CatalogEntry = {
  types: ["aws_autoscaling_group"],
  components(r, ctx) {
    const s = shape(r, ctx);
    const it =
      s.typeValue === undefined
        ? {
            problem: s.template
              ? `the ${s.template.type === "aws_launch_configuration" ? "launch configuration" : "launch template"} sets no instance_type`
              : r.attributes.launch_configuration !== undefined && !firstBlock(r.attributes.launch_template) && !firstBlock(r.attributes.mixed_instances_policy)
                ? "instance type unknown: the launch configuration is not in this stack"
                : "instance type unknown: the launch template is not in this stack",
          }
        : readInstanceType(s.typeValue, s.typePointer, ctx);
    const hours = monthlyHours(ctx);
    const problem = it.problem ?? s.instancesProblem;
    const out: CostComponentSpec[] = [];
    // min_size..max_size is the range of each part (a usage-file instance_count fixes the count).
    const cap = (c: Capacity | undefined) => (c ? { capacity: c } : {});
    if (s.split) {
      const { onDemand, spot } = s.split;
      const odMax = s.capacity?.onDemand?.max;
      const spotMax = s.capacity?.spot?.max;
      const others = (part: "onDemand" | "spot") => (s.otherOverrides && !problem ? { otherInstanceTypes: otherOverrideTypes(r, ctx, s, part, hours) } : {});
      if (onDemand > 0 || spot === 0 || (odMax !== undefined && odMax !== 0))
        out.push(ec2InstanceHours({ region: r.region, instanceType: it.type, problem, instances: onDemand, hours, purchase: "on-demand", ...cap(s.capacity?.onDemand), ...others("onDemand") }));
      if (spot > 0 || (spotMax !== undefined && spotMax !== 0))
        out.push(ec2InstanceHours({ region: r.region, instanceType: it.type, problem, instances: spot, hours, purchase: "spot", ...cap(s.capacity?.spot), ...others("spot") }));
    } else {
      out.push(ec2InstanceHours({ region: r.region, instanceType: it.type, problem, instances: s.instances, hours, purchase: s.spot ? "spot" : "on-demand", ...cap(s.capacity?.all) }));
    }
    out.push(...launchVolumes(s.template, r.region, s.instances, s.capacity?.all));
    // Public IPv4 of the instances: the launch configuration's `associate_public_ip_address` or the launch
    // template's primary network interface's, else the `vpc_zone_identifier` subnets' `map_public_ip_on_launch`.
    const associate = s.template?.type === "aws_launch_configuration" ? s.template.attributes.associate_public_ip_address : templatePublicIp(s.template);
    const zones = r.attributes.vpc_zone_identifier;
    const subnets = Array.isArray(zones) ? zones : zones === undefined || zones === null ? [] : [zones];
    out.push(...publicIpv4Component(r, publicIpv4Of(associate, subnets, r, ctx), s.instances, hours, s.capacity?.all));
    return out;
  },
  facts(r, ctx) {
    const s = shape(r, ctx);
    const type = literalString(s.typeValue);
    const purchaseOption = s.split ? (s.split.spot === 0 ? "on-demand" : s.split.onDemand === 0 ? "spot" : "mixed") : s.spot ? "spot" : "on-demand";
    // Every type the group may launch: the one priced and the other overrides. One costgate cannot read (an
    // expression, instance_requirements) is an unresolved entry: policies on instance types then fail closed.
    const priced = s.typeValue === undefined || s.typeValue === null || s.typeValue === "" ? [] : [instanceTypeEntry(s.typeValue, "null")];
    const others = (s.otherOverrides ?? []).map((o) => instanceTypeEntry(o.instanceType, "instance_requirements"));
    return factsWith(
      {
        instanceTypes: [...new Set([...priced, ...others])],
        instanceCount: s.instances,
        gpusPerInstance: type ? ctx.gpusOf(type) : null,
        purchaseOption,
      },
      workloadFromTags(r) ?? (s.template ? workloadFromTags(s.template) : undefined),
      r.tags["checkpoint-uri"],
      {
        // In instances, like maxCapacity (min_size is in capacity units: weights, vCPUs).
        minCapacity: s.capacity ? s.capacity.all.min : toNumber(r.attributes.min_size),
        maxCapacity: s.capacity?.all.max ?? null,
        ...(s.otherOverrides ? { maxGpuCount: maxGpusOverOverrides(r, ctx, s, type) } : {}),
      },
    );
  },
};

/**
 * The other overrides of a mixed instances policy as CostComponentSpec.otherInstanceTypes of one part (on-demand
 * or spot): each with its own quantity at the high end, since a weighted override needs ⌈units ÷ its weight⌉
 * instances. Unknown (no price key, or high null) when the type or its weight cannot be read.
 */
function otherOverrideTypes(r: Resource, ctx: CatalogContext, s: AsgShape, part: "onDemand" | "spot", hours: number): { instanceType: string; priceKey: PriceKey | null; high?: number | null }[] {
  return (s.otherOverrides ?? []).map((o) => {
    const { instanceType, priceKey, type } = otherInstanceType(o.instanceType, o.pointer, r.region, ctx, "instance_requirements");
    if (!s.unitsAtHigh) return { instanceType, priceKey };
    const per = capacityUnits(r.attributes.desired_capacity_type, o.weightedCapacity, type, ctx.vcpusOf).perInstance;
    const n = instancesFor(s.unitsAtHigh[part], per);
    return { instanceType, priceKey, high: n === null ? null : n * hours };
  });
}

/**
 * Most GPUs a mixed instances group can run: over the priced type and every other override, GPUs per instance ×
 * the instances it needs at the high end (⌈units ÷ its weight⌉). null when a type, its GPUs or the bound is unknown.
 */
function maxGpusOverOverrides(r: Resource, ctx: CatalogContext, s: AsgShape, type: string | undefined): number | null {
  // Like maxCapacity: no known upper bound (max_size unknown, a usage-file count) leaves the GPU ceiling unknown.
  if (!s.capacity || s.capacity.all.max === null || !s.unitsAtHigh || s.unitsAtHigh.onDemand === null || s.unitsAtHigh.spot === null) return null;
  const pricedGpus = type ? ctx.gpusOf(type) : null;
  if (pricedGpus === null) return null;
  let max = pricedGpus * s.capacity.all.max;
  const { onDemand, spot } = s.unitsAtHigh;
  for (const o of s.otherOverrides ?? []) {
    const t = literalString(o.instanceType) || undefined;
    const gpus = t ? ctx.gpusOf(t) : null;
    if (gpus === null) return null;
    // Each part is rounded up on its own, as the cost components count instances.
    const per = capacityUnits(r.attributes.desired_capacity_type, o.weightedCapacity, t, ctx.vcpusOf).perInstance;
    const od = instancesFor(onDemand, per);
    const sp = instancesFor(spot, per);
    if (od === null || sp === null) return null;
    max = Math.max(max, gpus * (od + sp));
  }
  return max;
}

/** EBS volumes declared in a launch template's block_device_mappings, per launched instance. */
export function launchTemplateVolumes(template: Resource | undefined, region: string, instances: number | null, capacity?: { min: number; max: number | null }): CostComponentSpec[] {
  return launchVolumes(template, region, instances, capacity);
}
