import { blocks, firstBlock, isExpression, literalString, toNumber } from "../../plan/json-values.js";
import type { Resource } from "../../plan/resource.js";
import type { CostComponentSpec } from "../cost-component.js";
import type { CatalogContext, CatalogEntry } from "./catalog-entry.js";
import { capacityRange, ebsComponents, ec2InstanceHours, factsWith, monthlyHours, readInstanceType, workloadFromTags } from "./compute-components.js";
import { referencedLaunchTemplate } from "./launch-template-reference.js";
import { optional } from "./aws-instance.js";

/**
 * On-demand share of a mixed instances policy: `base + ceil((n - base) × pct / 100)`, capped at n.
 * (EC2 Auto Scaling rounds the on-demand share of the capacity above the base up.)
 */
export function onDemandInstances(n: number, base: number, pct: number): number {
  if (n <= base) return n;
  return Math.min(n, base + Math.ceil(((n - base) * pct) / 100));
}

interface AsgShape {
  instances: number | null;
  instancesProblem?: string;
  typeValue: unknown;
  typePointer: string;
  template?: Resource;
  mixed?: { base: number; pct: number };
}

function shape(r: Resource, ctx: CatalogContext): AsgShape {
  const a = r.attributes;
  const desired = a.desired_capacity !== undefined ? a.desired_capacity : a.min_size;
  // A usage-file instance_count is the resource's total; otherwise desired capacity × count.
  let instances: number | null = ctx.usage.instance_count ?? toNumber(desired);
  let instancesProblem: string | undefined;
  if (instances === null) instancesProblem = isExpression(desired) ? `desired capacity is an expression (${desired})` : "desired_capacity and min_size are not set";
  else if (ctx.usage.instance_count === undefined) {
    if (r.count === null) {
      instances = null;
      instancesProblem = `count is unknown (${r.countExpression ?? "an expression"})`;
    } else instances *= r.count;
  }
  const mip = firstBlock(a.mixed_instances_policy);
  if (mip) {
    const lt = firstBlock(mip.launch_template);
    const spec = firstBlock(lt?.launch_template_specification);
    const overrides = blocks(lt?.override);
    const template = spec ? referencedLaunchTemplate([{ id: spec.launch_template_id, name: spec.launch_template_name }], ctx) : undefined;
    const dist = firstBlock(mip.instances_distribution);
    const overrideType = overrides.find((o) => o.instance_type !== undefined);
    return {
      instances,
      ...optional("instancesProblem", instancesProblem),
      typeValue: overrideType?.instance_type ?? template?.attributes.instance_type,
      typePointer: overrideType ? "/mixed_instances_policy/launch_template/override/instance_type" : "/instance_type",
      ...optional("template", template),
      mixed: {
        base: toNumber(dist?.on_demand_base_capacity) ?? 0,
        pct: toNumber(dist?.on_demand_percentage_above_base_capacity) ?? 100,
      },
    };
  }
  const template = referencedLaunchTemplate(a.launch_template, ctx);
  return {
    instances,
    ...optional("instancesProblem", instancesProblem),
    typeValue: template?.attributes.instance_type ?? (a.launch_configuration !== undefined ? undefined : undefined),
    typePointer: "/launch_template",
    ...optional("template", template),
  };
}

/** `aws_autoscaling_group`: desired (else min) capacity of the launch template's type; mixed policies split on-demand/spot. */
export const awsAutoscalingGroup: CatalogEntry = {
  types: ["aws_autoscaling_group"],
  components(r, ctx) {
    const s = shape(r, ctx);
    const it =
      s.typeValue === undefined
        ? { problem: s.template ? "the launch template sets no instance_type" : "instance type unknown: the launch template (or launch configuration) could not be resolved in this stack" }
        : readInstanceType(s.typeValue, s.typePointer, ctx);
    const hours = monthlyHours(ctx);
    const problem = it.problem ?? s.instancesProblem;
    const out: CostComponentSpec[] = [];
    // A usage-file instance_count fixes the count; otherwise min_size..max_size is the range.
    const capacity = ctx.usage.instance_count === undefined ? capacityRange(r.attributes.min_size, r.attributes.max_size, r.count) : undefined;
    if (s.mixed && s.instances !== null) {
      const m = s.mixed;
      const od = onDemandInstances(s.instances, m.base, m.pct);
      const spot = s.instances - od;
      // The split at the ends of the capacity range (the on-demand share is taken first).
      const odAt = (n: number | null) => (n === null ? null : onDemandInstances(n, m.base, m.pct));
      const odCap = capacity ? { capacity: { min: odAt(capacity.min)!, max: odAt(capacity.max) } } : {};
      const spotCap = capacity ? { capacity: { min: capacity.min - odAt(capacity.min)!, max: capacity.max === null ? null : capacity.max - odAt(capacity.max)! } } : {};
      if (od > 0 || spot === 0 || (capacity && odAt(capacity.max) !== 0))
        out.push(ec2InstanceHours({ region: r.region, instanceType: it.type, problem, instances: od, hours, purchase: "on-demand", ...odCap }));
      if (spot > 0 || (capacity && (capacity.max === null || capacity.max - odAt(capacity.max)! > 0)))
        out.push(ec2InstanceHours({ region: r.region, instanceType: it.type, problem, instances: spot, hours, purchase: "spot", ...spotCap }));
    } else {
      out.push(ec2InstanceHours({ region: r.region, instanceType: it.type, problem, instances: s.instances, hours, purchase: "on-demand", ...(capacity ? { capacity } : {}) }));
    }
    out.push(...launchTemplateVolumes(s.template, r.region, s.instances));
    return out;
  },
  facts(r, ctx) {
    const s = shape(r, ctx);
    const type = literalString(s.typeValue);
    const od = s.mixed && s.instances !== null ? onDemandInstances(s.instances, s.mixed.base, s.mixed.pct) : s.instances;
    return factsWith(
      {
        instanceTypes: type ? [type] : [],
        instanceCount: s.instances,
        gpusPerInstance: type ? ctx.gpusOf(type) : null,
        purchaseOption: !s.mixed || od === s.instances ? "on-demand" : od === 0 ? "spot" : "mixed",
      },
      workloadFromTags(r) ?? (s.template ? workloadFromTags(s.template) : undefined),
      r.tags["checkpoint-uri"],
      { minCapacity: toNumber(r.attributes.min_size), maxCapacity: capacityRange(r.attributes.min_size, r.attributes.max_size, r.count)?.max ?? null },
    );
  },
};

/** EBS volumes declared in a launch template's block_device_mappings, per launched instance. */
export function launchTemplateVolumes(template: Resource | undefined, region: string, instances: number | null): CostComponentSpec[] {
  if (!template) return [];
  return blocks(template.attributes.block_device_mappings).flatMap((m, i) => {
    const ebs = firstBlock(m.ebs);
    if (!ebs) return [];
    return ebsComponents({
      region,
      volumeType: literalString(ebs.volume_type) ?? "gp2", // the EC2 API default
      sizeGb: toNumber(ebs.volume_size),
      iops: toNumber(ebs.iops),
      throughput: toNumber(ebs.throughput),
      volumes: instances,
      label: `Launch template volume ${literalString(m.device_name) ?? i}`,
    });
  });
}
