import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PricingClient } from "@aws-sdk/client-pricing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { priceKeyId, type PriceKey } from "../../../src/pricing/price-key.js";
import { AwsPricingSource, type AwsPricingSourceOptions } from "../../../src/pricing/sources/aws-pricing-source.js";
import { PriceCache } from "../../../src/pricing/sources/price-cache.js";
import { SNAPSHOT } from "../../../src/pricing/snapshot/snapshot.js";
import { startFakePricingApi, TEST_CREDENTIALS, type FakePricingApi, type FakeProduct } from "../../fakes/fake-pricing-api.js";
import { ec2InstanceProduct, productDocument, sageMakerProduct } from "../../fakes/price-list-documents.js";
import { ebsIopsPrice, ebsStoragePrice, ebsThroughputPrice, ec2InstancePrice, fsxLustreStoragePrice, natGatewayDataPrice, natGatewayHoursPrice, s3RequestsPrice, s3StoragePrice, sagemakerInstancePrice } from "../../../src/pricing/prices/index.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const R = "us-east-1";
const ec2 = (instanceType: string, region = R): PriceKey => ec2InstancePrice(region, instanceType);

const storage = (productFamily: string, attributes: Record<string, string>, dims: { unit: string; usd: string; beginRange?: string; endRange?: string }[], serviceCode = "AmazonEC2") =>
  productDocument({ serviceCode, productFamily, region: R, attributes, dimensions: dims });

/** Real-shaped products for one region; values are us-east-1 list prices from the research notes. */
const PRODUCTS: FakeProduct[] = [
  ec2InstanceProduct(R, "p5.48xlarge", "55.0400000000"),
  // A capacity-block style $0 row next to the real one: must be dropped, not averaged or taken first.
  ec2InstanceProduct(R, "p5.4xlarge", "0.0000000000", { usagetype: "CapacityBlock:p5.4xlarge" }),
  ec2InstanceProduct(R, "p5.4xlarge", "6.8800000000"),
  ec2InstanceProduct(R, "g5.xlarge", "1.0060000000"),
  ec2InstanceProduct(R, "g5.xlarge", "1.2060000000", { operatingSystem: "Windows" }),
  ec2InstanceProduct(R, "g4dn.metal", "7.8240000000"),
  ec2InstanceProduct("us-west-2", "g5.xlarge", "1.0060000000"),
  storage("Storage", { volumeApiName: "gp3", usagetype: "EBS:VolumeUsage.gp3" }, [{ unit: "GB-Mo", usd: "0.0800000000" }]),
  storage("Storage", { volumeApiName: "gp2", usagetype: "EBS:VolumeUsage.gp2" }, [{ unit: "GB-Mo", usd: "0.1000000000" }]),
  storage("System Operation", { volumeApiName: "io2", usagetype: "EBS:VolumeP-IOPS.io2" }, [{ unit: "IOPS-Mo", usd: "0.0650000000" }]),
  storage("System Operation", { volumeApiName: "io2", usagetype: "EBS:VolumeP-IOPS.io2.tier2" }, [{ unit: "IOPS-Mo", usd: "0.0455000000" }]),
  storage("System Operation", { volumeApiName: "gp3", usagetype: "EBS:VolumeP-IOPS.gp3" }, [{ unit: "IOPS-Mo", usd: "0.0050000000" }]),
  storage("Provisioned Throughput", { volumeApiName: "gp3", usagetype: "EBS:VolumeP-Throughput.gp3" }, [{ unit: "GiBps-mo", usd: "40.9600000000" }]),
  storage(
    "Storage",
    { volumeType: "Standard", usagetype: "TimedStorage-ByteHrs", storageClass: "General Purpose" },
    [
      { unit: "GB-Mo", usd: "0.0230000000", beginRange: "0", endRange: "51200" },
      { unit: "GB-Mo", usd: "0.0220000000", beginRange: "51200", endRange: "512000" },
      { unit: "GB-Mo", usd: "0.0210000000", beginRange: "512000", endRange: "Inf" },
    ],
    "AmazonS3",
  ),
  storage("API Request", { usagetype: "Requests-Tier1", group: "S3-API-Tier1" }, [{ unit: "Requests", usd: "0.0000050000" }], "AmazonS3"),
  storage("API Request", { usagetype: "Requests-Tier2", group: "S3-API-Tier2" }, [{ unit: "Requests", usd: "0.0000004000" }], "AmazonS3"),
  storage("API Request", { usagetype: "Requests-SIA-Tier1", group: "S3-API-SIA-Tier1" }, [{ unit: "Requests", usd: "0.0000100000" }], "AmazonS3"),
  storage("NAT Gateway", { usagetype: "NatGateway-Hours", operation: "NatGateway" }, [{ unit: "Hrs", usd: "0.0450000000" }]),
  storage("NAT Gateway", { usagetype: "NatGateway-Bytes", operation: "NatGateway" }, [{ unit: "GB", usd: "0.0450000000" }]),
  storage("Storage", { fileSystemType: "Lustre", deploymentOption: "Scratch_2", storageType: "SSD" }, [{ unit: "GB-Mo", usd: "0.1400000000" }], "AmazonFSx"),
  storage("Storage", { fileSystemType: "Lustre", deploymentOption: "Persistent_2", storageType: "SSD", throughputCapacity: "125 MBps/TiB" }, [{ unit: "GB-Mo", usd: "0.1450000000" }], "AmazonFSx"),
  storage("Storage", { fileSystemType: "Lustre", deploymentOption: "Persistent_2", storageType: "SSD", throughputCapacity: "250 MBps/TiB" }, [{ unit: "GB-Mo", usd: "0.2100000000" }], "AmazonFSx"),
  sageMakerProduct(R, "ml.p4d.24xlarge", "Training", "25.2512860000"),
  sageMakerProduct(R, "ml.p4d.24xlarge", "Hosting", "25.2512860000"),
  // HyperPod and the training-plan upfront fee carry other rates; neither may leak into Training.
  sageMakerProduct(R, "ml.p4d.24xlarge", "Cluster", "25.9100000000"),
  sageMakerProduct(R, "ml.p4d.24xlarge", undefined, "13.5700000000", { unit: "Quantity", usagetype: "USE1-TrainingPlanUpfrontFee:ml.p4d.24xlarge" }),
];

