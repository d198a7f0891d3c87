import { firstBlock, blocks, literalString } from "../../plan/json-values.js";
import type { Resource } from "../../plan/resource.js";
import type { CatalogContext, CatalogEntry } from "./catalog-entry.js";
import { countProblem, ec2InstanceHours, factsWith, monthlyHours, readInstanceType, workloadFromTags } from "./compute-components.js";
import { referencedLaunchTemplate } from "./launch-template-reference.js";
import { ebsBlockDevices, launchVolumes, requestsSpot, rootVolume } from "./launch-settings.js";
import { CAPACITY_BLOCK_UNPRICED } from "./aws-reserved-capacity.js";
import { publicIpv4Component, publicIpv4Of, templatePublicIp } from "./public-ipv4.js";

/** The instance (or, when it sets no market options, its launch template) asks for a Capacity Block. */
function capacityBlock(own: Record<string, unknown>, template: Record<string, unknown> | undefined): boolean {
  const market = firstBlock(own.instance_market_options) ?? (template ? firstBlock(template.instance_market_options) : undefined);
  return market?.market_type === "capacity-block";
}

/**
 * What an `aws_instance` launches with: its own `instance_type` and `instance_market_options`, else its
 * `launch_template`'s (the instance's own attributes win).
 */
function settings(r: Resource, ctx: CatalogContext) {
  const a = r.attributes;
  const template = a.launch_template !== undefined ? referencedLaunchTemplate(a.launch_template, ctx, r) : undefined;
  const ownType = a.instance_type !== undefined && a.instance_type !== null;
  const typeValue = ownType ? a.instance_type : template?.attributes.instance_type;
  const ownMarket = firstBlock(a.instance_market_options) !== undefined;
  const spot = ownMarket ? requestsSpot(a) : template ? requestsSpot(template.attributes) : false;
  return { template, typeValue, typePointer: ownType || !template ? "/instance_type" : "/launch_template", spot };
}

/**
 * Whether an `aws_instance` gets an AWS-provided public IPv4 (see `publicIpv4Of`): its own
 * `associate_public_ip_address`, else its launch template's; not set: its `subnet_id`'s `map_public_ip_on_launch`
 * when that subnet is in the plan. Attached `network_interface`s carry their own addresses (an `aws_eip`).
 */
function instancePublicIpv4(r: Resource, template: Resource | undefined, ctx: CatalogContext) {
  const a = r.attributes;
  const associate = a.associate_public_ip_address ?? templatePublicIp(template);
  if (associate === undefined && blocks(a.network_interface).length > 0) return { kind: "no" as const };
  const subnet = a.subnet_id ?? blocks(template?.attributes.network_interfaces).find((n) => n.subnet_id !== undefined)?.subnet_id;
  return publicIpv4Of(associate, subnet === undefined || subnet === null ? [] : [subnet], r, ctx);
}

/**
 * `aws_instance`: instance-hours (spot via instance_market_options) plus root and EBS block devices and, when the
 * instance gets one, its public IPv4 address hours; unset settings come from its launch template.
 */
export const awsInstance: CatalogEntry = {
  types: ["aws_instance"],
  components(r, ctx) {
    const s = settings(r, ctx);
    const it =
      s.typeValue === undefined && r.attributes.launch_template !== undefined && !s.template
        ? { problem: "instance type unknown: no instance_type, and the launch template is not in this stack" }
        : readInstanceType(s.typeValue, s.typePointer, ctx);
    const instances = ctx.usage.instance_count ?? r.count;
    const out = [
      ec2InstanceHours({
        region: r.region,
        instanceType: it.type,
        problem:
          it.problem ??
          (capacityBlock(r.attributes, s.template?.attributes) ? CAPACITY_BLOCK_UNPRICED : undefined) ??
          (ctx.usage.instance_count === undefined ? countProblem(r) : undefined),
        instances,
        hours: monthlyHours(ctx),
        purchase: s.spot ? "spot" : "on-demand",
      }),
    ];
    const root = firstBlock(r.attributes.root_block_device);
    const ebs = blocks(r.attributes.ebs_block_device);
    const templateVolumes = s.template ? launchVolumes(s.template, r.region, instances) : [];
    // The instance's own block devices win; without any, the template's mappings; without those, the AMI's root
    // volume (8 GiB gp2 assumed, as Infracost does).
    if (root || templateVolumes.length === 0) out.push(...rootVolume(r.attributes, r.region, instances));
    if (!root && ebs.length === 0) out.push(...templateVolumes);
    out.push(...ebsBlockDevices(r.attributes, r.region, instances));
    out.push(...publicIpv4Component(r, instancePublicIpv4(r, s.template, ctx), instances, monthlyHours(ctx)));
    return out;
  },
  facts(r, ctx) {
    const s = settings(r, ctx);
    const type = literalString(s.typeValue);
    return factsWith(
      {
        instanceTypes: type ? [type] : [],
        instanceCount: ctx.usage.instance_count ?? r.count,
        gpusPerInstance: type ? ctx.gpusOf(type) : null,
        purchaseOption: s.spot ? "spot" : "on-demand",
      },
      workloadFromTags(r) ?? (s.template ? workloadFromTags(s.template) : undefined),
      r.tags["checkpoint-uri"],
      { minCapacity: r.count },
    );
  },
};

export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
