import type { PriceKey } from "../price-key.js";
import { PriceLookupError, type PriceListProduct, type RateRule } from "./price-list-document.js";

/**
 * Bump when a query or rule below changes meaning, so cached answers from the old query are not reused.
 * (It is part of the on-disk cache key.)
 */
export const PRICE_LIST_QUERY_VERSION = "1";

/** One GetProducts query (TERM_MATCH filters only, as every real-world client uses) and how to read its answer. */
export interface PriceListQuery extends RateRule {
  serviceCode: "AmazonEC2" | "AmazonSageMaker" | "AmazonS3" | "AmazonFSx";
  filters: { Field: string; Value: string }[];
}

const HOURS = { Hrs: { unit: "hours", factor: 1 } };
const GB_MONTHS = { "GB-Mo": { unit: "GB-months", factor: 1 } };

/** Pricing's storage classes → the Price List `volumeType` and the storage usage-type suffix. */
const S3_CLASSES: Record<string, { volumeType: string; usageSuffix: string }> = {
  STANDARD: { volumeType: "Standard", usageSuffix: "TimedStorage-ByteHrs" },
  STANDARD_IA: { volumeType: "Standard - Infrequent Access", usageSuffix: "TimedStorage-SIA-ByteHrs" },
  ONEZONE_IA: { volumeType: "One Zone - Infrequent Access", usageSuffix: "TimedStorage-ZIA-ByteHrs" },
  GLACIER_IR: { volumeType: "Glacier Instant Retrieval", usageSuffix: "TimedStorage-GIR-ByteHrs" },
};

/** Provisioned-IOPS usage types per EBS volume type (io2's cheaper tiers are separate `.tier2/.tier3` products). */
const EBS_IOPS_USAGE: Record<string, string> = { io1: "VolumeP-IOPS.piops", io2: "VolumeP-IOPS.io2", gp3: "VolumeP-IOPS.gp3" };
/** io2's IOPS tiers by the IOPS they start above (price key volume types `io2@32000`, `io2@64000`). */
const IO2_IOPS_TIER_USAGE: Record<string, string> = { "32000": "VolumeP-IOPS.io2.tier2", "64000": "VolumeP-IOPS.io2.tier3" };

/**
 * The GetProducts query for a price key. Filters narrow on the server; `accept` re-checks on the client what
 * TERM_MATCH cannot say (usage-type suffixes), so a stray product makes the answer ambiguous instead of wrong.
 * Throws `NoMatchingPrice` for keys the Price List cannot answer (unsupported storage classes).
 */
