import { describe, expect, it } from "vitest";
import "../../src/pricing/catalog/index.js";
import { canonicalPriceKey, distinctPriceKeys, priceKeyFromId, priceKeyFromRow, priceKeyId, registeredPriceFactories } from "../../src/pricing/price-key.js";
import { ebsIopsPrice, ec2InstancePrice, fsxLustreStoragePrice, natGatewayHoursPrice, sagemakerInstancePrice, s3StoragePrice } from "../../src/pricing/prices/index.js";

describe("price filters", () => {
  it("have stable ids: factory, region, arguments", () => {
    expect(priceKeyId(ec2InstancePrice("us-east-1", "p5.48xlarge"))).toBe("ec2-instance|us-east-1|p5.48xlarge");
    expect(priceKeyId(sagemakerInstancePrice("us-east-1", "ml.g5.xlarge", "Hosting"))).toBe("sagemaker-instance|us-east-1|ml.g5.xlarge|Hosting");
    expect(priceKeyId(fsxLustreStoragePrice("us-east-1", "PERSISTENT_2", 125))).toBe("fsx-lustre-storage|us-east-1|PERSISTENT_2|125");
    expect(priceKeyId(fsxLustreStoragePrice("us-east-1", "SCRATCH_2"))).toBe("fsx-lustre-storage|us-east-1|SCRATCH_2");
    expect(priceKeyId(natGatewayHoursPrice("eu-west-1"))).toBe("nat-gateway-hours|eu-west-1");
    expect(ec2InstancePrice("us-east-1", "p5.48xlarge").rowKey).toBe("ec2-instance|p5.48xlarge");
  });

  it("are interned: one shared object per distinct price", () => {
    const a = ec2InstancePrice("us-west-2", "g5.xlarge");
    expect(ec2InstancePrice("us-west-2", "g5.xlarge")).toBe(a);
    expect(canonicalPriceKey({ ...a })).toBe(a);
    expect(distinctPriceKeys([a, ec2InstancePrice("us-west-2", "g5.xlarge"), ec2InstancePrice("us-west-2", "g5.2xlarge")]).map(priceKeyId)).toEqual([
      "ec2-instance|us-west-2|g5.xlarge",
      "ec2-instance|us-west-2|g5.2xlarge",
    ]);
  });

  it("describe themselves in the Price List's terms", () => {
    expect(ec2InstancePrice("eu-west-1", "m7i.metal-24xl")).toMatchObject({ service: "AmazonEC2", productFamily: "Compute Instance (bare metal)", instanceType: "m7i.metal-24xl", unit: "hours", units: { Hrs: { unit: "hours", factor: 1 } } });
    expect(sagemakerInstancePrice("us-east-1", "ml.p5.48xlarge", "Training").estimatedFrom).toBe(ec2InstancePrice("us-east-1", "p5.48xlarge"));
    expect(ebsIopsPrice("us-east-1", "gp2").notInPriceList).toMatch(/gp2 volumes have no provisioned-IOPS price/);
    expect(s3StoragePrice("us-east-1", "STANDARD").notInPriceList).toBeUndefined();
  });

  it("read back from ids and snapshot rows through the factory that made them", () => {
    for (const k of [ec2InstancePrice("us-east-1", "p5.48xlarge"), sagemakerInstancePrice("us-east-1", "ml.g5.xlarge", "Hosting"), fsxLustreStoragePrice("us-east-1", "PERSISTENT_2", 125), natGatewayHoursPrice("us-east-1")])
      expect(priceKeyFromId(k.id)).toBe(k);
    expect(priceKeyFromRow("us-east-1", "eks-cluster-hours|extended")?.id).toBe("eks-cluster-hours|us-east-1|extended");
    expect(priceKeyFromRow("eu-west-1", "nat-gateway-hours")?.id).toBe("nat-gateway-hours|eu-west-1");
    expect(priceKeyFromId("no-such-factory|us-east-1|x")).toBeUndefined();
    expect(priceKeyFromId("ec2-instance")).toBeUndefined();
  });

  it("come from uniquely named factories, each bound to one offer code", () => {
    const names = registeredPriceFactories().map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(["ec2-instance", "sagemaker-instance", "eks-cluster-hours"]));
    expect(registeredPriceFactories().find((f) => f.name === "eks-cluster-hours")?.service).toBe("AmazonEKS");
  });
});
