import { literalString, toNumber } from "../../plan/json-values.js";
import type { CostComponentSpec } from "../cost-component.js";
import type { CatalogEntry } from "./catalog-entry.js";
import { s3StandardTiers } from "./s3-storage-tiers.js";
import { lifecycleStorageClasses, S3_STORAGE_CLASSES } from "./s3-storage-classes.js";
import { firstTierOnly } from "./service-components.js";
import { EBS_DEFAULT_VOLUME_TYPE } from "./attribute-defaults.js";
import { countProblem, ebsComponents, factsWith, workloadFromTags } from "./compute-components.js";
import { fsxLustreStoragePrice, natGatewayDataPrice, natGatewayHoursPrice, s3RequestsPrice, s3StoragePrice } from "../prices/index.js";

const storageFacts: CatalogEntry["facts"] = (r) => factsWith({ instanceTypes: [], instanceCount: null, gpusPerInstance: null }, workloadFromTags(r), undefined);

/** `aws_ebs_volume`: GB-months by volume type, plus provisioned IOPS / throughput above the gp3 baseline. */
export const awsEbsVolume: CatalogEntry = {
  types: ["aws_ebs_volume"],
  components(r) {
    const out = ebsComponents({
      region: r.region,
      volumeType: literalString(r.attributes.type) ?? EBS_DEFAULT_VOLUME_TYPE,
      sizeGb: toNumber(r.attributes.size),
      iops: toNumber(r.attributes.iops),
      throughput: toNumber(r.attributes.throughput),
      volumes: r.count,
      label: "Storage",
    });
    const problem = countProblem(r);
    return problem ? out.map((c) => ({ ...c, unpricedReason: c.unpricedReason ?? problem })) : out;
  },
  facts: storageFacts,
};

/**
 * `aws_s3_bucket`: usage-based Standard storage (storage_gb) and requests (monthly_put_requests,
 * monthly_get_requests), and storage in each class its lifecycle rules move objects to (or whose usage key is set;
 * see `s3-storage-classes.ts`): usage-based, never assumed from the Standard amount.
 */
export const awsS3Bucket: CatalogEntry = {
  types: ["aws_s3_bucket"],
  components(r, ctx) {
    const perThousand = (n: number | undefined) => (n === undefined ? null : n / 1000);
    const lifecycle = lifecycleStorageClasses(r, ctx);
    const classes = Object.entries(S3_STORAGE_CLASSES).flatMap(([cls, tiers]) => (lifecycle.includes(cls) || tiers.some((t) => ctx.usage[t.usageKey] !== undefined) ? tiers : []));
    const classComponents = classes.flatMap((t): CostComponentSpec[] => {
      const q = ctx.usage[t.usageKey] ?? null;
      if (t.firstTier !== undefined)
        return firstTierOnly({ name: t.label, unit: "GB-months", usageKey: t.usageKey, quantity: q, priceKey: t.price(r.region), firstTier: t.firstTier, tierLabel: "first 50 TB" });
      return [{ name: t.label, unit: "GB-months", monthlyQuantity: q, usageKey: t.usageKey, priceKey: t.price(r.region), purchaseOption: "usage" }];
    });
    const unknownClasses = lifecycle.filter((c) => !Object.hasOwn(S3_STORAGE_CLASSES, c));
    const unknown = unknownClasses.map((c): CostComponentSpec => ({ name: `${c} storage`, unit: "GB-months", monthlyQuantity: null, priceKey: null, purchaseOption: "usage", unpricedReason: `costgate does not price the S3 storage class ${c}` }));
    return [
      // Tiered by volume: one component per tier the storage reaches (see s3StandardTiers).
      ...(ctx.usage.storage_gb === undefined ? [{ quantity: null, priceVariant: "STANDARD", label: "" }] : s3StandardTiers(ctx.usage.storage_gb)).map(
        (t): CostComponentSpec => ({ name: `Standard storage${t.label}`, unit: "GB-months", monthlyQuantity: t.quantity, usageKey: "storage_gb", priceKey: s3StoragePrice(r.region, t.priceVariant), purchaseOption: "usage" }),
      ),
      { name: "PUT, COPY, POST, LIST requests", unit: "1k requests", monthlyQuantity: perThousand(ctx.usage.monthly_put_requests), usageKey: "monthly_put_requests", priceKey: s3RequestsPrice(r.region, "put"), purchaseOption: "usage" },
      { name: "GET, SELECT and other requests", unit: "1k requests", monthlyQuantity: perThousand(ctx.usage.monthly_get_requests), usageKey: "monthly_get_requests", priceKey: s3RequestsPrice(r.region, "get"), purchaseOption: "usage" },
      ...classComponents,
      ...unknown,
    ];
  },
  facts: storageFacts,
};

/**
 * `aws_fsx_lustre_file_system`: storage_capacity GB-months by deployment type (SCRATCH_1 is the provider
 * default). PERSISTENT types are priced by throughput tier.
 */
export const awsFsxLustre: CatalogEntry = {
  types: ["aws_fsx_lustre_file_system"],
  components(r) {
    const deploymentType = literalString(r.attributes.deployment_type) ?? "SCRATCH_1";
    const size = toNumber(r.attributes.storage_capacity);
    const tp = toNumber(r.attributes.per_unit_storage_throughput);
    const problem = size === null ? "storage_capacity is unknown" : countProblem(r);
    return [
      {
        name: `Lustre storage (${deploymentType}${tp ? `, ${tp} MB/s/TiB` : ""}, ${size ?? "?"} GB)`,
        unit: "GB-months",
        monthlyQuantity: size === null || r.count === null ? null : size * r.count,
        priceKey: fsxLustreStoragePrice(r.region, deploymentType, tp || undefined),
        purchaseOption: "on-demand",
        ...(problem ? { unpricedReason: problem } : {}),
      },
    ];
  },
  facts: storageFacts,
};

/** `aws_nat_gateway`: hours plus usage-based data processed. */
export const awsNatGateway: CatalogEntry = {
  types: ["aws_nat_gateway"],
  components(r, ctx) {
    const hours = (ctx.usage.monthly_hrs ?? 730) * (r.count ?? 0);
    const problem = countProblem(r);
    return [
      { name: "NAT gateway hours", unit: "hours", monthlyQuantity: r.count === null ? null : hours, usageKey: "monthly_hrs", priceKey: natGatewayHoursPrice(r.region), purchaseOption: "on-demand", ...(problem ? { unpricedReason: problem } : {}) },
      { name: "Data processed", unit: "GB", monthlyQuantity: ctx.usage.monthly_data_processed_gb ?? null, usageKey: "monthly_data_processed_gb", priceKey: natGatewayDataPrice(r.region), purchaseOption: "usage" },
    ];
  },
  facts: storageFacts,
};
