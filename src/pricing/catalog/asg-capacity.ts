import { describeUnresolved, isUnresolved, literalString, toNumber } from "../../plan/json-values.js";

/**
 * An Auto Scaling group's desired capacity in instances. `desired_capacity` is in the group's capacity units:
 * instances by default, vCPUs (`desired_capacity_type = "vcpu"`), MiB of memory (`"memory-mib"`), or the
 * `weighted_capacity` units of a mixed instances policy's overrides
 * (https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-mixed-instances-groups-instance-weighting.html,
 * https://docs.aws.amazon.com/autoscaling/ec2/userguide/create-mixed-instances-group-attribute-based-instance-type-selection.html).
 * Units become instances as ⌈units ÷ units per instance⌉ (EC2 Auto Scaling launches whole instances until the
 * desired capacity is met); when the units per instance are not known the count is unknown, never the units.
 */
export interface CapacityUnits {
  /** What one unit is: `instance`, `vcpu`, `memory-mib` or `weight` (mixed-instances weighted capacity). */
  unit: "instance" | "vcpu" | "memory-mib" | "weight";
  /** Units per instance of the priced type (1 for instances); null when not known. */
  perInstance: number | null;
  /** Why `perInstance` is not known. */
  problem?: string;
}

/**
 * The capacity unit of a group: weighted capacity when the priced override sets `weighted_capacity`, else
 * `desired_capacity_type` (default `units`, i.e. instances). `vcpusOf` gives vCPUs per instance of a type.
 */
export function capacityUnits(
  desiredCapacityType: unknown,
  weightedCapacity: unknown,
  instanceType: string | undefined,
  vcpusOf: (type: string) => number | null,
): CapacityUnits {
  if (weightedCapacity !== undefined && weightedCapacity !== null) {
    const w = toNumber(weightedCapacity);
    if (w !== null && w > 0) return { unit: "weight", perInstance: w };
    return {
      unit: "weight",
      perInstance: null,
      problem: isUnresolved(weightedCapacity) ? `weighted_capacity is ${describeUnresolved(weightedCapacity)}` : `weighted_capacity ${String(weightedCapacity)} is not a positive number`,
    };
  }
  const t = desiredCapacityType === undefined || desiredCapacityType === null ? "units" : literalString(desiredCapacityType);
  if (t === "units") return { unit: "instance", perInstance: 1 };
  if (t === "vcpu") {
    const v = instanceType ? vcpusOf(instanceType) : null;
    return v ? { unit: "vcpu", perInstance: v } : { unit: "vcpu", perInstance: null, problem: `desired capacity is in vCPUs and the vCPUs of ${instanceType ?? "the instance type"} are not known to costgate` };
  }
  if (t === "memory-mib") return { unit: "memory-mib", perInstance: null, problem: "desired capacity is in MiB of memory, which costgate does not convert to instances" };
  return { unit: "instance", perInstance: null, problem: `desired_capacity_type ${isUnresolved(desiredCapacityType) ? describeUnresolved(desiredCapacityType) : JSON.stringify(desiredCapacityType)} is not units, vcpu or memory-mib` };
}

/** ⌈units ÷ per instance⌉, or null when either is unknown. */
export function instancesFor(units: number | null, perInstance: number | null): number | null {
  if (units === null || perInstance === null) return null;
  const q = units / perInstance;
  // Zero or negative capacity stays as it is (a negative one is then reported as bad input, not priced as 0).
  return q <= 0 ? q + 0 : Math.ceil(q - 1e-9);
}
