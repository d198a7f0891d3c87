import { firstBlock, blocks, literalString, toNumber } from "../../plan/json-values.js";
import type { CatalogEntry } from "./catalog-entry.js";
import { CAPACITY_BLOCK_UNPRICED } from "./aws-reserved-capacity.js";
import { countProblem, ebsComponents, ec2InstanceHours, factsWith, monthlyHours, readInstanceType, workloadFromTags } from "./compute-components.js";

/** `aws_instance`: instance-hours (spot via instance_market_options) plus root and EBS block devices. */
export const awsInstance: CatalogEntry = {
  types: ["aws_instance"],
  components(r, ctx) {
    const it = readInstanceType(r.attributes.instance_type, "/instance_type", ctx);
    const instances = ctx.usage.instance_count ?? r.count;
    const spot = isSpot(r.attributes);
    const out = [
      ec2InstanceHours({
        region: r.region,
        instanceType: it.type,
        problem:
          it.problem ??
          (firstBlock(r.attributes.instance_market_options)?.market_type === "capacity-block" ? CAPACITY_BLOCK_UNPRICED : undefined) ??
          (ctx.usage.instance_count === undefined ? countProblem(r) : undefined),
        instances,
        hours: monthlyHours(ctx),
        purchase: spot ? "spot" : "on-demand",
      }),
    ];
    const root = firstBlock(r.attributes.root_block_device);
    // AWS uses the AMI's root volume; 8 GB gp2 is the common default (as Infracost assumes).
    out.push(
      ...ebsComponents({
        region: r.region,
        volumeType: literalString(root?.volume_type) ?? "gp2",
        sizeGb: root?.volume_size === undefined ? 8 : toNumber(root.volume_size),
        iops: toNumber(root?.iops),
        throughput: toNumber(root?.throughput),
        volumes: instances,
        label: root?.volume_size === undefined ? "Root volume, AMI default assumed" : "Root volume",
      }),
    );
    blocks(r.attributes.ebs_block_device).forEach((b, i) => {
      out.push(
        ...ebsComponents({
          region: r.region,
          volumeType: literalString(b.volume_type) ?? "gp2",
          sizeGb: toNumber(b.volume_size),
          iops: toNumber(b.iops),
          throughput: toNumber(b.throughput),
          volumes: instances,
          label: `EBS volume ${literalString(b.device_name) ?? i}`,
        }),
      );
    });
    return out;
  },
  facts(r, ctx) {
    const type = literalString(r.attributes.instance_type);
    return factsWith(
      {
        instanceTypes: type ? [type] : [],
        instanceCount: ctx.usage.instance_count ?? r.count,
        gpusPerInstance: type ? ctx.gpusOf(type) : null,
        purchaseOption: isSpot(r.attributes) ? "spot" : "on-demand",
      },
      workloadFromTags(r),
      r.tags["checkpoint-uri"],
      { minCapacity: r.count },
    );
  },
};

function isSpot(attrs: Record<string, unknown>): boolean {
  return firstBlock(attrs.instance_market_options)?.market_type === "spot";
}

export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
