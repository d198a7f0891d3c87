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
