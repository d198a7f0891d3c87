import { describe, expect, it } from "vitest";
import "../../src/pricing/catalog/index.js";
import { registeredPriceFactories } from "../../src/pricing/price-key.js";
import { ebsStoragePrice, ec2InstancePrice, natGatewayDataPrice } from "../../src/pricing/prices/index.js";
import { focusServiceOf } from "../../src/report/focus-services.js";

describe("FOCUS services", () => {
  it("map every offer code a price factory of the catalog uses", () => {
    const unmapped = registeredPriceFactories().filter((f) => focusServiceOf({ service: f.service }) === undefined);
    expect(unmapped.map((f) => `${f.name} (${f.service})`)).toEqual([]);
  });

  it("are read off the filter: offer code, refined by product family", () => {
    expect(focusServiceOf(ec2InstancePrice("us-east-1", "p5.48xlarge"))).toMatchObject({ name: "Amazon Elastic Compute Cloud", category: "Compute" });
    expect(focusServiceOf(ebsStoragePrice("us-east-1", "gp3"))).toMatchObject({ name: "Amazon Elastic Block Store", subcategory: "Block Storage" });
    expect(focusServiceOf(natGatewayDataPrice("us-east-1"))).toMatchObject({ name: "Amazon Virtual Private Cloud", category: "Networking" });
    expect(focusServiceOf({ service: "AmazonEKS", productFamily: "Compute" })).toMatchObject({ name: "Amazon Elastic Kubernetes Service", subcategory: "Containers" });
    expect(focusServiceOf({ service: "toString" })).toBeUndefined();
  });
});
