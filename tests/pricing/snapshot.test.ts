import { describe, expect, it } from "vitest";
import { SNAPSHOT, gpusOf, isKnownInstanceType } from "../../src/pricing/snapshot/snapshot.js";
import { SnapshotPriceSource } from "../../src/pricing/sources/snapshot-source.js";

describe("embedded price snapshot", () => {
  it("keeps a dated source for every row", () => {
    for (const [region, rows] of Object.entries(SNAPSHOT.ec2))
      for (const [type, [price, ds]] of Object.entries(rows)) {
        expect(price, `${region} ${type}`).toBeGreaterThan(0);
        expect(SNAPSHOT.datasets[ds], `${region} ${type}`).toBeDefined();
      }
    expect(Object.keys(SNAPSHOT.ec2["us-east-1"]!).length).toBeGreaterThan(1300);
  });

  it("carries post-June-2025 P4/P5 prices, and types without a list price stay unpriced", () => {
    expect(SNAPSHOT.ec2["us-east-1"]!["p5.48xlarge"]![0]).toBe(55.04);
    expect(SNAPSHOT.ec2["us-east-1"]!["p4d.24xlarge"]![0]).toBe(21.957642);
    expect(SNAPSHOT.ec2["us-east-1"]!["p5e.48xlarge"]).toBeUndefined();
    expect(isKnownInstanceType("p5e.48xlarge")).toBe(true);
    expect(new SnapshotPriceSource().quoteOne({ kind: "ec2-instance", region: "us-east-1", instanceType: "trn2.48xlarge" })).toMatchObject({ priced: false });
  });

  it("does not use pre-cut SageMaker list prices for P4/P5", () => {
    expect(SNAPSHOT.sagemaker["us-east-1"]!["ml.p5.48xlarge"]).toBeUndefined();
    expect(SNAPSHOT.sagemaker["us-east-1"]!["ml.g5.xlarge"]![0]).toBe(1.4084);
  });

  it("knows GPU counts, and 0 for known non-GPU types", () => {
    expect(gpusOf("p5.48xlarge")).toBe(8);
    expect(gpusOf("ml.g5.12xlarge")).toBe(4);
    expect(gpusOf("m5.large")).toBe(0);
    expect(gpusOf("zz.nope")).toBeNull();
  });
});
