import { blocks, firstBlock, isExpression, toNumber } from "../../plan/json-values.js";
import type { Resource } from "../../plan/resource.js";
import type { ResourceFacts } from "../resource-facts.js";

/**
 * One group of instances a resource declares: an instance type (or an unresolved expression) and how many.
 * `count` null = unknown (an expression, or a capacity costgate cannot read).
 */
export interface ExposedInstanceGroup {
  /** The literal instance type, or the expression text when it is unresolved. */
  instanceType: string;
  resolved: boolean;
  count: number | null;
}

/** Attribute names that hold an instance count next to an `instance_type`, in the providers' terms. */
const COUNT_KEYS = ["instance_count", "initial_instance_count", "desired_capacity", "desired_size", "node_count", "target_capacity"] as const;

/**
 * The instance groups a resource declares anywhere costgate knows to look — for resource types costgate cannot
 * price, so GPU and instance-type rules still see them (a p5 EMR cluster or spot fleet is not 0 GPUs):
 * `instance_type` / `instance_types` with a sibling count (`instance_count`, …), EMR `master/core_instance_group`
 * (count default 1) and `*_instance_fleet.instance_type_configs` (target capacities), spot fleet
 * `launch_specification` and `launch_template_config.overrides` (sharing `target_capacity`), EC2 fleet
 * `launch_template_config.override` (`target_capacity_specification.total_target_capacity`).
 * A fleet whose capacity is shared by several types gets the capacity on each type: GPU checks then judge the
 * largest possible GPU count (fail closed). Pure; depth-bounded by the shapes it reads.
 */
export function exposedInstanceGroups(r: Resource): ExposedInstanceGroup[] {
  const a = r.attributes;
  const times = (n: number | null): number | null => (n === null || r.count === null ? null : n * r.count);
  const out: ExposedInstanceGroup[] = [];
  const add = (type: unknown, count: number | null) => {
    if (typeof type !== "string" || type === "") return;
    out.push({ instanceType: type, resolved: !isExpression(type), count: times(count) });
  };
  const siblingCount = (o: Record<string, unknown>, fallback: number | null): number | null => {
    for (const k of COUNT_KEYS) if (o[k] !== undefined) return toNumber(o[k]);
    return fallback;
  };

  // Plain shapes: `instance_type` (aws_spot_instance_request, aws_emr_instance_group, awscc twins, …).
  if (a.instance_type !== undefined) add(a.instance_type, siblingCount(a, 1));
  if (Array.isArray(a.instance_types)) for (const t of a.instance_types) add(t, siblingCount(a, null));

  // EMR clusters: instance groups (count default 1) and fleets.
  for (const key of ["master_instance_group", "core_instance_group"]) {
    const g = firstBlock(a[key]);
    if (g) add(g.instance_type, g.instance_count === undefined ? 1 : toNumber(g.instance_count));
  }
  for (const key of ["master_instance_fleet", "core_instance_fleet"]) {
    const f = firstBlock(a[key]);
    if (!f) continue;
    const od = f.target_on_demand_capacity === undefined ? 0 : toNumber(f.target_on_demand_capacity);
    const spot = f.target_spot_capacity === undefined ? 0 : toNumber(f.target_spot_capacity);
    const capacity = od === null || spot === null ? null : od + spot;
    for (const c of blocks(f.instance_type_configs)) add(c.instance_type, capacity);
  }

  // Spot fleet requests and EC2 fleets: one capacity shared by the listed types.
  const fleetCapacity =
    a.target_capacity !== undefined ? toNumber(a.target_capacity) : (() => {
      const spec = firstBlock(a.target_capacity_specification);
      return spec ? toNumber(spec.total_target_capacity) : null;
    })();
  for (const s of blocks(a.launch_specification)) add(s.instance_type, fleetCapacity);
  for (const c of blocks(a.launch_template_config)) for (const o of [...blocks(c.overrides), ...blocks(c.override)]) add(o.instance_type, fleetCapacity);

  // awscc (Cloud Control) shapes, names from the provider's docs/resources: awscc_ec2_ec2_fleet
  // `launch_template_configs[].overrides[]` (capacity: `target_capacity_specification.total_target_capacity`, read
  // above); awscc_ec2_spot_fleet `spot_fleet_request_config_data { target_capacity, launch_specifications[],
  // launch_template_configs[].overrides[] }`; awscc_batch_compute_environment `compute_resources.instance_types`.
  for (const c of blocks(a.launch_template_configs)) for (const o of blocks(c.overrides)) add(o.instance_type, fleetCapacity);
  const spot = firstBlock(a.spot_fleet_request_config_data);
  if (spot) {
    const capacity = toNumber(spot.target_capacity);
    for (const s of blocks(spot.launch_specifications)) add(s.instance_type, capacity);
    for (const c of blocks(spot.launch_template_configs)) for (const o of blocks(c.overrides)) add(o.instance_type, capacity);
  }
  const compute = firstBlock(a.compute_resources);
  if (compute && Array.isArray(compute.instance_types)) for (const t of compute.instance_types) add(t, null);
  return out;
}

/**
 * Policy facts from exposed instance groups (for types costgate cannot price): every type, the GPU count summed
 * over groups (null when a group's type is unresolved — it could be a GPU — or a GPU group's count is unknown).
 */
export function exposedInstanceFacts(groups: readonly ExposedInstanceGroup[], gpusOf: (type: string) => number | null): ResourceFacts {
  let gpus: number | null = 0;
  let instances: number | null = 0;
  let perInstance: number | null = groups.length === 0 ? null : 0;
  for (const g of groups) {
    const n = g.resolved ? gpusOf(g.instanceType) : null;
    instances = instances === null || g.count === null ? null : instances + g.count;
    if (n === null) {
      gpus = null;
      perInstance = null;
      continue;
    }
    if (perInstance !== null) perInstance = Math.max(perInstance, n);
    if (n === 0 || gpus === null) continue;
    gpus = g.count === null ? null : gpus + n * g.count;
  }
  return {
    instanceTypes: [...new Set(groups.map((g) => g.instanceType))],
    instanceCount: instances,
    gpusPerInstance: perInstance,
    gpuCount: gpus,
  };
}
