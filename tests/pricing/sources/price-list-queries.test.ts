import { describe, expect, it } from "vitest";
import type { PriceKey } from "../../../src/pricing/price-key.js";
import { parsePriceListItem } from "../../../src/pricing/sources/price-list-document.js";
import { priceListQuery } from "../../../src/pricing/sources/price-list-queries.js";
import { productDocument, sageMakerProduct } from "../../fakes/price-list-documents.js";

const fields = (key: PriceKey) => Object.fromEntries(priceListQuery(key).filters.map((f) => [f.Field, f.Value]));

describe("priceListQuery", () => {
  it("pins every query to the key's region with TERM_MATCH-able fields", () => {
    const keys: PriceKey[] = [
      { kind: "ec2-instance", region: "eu-west-1", instanceType: "g5.xlarge" },
      { kind: "sagemaker-instance", region: "eu-west-1", instanceType: "ml.g5.xlarge", component: "Hosting" },
      { kind: "ebs-storage", region: "eu-west-1", volumeType: "gp3" },
      { kind: "ebs-iops", region: "eu-west-1", volumeType: "io1" },
      { kind: "ebs-throughput", region: "eu-west-1", volumeType: "gp3" },
      { kind: "s3-storage", region: "eu-west-1", storageClass: "STANDARD_IA" },
      { kind: "s3-requests", region: "eu-west-1", tier: "get" },
      { kind: "fsx-lustre-storage", region: "eu-west-1", deploymentType: "SCRATCH_2" },
      { kind: "nat-gateway-hours", region: "eu-west-1" },
      { kind: "nat-gateway-data", region: "eu-west-1" },
    ];
    for (const k of keys) expect(fields(k).regionCode).toBe("eu-west-1");
    expect(fields(keys[1]!)).toEqual({ regionCode: "eu-west-1", instanceName: "ml.g5.xlarge", component: "Hosting" });
    expect(fields(keys[5]!)).toMatchObject({ productFamily: "Storage", volumeType: "Standard - Infrequent Access" });
    expect(priceListQuery(keys[7]!).serviceCode).toBe("AmazonFSx");
  });

  it("says plainly which keys the Price List cannot answer", () => {
    expect(() => priceListQuery({ kind: "ebs-iops", region: "us-east-1", volumeType: "gp2" })).toThrow(/gp2 volumes have no provisioned-IOPS price/);
    expect(() => priceListQuery({ kind: "s3-storage", region: "us-east-1", storageClass: "DEEP_ARCHIVE" })).toThrow(
      expect.objectContaining({ name: "NoMatchingPrice", message: expect.stringContaining("S3 DEEP_ARCHIVE") }),
    );
  });

  it("checks usage types client-side: io2's first tier, not its cheaper tier products", () => {
    const q = priceListQuery({ kind: "ebs-iops", region: "us-east-1", volumeType: "io2" });
    const doc = (usagetype: string) =>
      parsePriceListItem(JSON.stringify(productDocument({ serviceCode: "AmazonEC2", productFamily: "System Operation", region: "us-east-1", attributes: { volumeApiName: "io2", usagetype }, dimensions: [] })));
    expect(q.accept!(doc("EBS:VolumeP-IOPS.io2"))).toBe(true);
    expect(q.accept!(doc("EU-EBS:VolumeP-IOPS.io2"))).toBe(true);
    expect(q.accept!(doc("EBS:VolumeP-IOPS.io2.tier2"))).toBe(false);
  });

  it("asks for io2's higher IOPS tiers (price key volume types io2@32000, io2@64000) by their own usage types", () => {
    const doc = (usagetype: string) =>
      parsePriceListItem(JSON.stringify(productDocument({ serviceCode: "AmazonEC2", productFamily: "System Operation", region: "us-east-1", attributes: { volumeApiName: "io2", usagetype }, dimensions: [] })));
    const t2 = priceListQuery({ kind: "ebs-iops", region: "us-east-1", volumeType: "io2@32000" });
    const t3 = priceListQuery({ kind: "ebs-iops", region: "us-east-1", volumeType: "io2@64000" });
    expect(fields({ kind: "ebs-iops", region: "us-east-1", volumeType: "io2@32000" })).toMatchObject({ volumeApiName: "io2" });
    expect([t2.accept!(doc("EBS:VolumeP-IOPS.io2.tier2")), t2.accept!(doc("EBS:VolumeP-IOPS.io2")), t2.accept!(doc("EBS:VolumeP-IOPS.io2.tier3"))]).toEqual([true, false, false]);
    expect([t3.accept!(doc("EBS:VolumeP-IOPS.io2.tier3")), t3.accept!(doc("EBS:VolumeP-IOPS.io2.tier2"))]).toEqual([true, false]);
    expect(() => priceListQuery({ kind: "ebs-iops", region: "us-east-1", volumeType: "io1@32000" })).toThrow(/io1@32000 volumes have no provisioned-IOPS price/);
  });

  it("accepts only the asked SageMaker component, never the HyperPod or upfront-fee rows", () => {
    const q = priceListQuery({ kind: "sagemaker-instance", region: "us-east-1", instanceType: "ml.p5.48xlarge", component: "Training" });
    const p = (component: string | undefined, usagetype?: string) =>
      parsePriceListItem(JSON.stringify(sageMakerProduct("us-east-1", "ml.p5.48xlarge", component, "1", usagetype ? { usagetype } : {})));
    expect(q.accept!(p("Training"))).toBe(true);
    expect(q.accept!(p("Cluster"))).toBe(false);
    expect(q.accept!(p("Hosting"))).toBe(false);
    expect(q.accept!(p("Training", "USE1-TrainingPlanUpfrontFee:ml.p5.48xlarge"))).toBe(false);
  });

  it("matches FSx for Lustre deployment options and per-unit throughput loosely in spelling, strictly in value", () => {
    const q = priceListQuery({ kind: "fsx-lustre-storage", region: "us-east-1", deploymentType: "PERSISTENT_2", throughputPerUnit: 125 });
    const p = (attributes: Record<string, string>) =>
      parsePriceListItem(JSON.stringify(productDocument({ serviceCode: "AmazonFSx", productFamily: "Storage", region: "us-east-1", attributes: { fileSystemType: "Lustre", ...attributes }, dimensions: [] })));
    expect(q.accept!(p({ deploymentOption: "Persistent_2", throughputCapacity: "125 MBps/TiB", storageType: "SSD" }))).toBe(true);
    expect(q.accept!(p({ deploymentOption: "Persistent 2", throughputCapacity: "125" }))).toBe(true);
    expect(q.accept!(p({ deploymentOption: "Persistent_2", throughputCapacity: "1250 MBps/TiB" }))).toBe(false);
    expect(q.accept!(p({ deploymentOption: "Persistent_1", throughputCapacity: "125 MBps/TiB" }))).toBe(false);
    expect(q.accept!(p({ deploymentOption: "Persistent_2", throughputCapacity: "125 MBps/TiB", storageType: "HDD" }))).toBe(false);
  });
});
