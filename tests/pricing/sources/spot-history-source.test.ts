import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PriceQuote } from "../../../src/pricing/price-quote.js";
import { SpotDiscountSource } from "../../../src/pricing/sources/spot-discount-source.js";
import { SpotHistorySource, type SpotHistorySourceOptions } from "../../../src/pricing/sources/spot-history-source.js";
import { SNAPSHOT } from "../../../src/pricing/snapshot/snapshot.js";
import { startFakeEc2Api, type FakeEc2Api, type SpotHistoryRow } from "../../fakes/fake-ec2-api.js";
import { TEST_CREDENTIALS } from "../../fakes/fake-pricing-api.js";
import { noBackoff } from "../../fakes/no-backoff.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const NOW = new Date("2026-11-23T12:00:00Z");
const onDemand = (usd: number): PriceQuote => ({
  priced: true,
  usdPerUnit: usd,
  unit: "hours",
  origin: { source: "snapshot", asOf: "2026-07-20", label: "snapshot 2026-07-20", estimated: false },
});

const row = (region: string, az: string, instanceType: string, spotPrice: string, timestamp: string, productDescription = "Linux/UNIX"): SpotHistoryRow => ({
  region,
  availabilityZone: az,
  instanceType,
  spotPrice,
  timestamp,
  productDescription,
});

const HISTORY: SpotHistoryRow[] = [
  row("us-east-1", "us-east-1a", "p5.48xlarge", "30.000000", "2026-11-23T09:00:00.000Z"),
  row("us-east-1", "us-east-1a", "p5.48xlarge", "21.000000", "2026-11-23T11:00:00.000Z"), // latest in 1a
  row("us-east-1", "us-east-1b", "p5.48xlarge", "25.000000", "2026-11-23T10:00:00.000Z"),
  row("us-east-1", "us-east-1c", "p5.48xlarge", "22.000000", "2026-11-22T23:00:00.000Z"),
  row("us-east-1", "us-east-1d", "p5.48xlarge", "5.000000", "2026-11-23T11:30:00.000Z", "Windows"),
  row("us-east-1", "us-east-1a", "g5.xlarge", "0.400000", "2026-11-23T11:00:00.000Z"),
  row("us-east-1", "us-east-1b", "g5.xlarge", "0.500000", "2026-11-23T11:00:00.000Z"),
  row("us-west-2", "us-west-2a", "g5.xlarge", "0.300000", "2026-11-23T11:45:00.000Z"),
  row("us-west-2", "us-west-2b", "g5.xlarge", "0.350000", "2026-11-23T11:15:00.000Z"),
  row("us-west-2", "us-west-2c", "g5.xlarge", "0.330000", "2026-11-23T11:20:00.000Z"),
];

let ec2: FakeEc2Api;
beforeAll(async () => {
  ec2 = await startFakeEc2Api({ history: HISTORY });
});
afterAll(async () => {
  await ec2.close();
});
afterEach(() => {
  ec2.requests.length = 0;
});

function source(opts: SpotHistorySourceOptions & { api?: FakeEc2Api } = {}): SpotHistorySource {
  return new SpotHistorySource({ endpoint: (opts.api ?? ec2).endpoint, credentials: TEST_CREDENTIALS, maxAttempts: 1, now: () => NOW, ...opts });
}