export function priceListQuery(key: PriceKey): PriceListQuery {
  const region = key.region;
  const attr = (p: PriceListProduct, name: string) => p.attributes[name] ?? "";
  switch (key.kind) {
    case "ec2-instance": {
      // Karpenter's filter set (AWS-maintained). Bare-metal types are listed under their own product family.
      const metal = /\.metal/.test(key.instanceType);
      return {
        serviceCode: "AmazonEC2",
        filters: [
          { Field: "regionCode", Value: region },
          { Field: "serviceCode", Value: "AmazonEC2" },
          { Field: "preInstalledSw", Value: "NA" },
          { Field: "operatingSystem", Value: "Linux" },
          { Field: "capacitystatus", Value: "Used" },
          { Field: "marketoption", Value: "OnDemand" },
          { Field: "tenancy", Value: metal ? "Dedicated" : "Shared" },
          { Field: "productFamily", Value: metal ? "Compute Instance (bare metal)" : "Compute Instance" },
          { Field: "instanceType", Value: key.instanceType },
        ],
        what: `EC2 ${key.instanceType} (Linux, on-demand) in ${region}`,
        units: HOURS,
        accept: (p) => attr(p, "instanceType") === key.instanceType,
      };
    }
    case "sagemaker-instance":
      // Filtering on `component` excludes the HyperPod (`Cluster`) rows; the training-plan upfront fee has no
      // component and unit `Quantity`, and is rejected twice over.
      return {
        serviceCode: "AmazonSageMaker",
        filters: [
          { Field: "regionCode", Value: region },
          { Field: "instanceName", Value: key.instanceType },
          { Field: "component", Value: key.component },
        ],
        what: `SageMaker ${key.instanceType} ${key.component} in ${region}`,
        units: HOURS,
        accept: (p) =>
          attr(p, "instanceName") === key.instanceType && attr(p, "component") === key.component && !/UpfrontFee/i.test(attr(p, "usagetype")),
      };
    case "ebs-storage":
      return {
        serviceCode: "AmazonEC2",
        filters: [
          { Field: "regionCode", Value: region },
          { Field: "productFamily", Value: "Storage" },
          { Field: "volumeApiName", Value: key.volumeType },
        ],
        what: `EBS ${key.volumeType} storage in ${region}`,
        units: GB_MONTHS,
        accept: (p) => attr(p, "volumeApiName") === key.volumeType,
      };
    case "ebs-iops": {
      // `io2@32000` / `io2@64000`: io2's IOPS tiers above 32,000 and 64,000 (see catalog/ebs-iops-tiers.ts).
      const [volumeType, tierStart] = key.volumeType.split("@") as [string, string | undefined];
      const usage = tierStart === undefined ? EBS_IOPS_USAGE[volumeType] : volumeType === "io2" ? IO2_IOPS_TIER_USAGE[tierStart] : undefined;
      if (!usage) throw new PriceLookupError("NoMatchingPrice", `EBS ${key.volumeType} volumes have no provisioned-IOPS price`);
      return {
        serviceCode: "AmazonEC2",
        filters: [
          { Field: "regionCode", Value: region },
          { Field: "productFamily", Value: "System Operation" },
          { Field: "volumeApiName", Value: volumeType },
        ],
        what: `EBS ${key.volumeType} provisioned IOPS in ${region}`,
        units: { "IOPS-Mo": { unit: "IOPS-months", factor: 1 } },
        accept: (p) => attr(p, "usagetype").endsWith(usage),
      };
    }
    case "ebs-throughput":
      return {
        serviceCode: "AmazonEC2",
        filters: [
          { Field: "regionCode", Value: region },
          { Field: "productFamily", Value: "Provisioned Throughput" },
          { Field: "volumeApiName", Value: key.volumeType },
        ],
        what: `EBS ${key.volumeType} provisioned throughput in ${region}`,
        // The Price List bills throughput per GiBps-month; costgate quantities are MiB/s-months.
        units: { "GiBps-mo": { unit: "MiBps-months", factor: 1 / 1024 }, "MiBps-Mo": { unit: "MiBps-months", factor: 1 } },
        accept: (p) => attr(p, "usagetype").endsWith(`VolumeP-Throughput.${key.volumeType}`),
      };
    case "s3-storage": {
      const cls = S3_CLASSES[key.storageClass];
      if (!cls)
        throw new PriceLookupError("NoMatchingPrice", `costgate does not look up S3 ${key.storageClass} storage in the Price List (supported: ${Object.keys(S3_CLASSES).join(", ")})`);
      return {
        serviceCode: "AmazonS3",
        filters: [
          { Field: "regionCode", Value: region },
          { Field: "productFamily", Value: "Storage" },
          { Field: "volumeType", Value: cls.volumeType },
        ],
        what: `S3 ${key.storageClass} storage (first tier) in ${region}`,
        units: GB_MONTHS,
        accept: (p) => attr(p, "usagetype").endsWith(cls.usageSuffix),
      };
    }
    case "s3-requests": {
      const suffix = key.tier === "put" ? "Requests-Tier1" : "Requests-Tier2";
      return {
        serviceCode: "AmazonS3",
        filters: [
          { Field: "regionCode", Value: region },
          { Field: "productFamily", Value: "API Request" },
        ],
        what: `S3 Standard ${key.tier.toUpperCase()} requests in ${region}`,
        units: { Requests: { unit: "1k requests", factor: 1000 } },
        accept: (p) => attr(p, "usagetype").endsWith(suffix),
      };
    }
    case "fsx-lustre-storage": {
      // Attribute values for Lustre are not verified against the live API; a mismatch ends in NoMatchingPrice
      // or AmbiguousPrice, and the key falls back to the snapshot with a warning.
      const want = normalize(key.deploymentType);
      const tp = key.throughputPerUnit;
      return {
        serviceCode: "AmazonFSx",
        filters: [
          { Field: "regionCode", Value: region },
          { Field: "productFamily", Value: "Storage" },
          { Field: "fileSystemType", Value: "Lustre" },
        ],
        what: `FSx for Lustre ${key.deploymentType}${tp ? ` ${tp} MB/s/TiB` : ""} SSD storage in ${region}`,
        units: GB_MONTHS,
        accept: (p) =>
          normalize(attr(p, "deploymentOption")) === want &&
          (attr(p, "storageType") === "" || /ssd/i.test(attr(p, "storageType"))) &&
          (tp === undefined || new RegExp(`(^|\\D)${tp}(\\D|$)`).test(attr(p, "throughputCapacity"))),
      };
    }
    case "nat-gateway-hours":
    case "nat-gateway-data": {
      const hours = key.kind === "nat-gateway-hours";
      return {
        serviceCode: "AmazonEC2",
        filters: [
          { Field: "regionCode", Value: region },
          { Field: "productFamily", Value: "NAT Gateway" },
        ],
        what: `NAT gateway ${hours ? "hours" : "data processed"} in ${region}`,
        units: hours ? HOURS : { GB: { unit: "GB", factor: 1 } },
        accept: (p) => attr(p, "usagetype").endsWith(hours ? "NatGateway-Hours" : "NatGateway-Bytes"),
      };
    }
  }
}

function normalize(s: string): string {
  return s.toUpperCase().replace(/[^A-Z0-9]/g, "");
}
