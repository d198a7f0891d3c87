import { describe, expect, it } from "vitest";
import { SNAPSHOT, gpusOf, isKnownInstanceType } from "../../src/pricing/snapshot/snapshot.js";
import { SnapshotPriceSource } from "../../src/pricing/sources/snapshot-source.js";
import { ec2InstancePrice } from "../../src/pricing/prices/index.js";

describe("embedded price snapshot", () => {
  it("keeps a dated source for every row", () => {
    for (const [region, rows] of Object.entries(SNAPSHOT.prices))
      for (const [key, [price, ds, unit, asOf]] of Object.entries(rows)) {
        expect(price, `${region} ${key}`).toBeGreaterThan(0);
        expect(SNAPSHOT.datasets[ds], `${region} ${key}`).toBeDefined();
        expect(unit, `${region} ${key}`).toMatch(/^(hours|GB-months|IOPS-months|MiBps-months|MBps-months|1M ECPUs|GB|1k requests|10k requests|1M requests|1M tokens|key-months|secret-months|ACU-hours|GB-seconds|GB-hours|1k transitions|1M messages|1M minutes|1M units|DPU-hours|zone-months|user-months|1M request units|LCU-hours)$/);
        if (asOf !== undefined) expect(asOf, `${region} ${key}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    expect(Object.keys(SNAPSHOT.prices["us-east-1"]!).filter((k) => k.startsWith("ec2-instance|")).length).toBeGreaterThan(1300);
  });

  it("carries post-June-2025 P4/P5 prices, and types without a list price stay unpriced", () => {
    expect(SNAPSHOT.prices["us-east-1"]!["ec2-instance|p5.48xlarge"]![0]).toBe(55.04);
    expect(SNAPSHOT.prices["us-east-1"]!["ec2-instance|p4d.24xlarge"]![0]).toBe(21.957642);
    expect(SNAPSHOT.prices["us-east-1"]!["ec2-instance|p5e.48xlarge"]).toBeUndefined();
    expect(isKnownInstanceType("p5e.48xlarge")).toBe(true);
    expect(new SnapshotPriceSource().quoteOne(ec2InstancePrice("us-east-1", "trn2.48xlarge"))).toMatchObject({ priced: false });
  });

  it("does not use pre-cut SageMaker list prices for P4/P5", () => {
    expect(SNAPSHOT.prices["us-east-1"]!["sagemaker-instance|ml.p5.48xlarge|Training"]).toBeUndefined();
    expect(SNAPSHOT.prices["us-east-1"]!["sagemaker-instance|ml.g5.xlarge|Hosting"]![0]).toBe(1.4084);
  });

  it("knows GPU counts, and 0 for known non-GPU types", () => {
    expect(gpusOf("p5.48xlarge")).toBe(8);
    expect(gpusOf("ml.g5.12xlarge")).toBe(4);
    expect(gpusOf("m5.large")).toBe(0);
    expect(gpusOf("zz.nope")).toBeNull();
  });
});
