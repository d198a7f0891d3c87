import { describe, expect, it } from "vitest";
import type { PriceKey } from "../../../src/pricing/price-key.js";
import { parsePriceListItem } from "../../../src/pricing/sources/price-list-document.js";
import { priceListQuery } from "../../../src/pricing/sources/price-list-queries.js";
import { productDocument, sageMakerProduct } from "../../fakes/price-list-documents.js";
import { ebsIopsPrice, ebsStoragePrice, ebsThroughputPrice, ec2InstancePrice, fsxLustreStoragePrice, natGatewayDataPrice, natGatewayHoursPrice, s3RequestsPrice, s3StoragePrice, sagemakerInstancePrice } from "../../../src/pricing/prices/index.js";

const fields = (key: PriceKey) => Object.fromEntries(priceListQuery(key).filters.map((f) => [f.Field, f.Value]));

describe("priceListQuery", () => {
  it("pins every query to the key's region with TERM_MATCH-able fields", () => {
    const keys: PriceKey[] = [
      ec2InstancePrice("eu-west-1", "g5.xlarge"),
      sagemakerInstancePrice("eu-west-1", "ml.g5.xlarge", "Hosting"),
      ebsStoragePrice("eu-west-1", "gp3"),
      ebsIopsPrice("eu-west-1", "io1"),
      ebsThroughputPrice("eu-west-1", "gp3"),
      s3StoragePrice("eu-west-1", "STANDARD_IA"),
      s3RequestsPrice("eu-west-1", "get"),
      fsxLustreStoragePrice("eu-west-1", "SCRATCH_2"),
      natGatewayHoursPrice("eu-west-1"),
      natGatewayDataPrice("eu-west-1"),
    ];
    for (const k of keys) expect(fields(k).regionCode).toBe("eu-west-1");
    expect(fields(keys[1]!)).toEqual({ regionCode: "eu-west-1", instanceName: "ml.g5.xlarge", component: "Hosting" });
    expect(fields(keys[5]!)).toMatchObject({ productFamily: "Storage", volumeType: "Standard - Infrequent Access" });
    expect(priceListQuery(keys[7]!).serviceCode).toBe("AmazonFSx");
  });

  it("says plainly which keys the Price List cannot answer", () => {
    expect(() => priceListQuery(ebsIopsPrice("us-east-1", "gp2"))).toThrow(/gp2 volumes have no provisioned-IOPS price/);
    expect(() => priceListQuery(s3StoragePrice("us-east-1", "DEEP_ARCHIVE"))).toThrow(
      expect.objectContaining({ name: "NoMatchingPrice", message: expect.stringContaining("S3 DEEP_ARCHIVE") }),
    );
  });

  it("checks usage types client-side: io2's first tier, not its cheaper tier products", () => {
    const q = priceListQuery(ebsIopsPrice("us-east-1", "io2"));
    const doc = (usagetype: string) =>
      parsePriceListItem(JSON.stringify(productDocument({ serviceCode: "AmazonEC2", productFamily: "System Operation", region: "us-east-1", attributes: { volumeApiName: "io2", usagetype }, dimensions: [] })));
    expect(q.accept!(doc("EBS:VolumeP-IOPS.io2"))).toBe(true);
    expect(q.accept!(doc("EU-EBS:VolumeP-IOPS.io2"))).toBe(true);
    expect(q.accept!(doc("EBS:VolumeP-IOPS.io2.tier2"))).toBe(false);
  });

  it("asks for io2's higher IOPS tiers (price key volume types io2@32000, io2@64000) by their own usage types", () => {
    const doc = (usagetype: string) =>
      parsePriceListItem(JSON.stringify(productDocument({ serviceCode: "AmazonEC2", productFamily: "System Operation", region: "us-east-1", attributes: { volumeApiName: "io2", usagetype }, dimensions: [] })));
    const t2 = priceListQuery(ebsIopsPrice("us-east-1", "io2@32000"));
    const t3 = priceListQuery(ebsIopsPrice("us-east-1", "io2@64000"));
    expect(fields(ebsIopsPrice("us-east-1", "io2@32000"))).toMatchObject({ volumeApiName: "io2" });
    expect([t2.accept!(doc("EBS:VolumeP-IOPS.io2.tier2")), t2.accept!(doc("EBS:VolumeP-IOPS.io2")), t2.accept!(doc("EBS:VolumeP-IOPS.io2.tier3"))]).toEqual([true, false, false]);
    expect([t3.accept!(doc("EBS:VolumeP-IOPS.io2.tier3")), t3.accept!(doc("EBS:VolumeP-IOPS.io2.tier2"))]).toEqual([true, false]);
    expect(() => priceListQuery(ebsIopsPrice("us-east-1", "io1@32000"))).toThrow(/io1@32000 volumes have no provisioned-IOPS price/);
  });

  it("accepts only the asked SageMaker component, never the HyperPod or upfront-fee rows", () => {
    const q = priceListQuery(sagemakerInstancePrice("us-east-1", "ml.p5.48xlarge", "Training"));
    const p = (component: string | undefined, usagetype?: string) =>
      parsePriceListItem(JSON.stringify(sageMakerProduct("us-east-1", "ml.p5.48xlarge", component, "1", usagetype ? { usagetype } : {})));
    expect(q.accept!(p("Training"))).toBe(true);
    expect(q.accept!(p("Cluster"))).toBe(false);
    expect(q.accept!(p("Hosting"))).toBe(false);
    expect(q.accept!(p("Training", "USE1-TrainingPlanUpfrontFee:ml.p5.48xlarge"))).toBe(false);
  });

  it("matches FSx for Lustre deployment options and per-unit throughput loosely in spelling, strictly in value", () => {
    const q = priceListQuery(fsxLustreStoragePrice("us-east-1", "PERSISTENT_2", 125));
    const p = (attributes: Record<string, string>) =>
      parsePriceListItem(JSON.stringify(productDocument({ serviceCode: "AmazonFSx", productFamily: "Storage", region: "us-east-1", attributes: { fileSystemType: "Lustre", ...attributes }, dimensions: [] })));
    expect(q.accept!(p({ deploymentOption: "Persistent_2", throughputCapacity: "125 MBps/TiB", storageType: "SSD" }))).toBe(true);
    expect(q.accept!(p({ deploymentOption: "Persistent 2", throughputCapacity: "125" }))).toBe(true);
    expect(q.accept!(p({ deploymentOption: "Persistent_2", throughputCapacity: "1250 MBps/TiB" }))).toBe(false);
    expect(q.accept!(p({ deploymentOption: "Persistent_1", throughputCapacity: "125 MBps/TiB" }))).toBe(false);
    expect(q.accept!(p({ deploymentOption: "Persistent_2", throughputCapacity: "125 MBps/TiB", storageType: "HDD" }))).toBe(false);
  });
});
