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
  // Every component of every resource asks for its key's id (twice): remember the ids of the common kinds by
  // their parts, so a plan with 50,000 resources builds and hashes a few dozen strings instead of 200,000.
  const part = memoPart(key);
  if (part === undefined) return buildId(key);
  let byRegion = ids.get(key.kind);
  if (!byRegion) ids.set(key.kind, (byRegion = new Map()));
  let byPart = byRegion.get(key.region);
  if (!byPart) byRegion.set(key.region, (byPart = new Map()));
  let id = byPart.get(part);
  if (id === undefined) {
    if (++memoized > MAX_MEMOIZED) {
      ids.clear();
      memoized = 0;
    }
    byPart.set(part, (id = buildId(key)));
  }
  return id;
}

const ids = new Map<string, Map<string, Map<string, string>>>();
let memoized = 0;
const MAX_MEMOIZED = 10_000;

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