let api: FakePricingApi;
const sources: AwsPricingSource[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  api = await startFakePricingApi({ products: PRODUCTS });
});
afterAll(async () => {
  await api.close();
});
afterEach(() => {
  api.requests.length = 0;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function source(opts: AwsPricingSourceOptions & { fakeApi?: FakePricingApi } = {}): AwsPricingSource {
  const s = new AwsPricingSource({
    endpoint: (opts.fakeApi ?? api).endpoint,
    credentials: TEST_CREDENTIALS,
    maxAttempts: 1,
    ...opts,
  });
  sources.push(s);
  return s;
}

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "costgate-price-cache-"));
  dirs.push(d);
  return d;
}

function priced(q: unknown): { usdPerUnit: number; unit: string; origin: { source: string; label: string; asOf: string; note?: string } } {
  expect(q).toMatchObject({ priced: true });
  return q as never;
}

describe("AwsPricingSource against the fake Price List API", () => {
  it("sends one SigV4-signed GetProducts request with Karpenter's EC2 filters, pinned to the us-east-1 endpoint", async () => {
    const s = source();
    const quotes = await s.quote([ec2("p5.48xlarge")]);
    const q = priced(quotes.get("ec2-instance|us-east-1|p5.48xlarge"));
    expect(q.usdPerUnit).toBe(55.04);
    expect(q.unit).toBe("hours");
    expect(q.origin).toEqual({ source: "aws-pricing-api", asOf: "2026-11-01", label: "aws-pricing-api 2026-11-01", estimated: false });

    expect(api.requests).toHaveLength(1);
    const [req] = api.requests;
    expect(req!.operation).toBe("GetProducts");
    expect(req!.signature).toMatchObject({ valid: true, service: "pricing", region: "us-east-1", accessKeyId: TEST_CREDENTIALS.accessKeyId });
    expect(req!.input).toEqual({
      ServiceCode: "AmazonEC2",
      FormatVersion: "aws_v1",
      MaxResults: 100,
      Filters: [
        { Type: "TERM_MATCH", Field: "regionCode", Value: "us-east-1" },
        { Type: "TERM_MATCH", Field: "serviceCode", Value: "AmazonEC2" },
        { Type: "TERM_MATCH", Field: "preInstalledSw", Value: "NA" },
        { Type: "TERM_MATCH", Field: "operatingSystem", Value: "Linux" },
        { Type: "TERM_MATCH", Field: "capacitystatus", Value: "Used" },
        { Type: "TERM_MATCH", Field: "marketoption", Value: "OnDemand" },
        { Type: "TERM_MATCH", Field: "tenancy", Value: "Shared" },
        { Type: "TERM_MATCH", Field: "productFamily", Value: "Compute Instance" },
        { Type: "TERM_MATCH", Field: "instanceType", Value: "p5.48xlarge" },
      ],
    });
    expect(s.warnings()).toEqual([]);
    expect(s.describe()).toEqual([expect.objectContaining({ id: "aws-pricing-api", description: expect.stringContaining("1 fetched live") })]);
  });

  it("asks once per distinct key: N distinct keys → N requests, however often each appears", async () => {
    const s = source();
    const keys = [ec2("p5.48xlarge"), ec2("g5.xlarge"), ec2("p5.48xlarge"), ec2("g5.xlarge", "us-west-2"), ec2("g5.xlarge")];
    const quotes = await s.quote(keys);
    expect([...quotes.keys()]).toEqual(["ec2-instance|us-east-1|p5.48xlarge", "ec2-instance|us-east-1|g5.xlarge", "ec2-instance|us-west-2|g5.xlarge"]);
    expect(api.getProducts()).toHaveLength(3);
    expect(s.stats()).toEqual({ requests: 3, live: 3, cached: 0, fellBack: 0 });
    // Windows rows are excluded by the filters, so g5.xlarge has exactly one Linux rate.
    expect(priced(quotes.get("ec2-instance|us-east-1|g5.xlarge")).usdPerUnit).toBe(1.006);
  });

  it("keeps at most `concurrency` requests in flight", async () => {
    const slow = await startFakePricingApi({ products: PRODUCTS, holdUntilInFlight: 2 });
    try {
      const types = ["p5.48xlarge", "p5.4xlarge", "g5.xlarge", "g4dn.metal", "m5.large", "p4d.24xlarge"];
      await source({ fakeApi: slow, concurrency: 2 }).quote(types.map((t) => ec2(t)));
      expect(slow.getProducts()).toHaveLength(6);
      expect(slow.peakInFlight()).toBe(2);
      const wide = await startFakePricingApi({ products: PRODUCTS, holdUntilInFlight: 5 });
      try {
        await source({ fakeApi: wide, concurrency: 5 }).quote(types.map((t) => ec2(t)));
        expect(wide.peakInFlight()).toBe(5);
      } finally {
        await wide.close();
      }
    } finally {
      await slow.close();
    }
  });

  it("follows NextToken pages and counts them as requests of the same key", async () => {
    const paged = await startFakePricingApi({ products: PRODUCTS, pageSize: 1 });
    try {
      const s = source({ fakeApi: paged });
      // Two NAT Gateway products match the filters; page size 1 → two pages, and the hours row is picked client-side.
      const quotes = await s.quote([natGatewayHoursPrice(R)]);
      expect(priced(quotes.get("nat-gateway-hours|us-east-1"))).toMatchObject({ usdPerUnit: 0.045, unit: "hours" });
      const reqs = paged.getProducts();
      expect(reqs).toHaveLength(2);
      expect(reqs[0]!.input.NextToken).toBeUndefined();
      expect(typeof reqs[1]!.input.NextToken).toBe("string");
      expect(reqs.every((r) => r.status === 200)).toBe(true);
      expect(s.stats().requests).toBe(2);
    } finally {
      await paged.close();
    }
  });

  it("drops $0 rows and uses the dedicated-tenancy bare-metal product family for .metal types", async () => {
    const s = source();
    const quotes = await s.quote([ec2("p5.4xlarge"), ec2("g4dn.metal")]);
    expect(priced(quotes.get("ec2-instance|us-east-1|p5.4xlarge")).usdPerUnit).toBe(6.88);
    expect(priced(quotes.get("ec2-instance|us-east-1|g4dn.metal")).usdPerUnit).toBe(7.824);
    const metal = api.getProducts({ Field: "instanceType", Value: "g4dn.metal" })[0]!.input.Filters;
    expect(metal).toContainEqual({ Type: "TERM_MATCH", Field: "tenancy", Value: "Dedicated" });
    expect(metal).toContainEqual({ Type: "TERM_MATCH", Field: "productFamily", Value: "Compute Instance (bare metal)" });
  });

  it("prices SageMaker by component and ignores HyperPod and upfront-fee rows", async () => {
    const s = source();
    const key: PriceKey = sagemakerInstancePrice(R, "ml.p4d.24xlarge", "Training");
    const quotes = await s.quote([key]);
    expect(priced(quotes.get(priceKeyId(key)))).toMatchObject({ usdPerUnit: 25.251286, unit: "hours" });
    expect(api.requests[0]!.input).toMatchObject({
      ServiceCode: "AmazonSageMaker",
      Filters: [
        { Type: "TERM_MATCH", Field: "regionCode", Value: R },
        { Type: "TERM_MATCH", Field: "instanceName", Value: "ml.p4d.24xlarge" },
        { Type: "TERM_MATCH", Field: "component", Value: "Training" },
      ],
    });
  });

  it("prices EBS, S3, FSx for Lustre and NAT gateway keys in costgate's units", async () => {
    const s = source();
    const keys: PriceKey[] = [
      ebsStoragePrice(R, "gp3"),
      ebsIopsPrice(R, "io2"),
      ebsIopsPrice(R, "gp3"),
      ebsThroughputPrice(R, "gp3"),
      s3StoragePrice(R, "STANDARD"),
      s3RequestsPrice(R, "put"),
      s3RequestsPrice(R, "get"),
      fsxLustreStoragePrice(R, "SCRATCH_2"),
      fsxLustreStoragePrice(R, "PERSISTENT_2", 125),
      natGatewayHoursPrice(R),
      natGatewayDataPrice(R),
    ];
    const quotes = await s.quote(keys);
    const got = Object.fromEntries([...quotes].map(([id, q]) => [id, q.priced ? [q.usdPerUnit, q.unit] : q.reason]));
    expect(got).toEqual({
      "ebs-storage|us-east-1|gp3": [0.08, "GB-months"],
      "ebs-iops|us-east-1|io2": [0.065, "IOPS-months"], // the first tier, not io2.tier2
      "ebs-iops|us-east-1|gp3": [0.005, "IOPS-months"],
      "ebs-throughput|us-east-1|gp3": [0.04, "MiBps-months"], // 40.96 per GiBps-month / 1024
      "s3-storage|us-east-1|STANDARD": [0.023, "GB-months"], // first of three tiers
      "s3-requests|us-east-1|put": [0.005, "1k requests"],
      "s3-requests|us-east-1|get": [0.0004, "1k requests"],
      "fsx-lustre-storage|us-east-1|SCRATCH_2": [0.14, "GB-months"],
      "fsx-lustre-storage|us-east-1|PERSISTENT_2|125": [0.145, "GB-months"],
      "nat-gateway-hours|us-east-1": [0.045, "hours"],
      "nat-gateway-data|us-east-1": [0.045, "GB"],
    });
    // NAT hours/data, S3 PUT/GET and the two Lustre keys share a query each: 11 keys, 8 requests, none repeated.
    expect(api.getProducts()).toHaveLength(8);
    expect(new Set(api.getProducts().map((r) => JSON.stringify(r.input))).size).toBe(8);
    expect(s.warnings()).toEqual([]);
  });

  // Throttling (retried, then persistent) is covered with the other faults in price-source-faults.test.ts.

  it("survives an outage for some keys: those come from the snapshot, listed in warnings; the rest are live", async () => {
    const flaky = await startFakePricingApi({
      products: PRODUCTS,
      fault: ({ input }) => {
        const type = input.Filters?.find((f: { Field: string }) => f.Field === "instanceType")?.Value;
        if (type === "p5.48xlarge") return { status: 500, type: "InternalErrorException", message: "We encountered an internal error" };
        if (type === "g5.xlarge") return { status: 502, rawBody: "<html>Bad Gateway</html>" };
        if (type === "m5.large") return { status: 500, rawBody: "" };
        return undefined;
      },
    });
    try {
      const s = source({ fakeApi: flaky });
      const quotes = await s.quote([ec2("p5.48xlarge"), ec2("g5.xlarge"), ec2("p5.4xlarge"), ec2("m5.large")]);
      expect(priced(quotes.get("ec2-instance|us-east-1|p5.4xlarge")).origin.source).toBe("aws-pricing-api");
      for (const t of ["p5.48xlarge", "g5.xlarge", "m5.large"]) {
        const q = priced(quotes.get(`ec2-instance|us-east-1|${t}`));
        expect(q.origin.label).toBe(`snapshot ${SNAPSHOT.datasets[SNAPSHOT.prices["us-east-1"]![`ec2-instance|${t}`]![1]]!.asOf}`);
        expect(q.usdPerUnit).toBe(SNAPSHOT.prices["us-east-1"]![`ec2-instance|${t}`]![0]);
      }
      const w = s.warnings();
      expect(w).toHaveLength(3);
      expect(w[0]).toBe("price ec2-instance|us-east-1|p5.48xlarge from snapshot: InternalErrorException: We encountered an internal error");
      expect(w[1]).toMatch(/^price ec2-instance\|us-east-1\|g5\.xlarge from snapshot: SyntaxError: .*not valid JSON \(HTTP 502\)$/);
      expect(w[2]).toBe("price ec2-instance|us-east-1|m5.large from snapshot: Unknown: UnknownError (HTTP 500)");
      expect(s.stats()).toMatchObject({ live: 1, fellBack: 3 });
      const datasets = [...new Set(["p5.48xlarge", "g5.xlarge", "m5.large"].map((t) => `snapshot:${SNAPSHOT.prices["us-east-1"]![`ec2-instance|${t}`]![1]}`))].sort();
      expect(s.describe().map((d) => d.id)).toEqual(["aws-pricing-api", ...datasets]);
    } finally {
      await flaky.close();
    }
  });

  it("falls back when the endpoint cannot be reached at all", async () => {
    const gone = await startFakePricingApi();
    await gone.close();
    const s = source({ fakeApi: gone });
    const quotes = await s.quote([ec2("p5.48xlarge")]);
    expect(priced(quotes.get("ec2-instance|us-east-1|p5.48xlarge")).origin.source).toBe("snapshot");
    expect(s.warnings()).toEqual([expect.stringMatching(/^price ec2-instance\|us-east-1\|p5\.48xlarge from snapshot: \w+: .*ECONNREFUSED/)]);
  });

  it("treats a malformed price row as an error for that key, not as $0", async () => {
    const bad = await startFakePricingApi({
      products: [
        { raw: "{not json", serviceCode: "AmazonEC2", productFamily: "Compute Instance", attributes: { regionCode: R, instanceType: "p5.48xlarge", operatingSystem: "Linux", tenancy: "Shared", preInstalledSw: "NA", capacitystatus: "Used", marketoption: "OnDemand" } },
        (() => {
          const d = ec2InstanceProduct(R, "g5.xlarge", "1.006") as any;
          const term = Object.values(d.terms.OnDemand)[0] as any;
          (Object.values(term.priceDimensions)[0] as any).pricePerUnit.USD = "one dollar";
          return d;
        })(),
      ],
    });
    try {
      const s = source({ fakeApi: bad });
      const quotes = await s.quote([ec2("p5.48xlarge"), ec2("g5.xlarge")]);
      expect(priced(quotes.get("ec2-instance|us-east-1|p5.48xlarge")).origin.source).toBe("snapshot");
      expect(priced(quotes.get("ec2-instance|us-east-1|g5.xlarge")).origin.source).toBe("snapshot");
      expect(s.warnings()).toEqual([
        expect.stringMatching(/^price ec2-instance\|us-east-1\|p5\.48xlarge from snapshot: MalformedPriceList: a PriceList item is not JSON/),
        expect.stringMatching(/^price ec2-instance\|us-east-1\|g5\.xlarge from snapshot: MalformedPriceList: product \S+ dimension \S+ has a USD price that is not a number \("one dollar"\)/),
      ]);
    } finally {
      await bad.close();
    }
  });

  it("refuses to guess between two different rates (falls back, with a warning)", async () => {
    const twice = await startFakePricingApi({ products: [ec2InstanceProduct(R, "p5.48xlarge", "55.04"), ec2InstanceProduct(R, "p5.48xlarge", "98.32")] });
    try {
      const s = source({ fakeApi: twice });
      const quotes = await s.quote([ec2("p5.48xlarge")]);
      expect(priced(quotes.get("ec2-instance|us-east-1|p5.48xlarge")).origin.source).toBe("snapshot");
      expect(s.warnings()[0]).toMatch(/from snapshot: AmbiguousPrice: 2 different On-Demand rates for EC2 p5\.48xlarge .*\$55\.04\/hours.*\$98\.32\/hours/);
    } finally {
      await twice.close();
    }
  });

  it("keeps a key unpriced, with both reasons, when neither the API nor the snapshot has it", async () => {
    const s = source();
    const quotes = await s.quote([ec2("p5e.48xlarge"), natGatewayHoursPrice("eu-west-1")]);
    const p5e = quotes.get("ec2-instance|us-east-1|p5e.48xlarge")!;
    expect(p5e.priced).toBe(false);
    expect(p5e.priced === false && p5e.reason).toMatch(/NoMatchingPrice: .*; p5e\.48xlarge: no On-Demand price in [a-z0-9-]+ in the embedded snapshot/);
    const nat = quotes.get("nat-gateway-hours|eu-west-1")!;
    expect(nat.priced === false && nat.reason).toMatch(/NoMatchingPrice.*embedded snapshot has no price for NAT gateway hours in eu-west-1/);
    expect(s.warnings()).toHaveLength(2);
  });

  it("checks credentials without a request and falls back per key when they do not resolve", async () => {
    const failing = Object.assign(new Error("Could not load credentials from any providers"), { name: "CredentialsProviderError" });
    const s = source({
      credentials: async () => {
        throw failing;
      },
    });
    const quotes = await s.quote([ec2("p5.48xlarge"), ec2("g5.xlarge")]);
    expect(api.requests).toHaveLength(0);
    expect([...quotes.values()].every((q) => q.priced && q.origin.source === "snapshot")).toBe(true);
    expect(s.warnings()).toEqual([
      "price ec2-instance|us-east-1|p5.48xlarge from snapshot: CredentialsProviderError: Could not load credentials from any providers",
      "price ec2-instance|us-east-1|g5.xlarge from snapshot: CredentialsProviderError: Could not load credentials from any providers",
    ]);
  });

  it("accepts a ready-made client (e.g. the eu-central-1 endpoint) and signs for that region", async () => {
    const client = new PricingClient({ region: "eu-central-1", endpoint: api.endpoint, credentials: TEST_CREDENTIALS, maxAttempts: 1 });
    const s = new AwsPricingSource({ client, apiRegion: "eu-central-1" });
    const quotes = await s.quote([ec2("g5.xlarge")]);
    expect(priced(quotes.get("ec2-instance|us-east-1|g5.xlarge")).usdPerUnit).toBe(1.006);
    expect(api.requests[0]!.signature).toMatchObject({ valid: true, region: "eu-central-1" });
  });
});

