/**
 * A price key names one unit price to look up: which AWS product, in which region, with which attributes.
 * Keys are plain data so they can be deduplicated across stacks (and base vs head) by their `id`.
 */
export type PriceKey =
  | { kind: "ec2-instance"; region: string; instanceType: string }
  | { kind: "ebs-storage"; region: string; volumeType: string }
  | { kind: "ebs-iops"; region: string; volumeType: string }
  | { kind: "ebs-throughput"; region: string; volumeType: string }
  | { kind: "s3-storage"; region: string; storageClass: string }
  | { kind: "s3-requests"; region: string; tier: "put" | "get" }
  | { kind: "fsx-lustre-storage"; region: string; deploymentType: string; throughputPerUnit?: number }
  | { kind: "nat-gateway-hours"; region: string }
  | { kind: "nat-gateway-data"; region: string }
  | { kind: "sagemaker-instance"; region: string; instanceType: string; component: SageMakerComponent };

export type SageMakerComponent = "Training" | "Hosting" | "Notebook";

export type PriceKeyKind = PriceKey["kind"];

/** A stable string for deduplication and caching, e.g. `ec2-instance|us-east-1|p5.48xlarge`. */
export function priceKeyId(key: PriceKey): string {
  return memoized(key)?.id ?? buildId(key);
}

/**
 * One shared object per distinct key of the common kinds (the key itself for the others). A plan with 50,000
 * resources names a few dozen distinct prices; keeping one copy of each, instead of one per component, is a
 * large share of what the estimate holds in memory (and of the garbage collector's work).
 */
export function canonicalPriceKey<K extends PriceKey>(key: K): K {
  return (memoized(key)?.key as K | undefined) ?? key;
}

// Every component of every resource asks for its key's id (twice): ids and canonical keys of the common kinds
// are remembered by their parts, so a large plan builds and hashes a few dozen strings instead of 200,000.
const memo = new Map<string, Map<string, Map<string, { id: string; key: PriceKey }>>>();
let memoSize = 0;
const MAX_MEMOIZED = 10_000;

function memoized(key: PriceKey): { id: string; key: PriceKey } | undefined {
  const part = memoPart(key);
  if (part === undefined) return undefined;
  let byRegion = memo.get(key.kind);
  if (!byRegion) memo.set(key.kind, (byRegion = new Map()));
  let byPart = byRegion.get(key.region);
  if (!byPart) byRegion.set(key.region, (byPart = new Map()));
  let entry = byPart.get(part);
  if (entry === undefined) {
    if (++memoSize > MAX_MEMOIZED) {
      memo.clear();
      memoSize = 0;
    }
    byPart.set(part, (entry = { id: buildId(key), key }));
  }
  return entry;
}

/** The one part besides kind and region that names a key, for the kinds that have exactly one. */
function memoPart(key: PriceKey): string | undefined {
  switch (key.kind) {
    case "ec2-instance":
      return key.instanceType;
    case "ebs-storage":
    case "ebs-iops":
    case "ebs-throughput":
      return key.volumeType;
    case "s3-storage":
      return key.storageClass;
    case "s3-requests":
      return key.tier;
    case "nat-gateway-hours":
    case "nat-gateway-data":
      return "";
    default:
      return undefined;
  }
}

function buildId(key: PriceKey): string {
  switch (key.kind) {
    case "ec2-instance":
      return `ec2-instance|${key.region}|${key.instanceType}`;
    case "ebs-storage":
    case "ebs-iops":
    case "ebs-throughput":
      return `${key.kind}|${key.region}|${key.volumeType}`;
    case "s3-storage":
      return `s3-storage|${key.region}|${key.storageClass}`;
    case "s3-requests":
      return `s3-requests|${key.region}|${key.tier}`;
    case "fsx-lustre-storage":
      return `fsx-lustre-storage|${key.region}|${key.deploymentType}${key.throughputPerUnit ? `@${key.throughputPerUnit}` : ""}`;
    case "nat-gateway-hours":
    case "nat-gateway-data":
      return `${key.kind}|${key.region}`;
    case "sagemaker-instance":
      return `sagemaker-instance|${key.region}|${key.instanceType}|${key.component}`;
  }
}

/** Deduplicate keys by id, keeping first occurrence order. */
export function distinctPriceKeys(keys: Iterable<PriceKey>): PriceKey[] {
  const seen = new Map<string, PriceKey>();
  for (const k of keys) {
    const id = priceKeyId(k);
    if (!seen.has(id)) seen.set(id, k);
  }
  return [...seen.values()];
}
