import { blocks, firstBlock, literalString, toNumber } from "../../plan/json-values.js";
import type { Resource } from "../../plan/resource.js";
import type { CostComponentSpec } from "../cost-component.js";
import { AMI_DEFAULT_ROOT_GB, EBS_DEFAULT_VOLUME_TYPE } from "./attribute-defaults.js";
import { ebsComponents } from "./compute-components.js";

/**
 * What an instance is launched with, from a launch template (`aws_launch_template`) or a launch configuration
 * (`aws_launch_configuration`): its instance type, whether it asks for spot, and its volumes. A resource's own
 * attributes win over the template's (EC2 RunInstances: "parameters specified in the request override the
 * launch template", https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-launch-templates.html).
 */
export interface LaunchSettings {
  instanceType: unknown;
  spot: boolean;
  source?: Resource;
}

/** True when a launch template or instance asks for spot (`instance_market_options.market_type = "spot"`). */
export function requestsSpot(attrs: Record<string, unknown>): boolean {
  return literalString(firstBlock(attrs.instance_market_options)?.market_type) === "spot";
}

/**
 * Settings of a launch template or launch configuration resource. A launch configuration asks for spot with a
 * non-empty `spot_price`.
 */
export function launchSettingsOf(source: Resource | undefined): LaunchSettings {
  if (!source) return { instanceType: undefined, spot: false };
  const a = source.attributes;
  const spot = source.type === "aws_launch_configuration" ? typeof a.spot_price === "string" ? a.spot_price !== "" : toNumber(a.spot_price) !== null : requestsSpot(a);
  return { instanceType: a.instance_type, spot, source };
}

/** Elastic capacity in instances (min..max; max null = unbounded): the volumes' quantity ranges. */
type Capacity = { min: number; max: number | null } | undefined;

/**
 * The volumes every instance launched from `source` gets: a launch template's `block_device_mappings`; a launch
 * configuration's `root_block_device` (the AMI's root volume, 8 GiB gp2 assumed, when not set) and
 * `ebs_block_device`s.
 */
export function launchVolumes(source: Resource | undefined, region: string, instances: number | null, capacity?: Capacity): CostComponentSpec[] {
  if (!source) return [];
  const a = source.attributes;
  if (source.type === "aws_launch_configuration") return [...rootVolume(a, region, instances, capacity), ...ebsBlockDevices(a, region, instances, capacity)];
  return blocks(a.block_device_mappings).flatMap((m, i) => {
    const ebs = firstBlock(m.ebs);
    if (!ebs) return [];
    return ebsComponents({
      region,
      volumeType: literalString(ebs.volume_type) ?? EBS_DEFAULT_VOLUME_TYPE,
      sizeGb: toNumber(ebs.volume_size),
      iops: toNumber(ebs.iops),
      throughput: toNumber(ebs.throughput),
      volumes: instances,
      capacity,
      label: `Launch template volume ${literalString(m.device_name) ?? i}`,
    });
  });
}

/**
 * The root volume of an instance (`aws_instance`, `aws_launch_configuration`): its `root_block_device`, or the AMI's
 * root volume with 8 GiB gp2 assumed when no size is set (as Infracost does), per instance.
 */
export function rootVolume(a: Record<string, unknown>, region: string, instances: number | null, capacity?: Capacity): CostComponentSpec[] {
  const root = firstBlock(a.root_block_device);
  const sized = root !== undefined && root.volume_size !== undefined && root.volume_size !== null;
  return ebsComponents({
    region,
    volumeType: literalString(root?.volume_type) ?? EBS_DEFAULT_VOLUME_TYPE,
    sizeGb: sized ? toNumber(root!.volume_size) : AMI_DEFAULT_ROOT_GB,
    iops: toNumber(root?.iops),
    throughput: toNumber(root?.throughput),
    volumes: instances,
    capacity,
    label: sized ? "Root volume" : "Root volume, AMI default assumed",
  });
}

/** The `ebs_block_device`s of an instance or launch configuration, per instance. */
export function ebsBlockDevices(a: Record<string, unknown>, region: string, instances: number | null, capacity?: Capacity): CostComponentSpec[] {
  return blocks(a.ebs_block_device).flatMap((b, i) =>
    ebsComponents({
      region,
      volumeType: literalString(b.volume_type) ?? EBS_DEFAULT_VOLUME_TYPE,
      sizeGb: toNumber(b.volume_size),
      iops: toNumber(b.iops),
      throughput: toNumber(b.throughput),
      volumes: instances,
      capacity,
      label: `EBS volume ${literalString(b.device_name) ?? i}`,
    }),
  );
}