describe("AwsPricingSource with the on-disk cache", () => {
  it("sends no request on a warm cache and marks cached prices", async () => {
    const dir = tempDir();
    const keys = [ec2("p5.48xlarge"), ec2("g5.xlarge"), ebsStoragePrice(R, "gp3") as PriceKey];
    const cold = source({ cache: new PriceCache(dir) });
    const first = await cold.quote(keys);
    expect(api.getProducts()).toHaveLength(3);

    api.requests.length = 0;
    const warm = source({ cache: new PriceCache(dir) });
    const second = await warm.quote(keys);
    expect(api.requests).toHaveLength(0);
    expect(warm.stats()).toEqual({ requests: 0, live: 0, cached: 3, fellBack: 0 });
    for (const k of keys) {
      const a = priced(first.get(priceKeyId(k)));
      const b = priced(second.get(priceKeyId(k)));
      expect(b.usdPerUnit).toBe(a.usdPerUnit);
      expect(b.origin.label).toBe(a.origin.label);
      expect(b.origin.note).toMatch(/^from the local price cache \(fetched \d{4}-\d\d-\d\dT/);
    }
    expect(warm.describe()[0]!.description).toContain(`3 from the cache in ${dir}`);
  });

  it("asks again once an entry is older than the TTL, and only for the expired key", async () => {
    const dir = tempDir();
    let now = new Date("2026-11-23T10:00:00Z");
    const clock = () => now;
    await source({ cache: new PriceCache(dir, 3_600_000, clock), now: clock }).quote([ec2("p5.48xlarge")]);
    now = new Date("2026-11-23T10:30:00Z");
    await source({ cache: new PriceCache(dir, 3_600_000, clock), now: clock }).quote([ec2("g5.xlarge")]);
    api.requests.length = 0;

    now = new Date("2026-11-23T11:15:00Z"); // p5 is 75 minutes old, g5 45 minutes
    const s = source({ cache: new PriceCache(dir, 3_600_000, clock), now: clock });
    await s.quote([ec2("p5.48xlarge"), ec2("g5.xlarge")]);
    expect(api.getProducts().map((r) => r.input.Filters.at(-1).Value)).toEqual(["p5.48xlarge"]);
    expect(s.stats()).toMatchObject({ live: 1, cached: 1 });
  });

  it("does not cache fallbacks, so a failed key is asked for again next run", async () => {
    const dir = tempDir();
    const down = await startFakePricingApi({ products: PRODUCTS, fault: () => ({ status: 500, type: "InternalErrorException", message: "down" }) });
    try {
      await source({ fakeApi: down, cache: new PriceCache(dir) }).quote([ec2("p5.48xlarge")]);
    } finally {
      await down.close();
    }
    const s = source({ cache: new PriceCache(dir) });
    const q = await s.quote([ec2("p5.48xlarge")]);
    expect(priced(q.get("ec2-instance|us-east-1|p5.48xlarge")).origin.source).toBe("aws-pricing-api");
    expect(api.getProducts()).toHaveLength(1);
  });

  it("warns once and carries on when the cache directory cannot be written", async () => {
    const dir = join(tempDir(), "file-not-dir");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(dir, "x");
    const s = source({ cache: new PriceCache(join(dir, "prices")) });
    const quotes = await s.quote([ec2("p5.48xlarge"), ec2("g5.xlarge")]);
    expect([...quotes.values()].every((q) => q.priced && q.origin.source === "aws-pricing-api")).toBe(true);
    expect(s.warnings()).toEqual([expect.stringMatching(/^price cache .* is not writable/)]);
  });
});
