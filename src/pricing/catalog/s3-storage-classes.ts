import { blocks, literalString } from "../../plan/json-values.js";
import type { Resource } from "../../plan/resource.js";
import { definePriceFactory, type PriceKey } from "../price-key.js";
import { GB_MONTHS } from "../prices/units.js";
import { s3StoragePrice } from "../prices/index.js";
import type { CatalogContext } from "./catalog-entry.js";
import { referencedResource } from "./resource-reference.js";

/**
 * S3 Glacier Flexible Retrieval storage: its own offer (`AmazonGlacier`, usage type `…TimedStorage-ByteHrs`), as
 * Infracost's `s3_glacier_flexible_retrieval_storage_class.go` filters it.
 */
export const s3GlacierStoragePrice: (region: string) => PriceKey = definePriceFactory("s3-glacier-storage", "AmazonGlacier", (region) => ({
  attributes: [],
  checks: [{ field: "usagetype", op: "ends-with", value: "TimedStorage-ByteHrs" }],
  units: GB_MONTHS,
  unit: "GB-months",
  what: `S3 Glacier Flexible Retrieval storage in ${region}`,
}));

/** S3 Glacier Deep Archive storage: offer `AmazonS3GlacierDeepArchive`, usage type `…TimedStorage-GDA-ByteHrs` (Infracost's filter). */
export const s3DeepArchiveStoragePrice: (region: string) => PriceKey = definePriceFactory("s3-deep-archive-storage", "AmazonS3GlacierDeepArchive", (region) => ({
  attributes: [],
  checks: [{ field: "usagetype", op: "ends-with", value: "TimedStorage-GDA-ByteHrs" }],
  units: GB_MONTHS,
  unit: "GB-months",
  what: `S3 Glacier Deep Archive storage in ${region}`,
}));

/**
 * The storage classes a bucket's objects may move to, each with its usage key (Infracost's per-class
 * `storage_gb`, flattened: `standard_infrequent_access.storage_gb` → `standard_infrequent_access_storage_gb`) and
 * price. Intelligent-Tiering's frequent tier is volume-tiered like Standard (first 50 TB priced; see
 * `firstTier`); its infrequent tier and the other classes have one rate.
 */
export const S3_STORAGE_CLASSES: Readonly<Record<string, readonly { label: string; usageKey: string; price: (region: string) => PriceKey; firstTier?: number }[]>> = {
  STANDARD_IA: [{ label: "Standard-Infrequent Access storage", usageKey: "standard_infrequent_access_storage_gb", price: (r) => s3StoragePrice(r, "STANDARD_IA") }],
  ONEZONE_IA: [{ label: "One Zone-Infrequent Access storage", usageKey: "one_zone_infrequent_access_storage_gb", price: (r) => s3StoragePrice(r, "ONEZONE_IA") }],
  GLACIER_IR: [{ label: "Glacier Instant Retrieval storage", usageKey: "glacier_instant_retrieval_storage_gb", price: (r) => s3StoragePrice(r, "GLACIER_IR") }],
  GLACIER: [{ label: "Glacier Flexible Retrieval storage", usageKey: "glacier_flexible_retrieval_storage_gb", price: s3GlacierStoragePrice }],
  DEEP_ARCHIVE: [{ label: "Glacier Deep Archive storage", usageKey: "glacier_deep_archive_storage_gb", price: s3DeepArchiveStoragePrice }],
  INTELLIGENT_TIERING: [
    { label: "Intelligent-Tiering frequent access storage", usageKey: "intelligent_tiering_frequent_access_storage_gb", price: (r) => s3StoragePrice(r, "INTELLIGENT_TIERING_FA"), firstTier: 51_200 },
    { label: "Intelligent-Tiering infrequent access storage", usageKey: "intelligent_tiering_infrequent_access_storage_gb", price: (r) => s3StoragePrice(r, "INTELLIGENT_TIERING_IA") },
  ],
};

/** Storage classes named by lifecycle rules: `transition` / `noncurrent_version_transition` blocks' `storage_class`. */
function classesOfRules(rules: Record<string, unknown>[]): string[] {
  return rules.flatMap((rule) => [...blocks(rule.transition), ...blocks(rule.noncurrent_version_transition)].map((t) => literalString(t.storage_class) ?? "").filter((c) => c !== ""));
}

/**
 * The storage classes a bucket's lifecycle rules move objects to: its own `lifecycle_rule` blocks (aws provider
 * before v4), and the `rule`s of every `aws_s3_bucket_lifecycle_configuration` whose `bucket` refers to it (a
 * reference, or the bucket's literal name). Unique, in the order found.
 */
export function lifecycleStorageClasses(bucket: Resource, ctx: CatalogContext): string[] {
  const name = literalString(bucket.attributes.bucket);
  const all = ctx.resourcesOfType("aws_s3_bucket_lifecycle_configuration");
  const configs = all.length === 0 ? [] : configsOf(bucket, name, all, ctx);
  return [...new Set([...classesOfRules(blocks(bucket.attributes.lifecycle_rule)), ...configs.flatMap((c) => classesOfRules(blocks(c.attributes.rule)))])];
}

interface LifecycleIndex {
  /** Positions in the stack's list of the configurations whose `bucket` refers to a bucket resource. */
  byBucket: Map<Resource, number[]>;
  /** Positions of those whose `bucket` is a literal name. */
  byName: Map<string, number[]>;
}

/** One index per stack's list of lifecycle configurations: without it every bucket scanned every configuration. */
const lifecycleIndexes = new WeakMap<readonly Resource[], LifecycleIndex>();

/** The configurations that name `bucket` (by reference or by its literal name), in the stack's order. */
function configsOf(bucket: Resource, name: string | undefined, all: readonly Resource[], ctx: CatalogContext): Resource[] {
  let index = lifecycleIndexes.get(all);
  if (!index) {
    index = { byBucket: new Map(), byName: new Map() };
    all.forEach((c, i) => {
      const b = c.attributes.bucket;
      const target = referencedResource(b, "aws_s3_bucket", c, ctx);
      if (target !== undefined) pushAt(index!.byBucket, target, i);
      if (typeof b === "string") pushAt(index!.byName, b, i);
    });
    lifecycleIndexes.set(all, index);
  }
  const at = new Set([...(index.byBucket.get(bucket) ?? []), ...(name !== undefined ? (index.byName.get(name) ?? []) : [])]);
  return [...at].sort((a, b) => a - b).map((i) => all[i]!);
}

function pushAt<K>(map: Map<K, number[]>, key: K, i: number): void {
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}
