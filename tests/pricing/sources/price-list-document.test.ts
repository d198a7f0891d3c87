import { describe, expect, it } from "vitest";
import { parsePriceListItem, PriceLookupError, selectRate, type RateRule } from "../../../src/pricing/sources/price-list-document.js";
import { ec2InstanceProduct, productDocument, sageMakerProduct } from "../../fakes/price-list-documents.js";

const HOURS: RateRule = { what: "test", units: { Hrs: { unit: "hours", factor: 1 } } };
const parse = (doc: unknown) => parsePriceListItem(JSON.stringify(doc));

describe("parsePriceListItem", () => {
  it("reads a boxed String as the SDK returns it, keeping On-Demand dimensions only", () => {
    // eslint-disable-next-line no-new-wrappers
    const boxed = new String(JSON.stringify(ec2InstanceProduct("us-east-1", "m5.large", "0.0960000000")));
    expect(typeof boxed).toBe("object");
    const p = parsePriceListItem(boxed);
    expect(p).toMatchObject({
      serviceCode: "AmazonEC2",
      productFamily: "Compute Instance",
      attributes: { instanceType: "m5.large", regionCode: "us-east-1", usagetype: "BoxUsage:m5.large" },
      publicationDate: "2026-11-01T00:00:00Z",
    });
    // The Reserved term (hourly and an upfront fee) is not read.
    expect(p.onDemand).toEqual([{ unit: "Hrs", usd: 0.096, beginRange: 0, description: "$0.0960000000 per On Demand Linux m5.large Instance Hour" }]);
  });

  it.each([
    ["not JSON", "{oops", /not JSON/],
    ["no product", JSON.stringify({ serviceCode: "AmazonEC2" }), /no `product` object/],
    ["no attributes", JSON.stringify({ product: { sku: "X" } }), /product X has no `attributes`/],
  ])("rejects an item that is %s", (_what, item, message) => {
    expect(() => parsePriceListItem(item)).toThrow(message);
    try {
      parsePriceListItem(item);
    } catch (e) {
      expect(e).toBeInstanceOf(PriceLookupError);
      expect((e as Error).name).toBe("MalformedPriceList");
    }
  });

  it("rejects a price that is not a number instead of reading it as 0", () => {
    const doc = ec2InstanceProduct("us-east-1", "g5.xlarge", "1.006") as any;
    const term = Object.values(doc.terms.OnDemand)[0] as any;
    (Object.values(term.priceDimensions)[0] as any).pricePerUnit.USD = "";
    expect(() => parse(doc)).toThrow(/USD price that is not a number \(""\)/);
  });

  it("skips dimensions priced only in another currency (China regions quote CNY)", () => {
    const doc = ec2InstanceProduct("cn-north-1", "g5.xlarge", "1") as any;
    const term = Object.values(doc.terms.OnDemand)[0] as any;
    (Object.values(term.priceDimensions)[0] as any).pricePerUnit = { CNY: "9.5" };
    expect(parse(doc).onDemand).toEqual([]);
  });
});

describe("selectRate", () => {
  it("drops $0 dimensions and answers the one remaining rate with the latest publication date", () => {
    const products = [
      parse(ec2InstanceProduct("us-east-1", "p5.4xlarge", "0.0000000000", {}, { publicationDate: "2026-11-20T00:00:00Z" })),
      parse(ec2InstanceProduct("us-east-1", "p5.4xlarge", "6.8800000000", {}, { publicationDate: "2026-10-01T00:00:00Z" })),
      parse(ec2InstanceProduct("us-east-1", "p5.4xlarge", "6.88", {}, { publicationDate: "2026-11-02T00:00:00Z" })),
    ];
    expect(selectRate(products, HOURS)).toMatchObject({ usdPerUnit: 6.88, unit: "hours", publicationDate: "2026-11-02T00:00:00Z" });
  });

  it("takes the first non-zero tier of a tiered product", () => {
    const s3 = parse(
      productDocument({
        serviceCode: "AmazonS3",
        productFamily: "Storage",
        region: "us-east-1",
        attributes: {},
        dimensions: [
          { unit: "GB-Mo", usd: "0.021", beginRange: "512000" },
          { unit: "GB-Mo", usd: "0.023", beginRange: "0", endRange: "51200" },
          { unit: "GB-Mo", usd: "0.022", beginRange: "51200" },
        ],
      }),
    );
    expect(selectRate([s3], { what: "s3", units: { "GB-Mo": { unit: "GB-months", factor: 1 } } }).usdPerUnit).toBe(0.023);
    const gp3Iops = parse(
      productDocument({
        serviceCode: "AmazonEC2",
        productFamily: "System Operation",
        region: "us-east-1",
        attributes: {},
        dimensions: [
          { unit: "IOPS-Mo", usd: "0", beginRange: "0", endRange: "3000" },
          { unit: "IOPS-Mo", usd: "0.005", beginRange: "3000" },
        ],
      }),
    );
    expect(selectRate([gp3Iops], { what: "iops", units: { "IOPS-Mo": { unit: "IOPS-months", factor: 1 } } }).usdPerUnit).toBe(0.005);
  });

  it("ignores units the rule does not accept (a SageMaker upfront fee is a Quantity)", () => {
    const fee = parse(sageMakerProduct("us-east-1", "ml.p4d.24xlarge", "Training", "13.57", { unit: "Quantity" }));
    const hourly = parse(sageMakerProduct("us-east-1", "ml.p4d.24xlarge", "Training", "25.251286"));
    expect(selectRate([fee, hourly], HOURS).usdPerUnit).toBe(25.251286);
  });

  it("refuses two different rates, and no rate at all", () => {
    const a = parse(ec2InstanceProduct("us-east-1", "p5.48xlarge", "55.04"));
    const b = parse(ec2InstanceProduct("us-east-1", "p5.48xlarge", "98.32"));
    expect(() => selectRate([a, b], HOURS)).toThrow(/2 different On-Demand rates for test: \$55\.04\/hours \(FAKESKU\d+\), \$98\.32\/hours/);
    expect(() => selectRate([], HOURS)).toThrow(expect.objectContaining({ name: "NoMatchingPrice" }));
    expect(() => selectRate([a], { ...HOURS, accept: () => false })).toThrow(/1 product\(s\) returned, 0 matched/);
  });
});
