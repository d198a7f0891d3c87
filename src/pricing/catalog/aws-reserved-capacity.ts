import { literalString, toNumber } from "../../plan/json-values.js";
import { ec2InstancePrice } from "../prices/index.js";
import type { CatalogEntry } from "./catalog-entry.js";
import { countProblem, factsWith, monthlyHours, readInstanceType, workloadFromTags } from "./compute-components.js";

/** Why Capacity Blocks for ML are unpriced offline: the only public rates found are superseded (see shared/pricing). */
export const CAPACITY_BLOCK_UNPRICED =
  "Capacity Blocks for ML are priced per offering (reservation fee for the block's duration); the only dated public rates costgate has applied before 2025-01-01 and are superseded, and the block is never billed at the On-Demand rate";

/**
 * `aws_ec2_capacity_reservation`: an On-Demand Capacity Reservation is billed at the On-Demand rate for every
 * reserved instance whether an instance runs in it or not (AWS EC2 User Guide, "Capacity Reservation pricing and
 * billing"): instance_count × hours × price. Linux/UNIX on shared tenancy only; other platforms are unpriced.
 */
export const awsEc2CapacityReservation: CatalogEntry = {
  types: ["aws_ec2_capacity_reservation"],
  components(r, ctx) {
    const a = r.attributes;
    const it = readInstanceType(a.instance_type, "/instance_type", ctx);
    const platform = literalString(a.instance_platform);
    const tenancy = literalString(a.tenancy) ?? "default";
    const count = toNumber(a.instance_count);
    const problem =
      it.problem ??
      (platform !== undefined && platform !== "Linux/UNIX" ? `costgate prices Linux/UNIX reservations; this one is ${platform}` : undefined) ??
      (tenancy !== "default" ? `costgate prices shared-tenancy reservations; this one is ${tenancy}` : undefined) ??
      (count === null ? "instance_count is unknown" : countProblem(r));
    const instances = count === null || r.count === null ? null : count * r.count;
    return [
      {
        name: `Reserved capacity, billed used or not (Linux/UNIX, ${it.type ?? "unknown type"} × ${instances ?? "?"})`,
        unit: "hours",
        monthlyQuantity: instances === null ? null : instances * monthlyHours(ctx),
        usageKey: "monthly_hrs",
        priceKey: it.type && !it.problem ? ec2InstancePrice(r.region, it.type) : null,
        purchaseOption: "on-demand",
        ...(problem ? { unpricedReason: problem } : {}),
      },
    ];
  },
  facts(r, ctx) {
    const type = literalString(r.attributes.instance_type);
    const count = toNumber(r.attributes.instance_count);
    return factsWith(
      { instanceTypes: type ? [type] : [], instanceCount: count === null || r.count === null ? null : count * r.count, gpusPerInstance: type ? ctx.gpusOf(type) : null, purchaseOption: "on-demand" },
      workloadFromTags(r),
      undefined,
    );
  },
};

/**
 * `aws_ec2_capacity_block_reservation` (Capacity Blocks for ML): unpriced with the reason — never priced as
 * On-Demand — while its instances still count for GPU and instance-type rules.
 */
export const awsEc2CapacityBlockReservation: CatalogEntry = {
  types: ["aws_ec2_capacity_block_reservation"],
  components(r, ctx) {
    const it = readInstanceType(r.attributes.instance_type, "/instance_type", ctx);
    return [
      {
        name: `Capacity Block (${it.type ?? "unknown type"} × ${toNumber(r.attributes.instance_count) ?? "?"})`,
        unit: "hours",
        monthlyQuantity: null,
        priceKey: null,
        purchaseOption: "on-demand",
        unpricedReason: CAPACITY_BLOCK_UNPRICED,
      },
    ];
  },
  facts: awsEc2CapacityReservation.facts,
};