describe("SpotHistorySource against the fake EC2 API", () => {
  it("prices spot as the median of each zone's latest Linux/UNIX price", async () => {
    const s = source();
    const q = await s.spotQuote({ region: "us-east-1", instanceType: "p5.48xlarge" }, onDemand(55.04));
    // Latest per zone: 1a 21 (not 30), 1b 25, 1c 22; the Windows row is not asked for. Median: 22.
    expect(q).toEqual({
      priced: true,
      usdPerHour: 22,
      origin: {
        source: "spot-history",
        asOf: "2026-11-23T11:00:00.000Z",
        label: "spot-history 2026-11-23",
        estimated: false,
        note: "median of the latest Linux/UNIX spot price in 3 availability zone(s) of us-east-1 (min $21, max $25)",
      },
      interruptionBand: SNAPSHOT.spot.advisor["us-east-1"]!["p5.48xlarge"]!.band,
    });
    expect(ec2.requests).toHaveLength(1);
    const [req] = ec2.requests;
    expect(req!.signature).toMatchObject({ valid: true, service: "ec2", region: "us-east-1" });
    expect(req!.params).toMatchObject({
      Action: "DescribeSpotPriceHistory",
      Version: "2016-11-15",
      "InstanceType.1": "p5.48xlarge",
      "ProductDescription.1": "Linux/UNIX",
      StartTime: "2026-11-23T12:00:00Z",
    });
    expect(s.warnings()).toEqual([]);
    expect(s.describe()).toEqual([expect.objectContaining({ id: "spot-history", label: "spot-history" })]);
  });

  it("averages the two middle zones for an even count, and asks the key's own region", async () => {
    const s = source();
    const east = await s.spotQuote({ region: "us-east-1", instanceType: "g5.xlarge" }, onDemand(1.006));
    const west = await s.spotQuote({ region: "us-west-2", instanceType: "g5.xlarge" }, onDemand(1.006));
    expect(east.priced && east.usdPerHour).toBeCloseTo(0.45, 12);
    expect(west.priced && west.usdPerHour).toBe(0.33);
    expect(ec2.requests.map((r) => r.region)).toEqual(["us-east-1", "us-west-2"]);
    expect(ec2.requests.every((r) => r.signature.valid)).toBe(true);
  });

  it("follows nextToken pages and asks once per type and region", async () => {
    const paged = await startFakeEc2Api({ history: HISTORY, pageSize: 2 });
    try {
      const s = source({ api: paged });
      const a = await s.spotQuote({ region: "us-east-1", instanceType: "p5.48xlarge" }, onDemand(55.04));
      const b = await s.spotQuote({ region: "us-east-1", instanceType: "p5.48xlarge" }, onDemand(55.04));
      expect(a).toEqual(b);
      expect(a.priced && a.usdPerHour).toBe(22);
      // 4 Linux rows at 2 per page → 2 requests, and none for the repeated key.
      expect(paged.requests).toHaveLength(2);
      expect(paged.requests[1]!.params.NextToken).toBeTruthy();
      expect(s.stats()).toEqual({ requests: 2, history: 2, fellBack: 0 });
    } finally {
      await paged.close();
    }
  });

  it("falls back to the configured discount, with a warning, when there is no history", async () => {
    const s = source({ fallback: new SpotDiscountSource({ defaultDiscountPct: 40 }) });
    const q = await s.spotQuote({ region: "eu-west-1", instanceType: "g5.xlarge" }, onDemand(1.123));
    expect(q.priced && q.origin.source).toBe("spot-discount");
    expect(s.warnings()).toEqual(["spot price spot|eu-west-1|g5.xlarge from spot-discount: NoSpotPriceHistory: EC2 reports no Linux/UNIX spot price for g5.xlarge in eu-west-1"]);
    expect(s.describe().map((d) => d.id)).toEqual(["spot-discount"]);
  });

  it("falls back per key when EC2 throttles, naming the error", async () => {
    const throttled = await startFakeEc2Api({
      history: HISTORY,
      fault: ({ params }) => (params["InstanceType.1"] === "p5.48xlarge" ? { status: 503, code: "RequestLimitExceeded", message: "Request limit exceeded." } : undefined),
    });
    try {
      // Without backoff: the SDK's default adaptive mode would also slow the next request down after a throttle.
      const s = source({ api: throttled, retryStrategy: noBackoff(1) });
      const p5 = await s.spotQuote({ region: "us-east-1", instanceType: "p5.48xlarge" }, onDemand(55.04));
      const g5 = await s.spotQuote({ region: "us-east-1", instanceType: "g5.xlarge" }, onDemand(1.006));
      expect(p5.priced && p5.origin.source).toBe("spot-discount");
      expect(p5.priced && p5.usdPerHour).toBeCloseTo(55.04 * (1 - Math.min(50, SNAPSHOT.spot.advisor["us-east-1"]!["p5.48xlarge"]!.savingsPct) / 100), 9);
      expect(g5.priced && g5.origin.source).toBe("spot-history");
      expect(s.warnings()).toEqual(["spot price spot|us-east-1|p5.48xlarge from spot-discount: RequestLimitExceeded: Request limit exceeded."]);
      expect(s.describe().map((d) => d.id)).toEqual(["spot-history", "spot-discount"]);
    } finally {
      await throttled.close();
    }
  });

  it("treats a malformed spot price as an error for that key", async () => {
    const bad = await startFakeEc2Api({ history: [row("us-east-1", "us-east-1a", "g5.xlarge", "n/a", "2026-11-23T11:00:00.000Z")] });
    try {
      const s = source({ api: bad });
      const q = await s.spotQuote({ region: "us-east-1", instanceType: "g5.xlarge" }, onDemand(1.006));
      expect(q.priced && q.origin.source).toBe("spot-discount");
      expect(s.warnings()[0]).toMatch(/^spot price spot\|us-east-1\|g5\.xlarge from spot-discount: \S+: /);
    } finally {
      await bad.close();
    }
  });

  it("leaves SageMaker managed spot to the discount source without asking EC2", async () => {
    const s = source();
    const q = await s.spotQuote({ region: "us-east-1", instanceType: "ml.g5.xlarge", kind: "sagemaker-instance" }, onDemand(1.4084));
    expect(q.priced && q.origin.source).toBe("spot-discount");
    expect(ec2.requests).toHaveLength(0);
    expect(s.warnings()).toEqual([]);
  });
});
