/**
 * Fault tests for the live price sources: timeouts, throttling storms, partial outages and corrupt cache files,
 * with the real AWS SDK clients against loopback servers. Every run must end — in a price, or in the snapshot
 * or discount fallback with a warning naming the key and the error — never a hang, a crash or a silent $0.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { estimatePlans } from "../../../src/pricing/estimate-plans.js";
import { allResources } from "../../../src/pricing/estimate.js";
import { priceKeyId, type PriceKey } from "../../../src/pricing/price-key.js";
import type { PriceQuote } from "../../../src/pricing/price-quote.js";
import { AwsPricingSource } from "../../../src/pricing/sources/aws-pricing-source.js";
import { PriceCache } from "../../../src/pricing/sources/price-cache.js";
import { SpotDiscountSource } from "../../../src/pricing/sources/spot-discount-source.js";
import { SpotHistorySource } from "../../../src/pricing/sources/spot-history-source.js";
import { SNAPSHOT } from "../../../src/pricing/snapshot/snapshot.js";
import { startFakeEc2Api, type SpotHistoryRow } from "../../fakes/fake-ec2-api.js";
import { startFakePricingApi, TEST_CREDENTIALS, type FakePricingApiOptions } from "../../fakes/fake-pricing-api.js";
import { ec2InstanceProduct } from "../../fakes/price-list-documents.js";
import { noBackoff } from "../../fakes/no-backoff.js";
import { plan, resource } from "./plan-fixture.js";
import { ec2InstancePrice } from "../../../src/pricing/prices/index.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const R = "us-east-1";
/** Twelve EC2 types the snapshot prices in us-east-1 (so every fallback has a price). */
const TYPES = ["p5.48xlarge", "p4d.24xlarge", "g5.xlarge", "g5.2xlarge", "g6.xlarge", "g6.2xlarge", "m5.large", "c5.large", "r5.large", "t3.micro", "inf2.xlarge", "g4dn.xlarge"];
const ec2 = (t: string): PriceKey => (ec2InstancePrice(R, t));
const KEYS = TYPES.map(ec2);
const PRODUCTS = TYPES.map((t, i) => ec2InstanceProduct(R, t, (1 + i / 10).toFixed(10)));
const snapshotPrice = (t: string) => SNAPSHOT.prices[R]![`ec2-instance|${t}`]![0];

const closers: (() => Promise<unknown> | unknown)[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function fakeApi(opts: FakePricingApiOptions = {}) {
  const api = await startFakePricingApi({ products: PRODUCTS, ...opts });
  closers.push(() => api.close());
  return api;
}

/** A live source against a loopback endpoint: the SDK's retries, without the backoff delays (see noBackoff). */
function live(endpoint: string, opts: Partial<ConstructorParameters<typeof AwsPricingSource>[0]> = {}) {
  return new AwsPricingSource({ endpoint, credentials: TEST_CREDENTIALS, maxAttempts: 1, retryStrategy: noBackoff(opts.maxAttempts ?? 1), ...opts });
}

/** EC2 spot history against a loopback endpoint, retries without backoff delays. */
function spotHistory(endpoint: string, maxAttempts: number, opts: Partial<ConstructorParameters<typeof SpotHistorySource>[0]> = {}) {
  return new SpotHistorySource({ endpoint, credentials: TEST_CREDENTIALS, maxAttempts, retryStrategy: noBackoff(maxAttempts), fallback: new SpotDiscountSource(), ...opts });
}

/** A TCP server that accepts connections and never answers: a stalled endpoint. */
async function blackHole(): Promise<{ endpoint: string; connections: () => number }> {
  const sockets: net.Socket[] = [];
  const server = net.createServer((s) => void sockets.push(s));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  closers.push(
    () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  );
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, connections: () => sockets.length };
}

/** Milliseconds a promise takes. */
async function timed<T>(p: Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await p;
  return { value, ms: performance.now() - t0 };
}

function expectSnapshotFallback(q: PriceQuote | undefined, type: string, error: RegExp): void {
  expect(q).toMatchObject({ priced: true, usdPerUnit: snapshotPrice(type), origin: { source: "snapshot" } });
  expect(q!.priced && q!.origin.note).toMatch(error);
}

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "costgate-faults-"));
  dirs.push(d);
  return d;
}

describe("timeouts", () => {
  it("gives up on a stalled Price List endpoint after the request timeout and prices from the snapshot", async () => {
    const hole = await blackHole();
    const s = live(hole.endpoint, { requestTimeoutMs: 300, maxAttempts: 2 });
    const { value: quotes, ms } = await timed(s.quote([ec2("p5.48xlarge")]));
    expectSnapshotFallback(quotes.get("ec2-instance|us-east-1|p5.48xlarge"), "p5.48xlarge", /TimeoutError/);
    expect(s.warnings()).toEqual([expect.stringMatching(/^price ec2-instance\|us-east-1\|p5\.48xlarge from snapshot: TimeoutError: .*300 ms/)]);
    expect(hole.connections()).toBe(2); // both attempts were sent, each timed out
    expect(ms).toBeLessThan(10_000);
  });

  it("stops asking a stalled endpoint after two keys time out: the rest fall back without waiting", async () => {
    const hole = await blackHole();
    const s = live(hole.endpoint, { requestTimeoutMs: 300, concurrency: 2 });
    const { value: quotes, ms } = await timed(s.quote(KEYS));
    for (const t of TYPES) expectSnapshotFallback(quotes.get(priceKeyId(ec2(t))), t, /TimeoutError|ServiceUnavailable/);
    // The two lookups in flight time out (a worker may start one more key before the second failure lands);
    // every later key is answered from the snapshot without a request.
    const asked = hole.connections();
    expect(asked).toBeGreaterThanOrEqual(2);
    expect(asked).toBeLessThanOrEqual(3);
    const notAsked = s.warnings().filter((w) => w.includes("ServiceUnavailable: not asked: TimeoutError"));
    expect(notAsked).toHaveLength(TYPES.length - asked);
    expect(s.warnings()).toHaveLength(TYPES.length);
    expect(ms).toBeLessThan(10_000);
  });

  it("waits for a slow answer that arrives within the timeout", async () => {
    const api = await fakeApi({ delayMs: 400 });
    const s = live(api.endpoint, { requestTimeoutMs: 5_000 });
    const quotes = await s.quote([ec2("g5.xlarge")]);
    expect(quotes.get("ec2-instance|us-east-1|g5.xlarge")).toMatchObject({ priced: true, usdPerUnit: 1.2, origin: { source: "aws-pricing-api" } });
    expect(s.warnings()).toEqual([]);
  });

  it("falls back to the spot discount when EC2 spot history stalls", async () => {
    const hole = await blackHole();
    const spot = spotHistory(hole.endpoint, 1, { requestTimeoutMs: 300 });
    const onDemand: PriceQuote = { priced: true, usdPerUnit: 1, unit: "hours", origin: { source: "snapshot", asOf: "2026-07-20", label: "snapshot 2026-07-20", estimated: false } };
    const q = await spot.spotQuote({ region: R, instanceType: "g5.xlarge" }, onDemand);
    expect(q).toMatchObject({ priced: true, origin: { source: "spot-discount" } });
    expect(q.priced && q.usdPerHour).toBeGreaterThan(0);
    expect(spot.warnings()).toEqual([expect.stringMatching(/^spot price spot\|us-east-1\|g5\.xlarge from spot-discount: TimeoutError/)]);
  });
});

describe("throttling storms", () => {
  it("a storm on every request: each key ends in the snapshot with a warning, and the source stops asking", async () => {
    const api = await fakeApi({ fault: () => ({ status: 400, type: "ThrottlingException", message: "Rate exceeded" }) });
    const s = live(api.endpoint, { maxAttempts: 2 });
    const { value: quotes, ms } = await timed(s.quote(KEYS));
    for (const t of TYPES) expectSnapshotFallback(quotes.get(priceKeyId(ec2(t))), t, /ThrottlingException/);
    expect(s.warnings()).toHaveLength(TYPES.length);
    // Each warning names the key and the error (the keys that were asked end in the API's own error).
    expect(s.warnings()).toContain("price ec2-instance|us-east-1|p5.48xlarge from snapshot: ThrottlingException: Rate exceeded");
    // At most the lookups in flight (5) plus one more (a worker may start a key before the second failure
    // lands) were asked, each with its 2 attempts; asking all 12 keys would be 24 requests.
    const asked = new Set(api.getProducts().map((r) => r.input.Filters.at(-1).Value));
    expect(asked.size).toBeLessThanOrEqual(6);
    expect(api.getProducts()).toHaveLength(asked.size * 2);
    expect(s.stats()).toMatchObject({ live: 0, fellBack: TYPES.length });
    expect(ms).toBeLessThan(30_000);
  });

  it("a storm that passes: retries get every price live, and nothing falls back", async () => {
    let throttled = 0;
    const api = await fakeApi({ fault: () => (throttled++ < 6 ? { status: 400, type: "ThrottlingException", message: "Rate exceeded" } : undefined) });
    const s = live(api.endpoint, { maxAttempts: 5 });
    const quotes = await s.quote(KEYS.slice(0, 6));
    TYPES.slice(0, 6).forEach((t, i) => expect(quotes.get(priceKeyId(ec2(t)))).toMatchObject({ priced: true, usdPerUnit: 1 + i / 10, origin: { source: "aws-pricing-api" } }));
    expect(s.warnings()).toEqual([]);
    expect(api.getProducts().filter((r) => r.status === 400)).toHaveLength(6);
    expect(api.getProducts().filter((r) => r.status === 200)).toHaveLength(6);
    // The answers used are the retried ones: every 200 is a later attempt of a throttled request or a first try.
    expect(api.getProducts().filter((r) => r.status === 400).every((r) => r.attempt < 5)).toBe(true);
    expect(api.getProducts().some((r) => r.status === 200 && r.attempt > 1)).toBe(true);
  });

  it("EC2 throttling in one region falls back there (asking at most two types) and leaves other regions live", async () => {
    const rows: SpotHistoryRow[] = [];
    for (const region of ["us-east-1", "us-west-2"])
      for (const t of ["g5.xlarge", "g5.2xlarge", "g6.xlarge", "g6.2xlarge"])
        rows.push({ region, availabilityZone: `${region}a`, instanceType: t, spotPrice: "0.5", timestamp: "2026-11-23T11:00:00.000Z" });
    const api = await startFakeEc2Api({ history: rows, fault: ({ region }) => (region === "us-west-2" ? { status: 503, code: "RequestLimitExceeded", message: "Request limit exceeded." } : undefined) });
    closers.push(() => api.close());
    const spot = spotHistory(api.endpoint, 2);
    const onDemand: PriceQuote = { priced: true, usdPerUnit: 1, unit: "hours", origin: { source: "snapshot", asOf: "2026-07-20", label: "snapshot 2026-07-20", estimated: false } };
    for (const region of ["us-west-2", "us-east-1"])
      for (const t of ["g5.xlarge", "g5.2xlarge", "g6.xlarge", "g6.2xlarge"]) {
        const q = await spot.spotQuote({ region, instanceType: t }, onDemand);
        expect(q).toMatchObject({ priced: true, origin: { source: region === "us-east-1" ? "spot-history" : "spot-discount" } });
      }
    expect(api.requests.filter((r) => r.region === "us-west-2")).toHaveLength(2 * 2);
    expect(api.requests.filter((r) => r.region === "us-east-1")).toHaveLength(4);
    expect(spot.warnings().filter((w) => w.includes("us-west-2"))).toHaveLength(4);
    expect(spot.warnings().filter((w) => w.includes("ServiceUnavailable: not asked: RequestLimitExceeded"))).toHaveLength(2);
  });
});

describe("partial outages", () => {
  it("a failure on a later page falls back, never pricing from the pages that did arrive", async () => {
    // Page 1 holds a capacity-block $0 row, page 2 the real rate: a price from page 1 alone would be wrong.
    const api = await fakeApi({
      products: [ec2InstanceProduct(R, "p5.48xlarge", "0.0000000000", { usagetype: "CapacityBlock:p5.48xlarge" }), ec2InstanceProduct(R, "p5.48xlarge", "55.0400000000")],
      pageSize: 1,
      fault: ({ input }) => (input.NextToken !== undefined ? { status: 500, type: "InternalErrorException", message: "page lost" } : undefined),
    });
    const s = live(api.endpoint);
    const quotes = await s.quote([ec2("p5.48xlarge")]);
    expectSnapshotFallback(quotes.get("ec2-instance|us-east-1|p5.48xlarge"), "p5.48xlarge", /InternalErrorException: page lost/);
    expect(api.getProducts().map((r) => r.status)).toEqual([200, 500]);
  });

  it("server errors on half the keys do not stop the source asking for the other half", async () => {
    // 5xx can concern some prices only (unlike throttling or timeouts), so they never stop the lookups.
    const failing = new Set(TYPES.filter((_, i) => i % 2 === 0));
    const api = await fakeApi({
      fault: ({ input }) => (failing.has(input.Filters?.find((f: { Field: string }) => f.Field === "instanceType")?.Value) ? { status: 500, type: "InternalErrorException", message: "shard down" } : undefined),
    });
    const s = live(api.endpoint, { concurrency: 2 });
    const quotes = await s.quote(KEYS);
    TYPES.forEach((t, i) => {
      if (failing.has(t)) expectSnapshotFallback(quotes.get(priceKeyId(ec2(t))), t, /InternalErrorException: shard down/);
      else expect(quotes.get(priceKeyId(ec2(t)))).toMatchObject({ priced: true, usdPerUnit: 1 + i / 10, origin: { source: "aws-pricing-api" } });
    });
    expect(api.getProducts()).toHaveLength(TYPES.length);
    expect(s.warnings().some((w) => w.includes("ServiceUnavailable"))).toBe(false);
  });

  it("answers that are 200 OK but not a price list fall back per key, with the reason", async () => {
    const bodies: Record<string, string> = {
      "g5.xlarge": "<html>captive portal</html>",
      "g6.xlarge": '{"FormatVersion":"aws_v1","PriceList":[5]}',
      "m5.large": '{"FormatVersion":"aws_v1","PriceList":["{\\"product\\":1}"]}',
    };
    const api = await fakeApi({
      fault: ({ input }) => {
        const t = input.Filters?.find((f: { Field: string }) => f.Field === "instanceType")?.Value;
        return bodies[t] !== undefined ? { status: 200, rawBody: bodies[t] } : undefined;
      },
    });
    const s = live(api.endpoint);
    const types = ["g5.xlarge", "g6.xlarge", "m5.large", "c5.large"];
    const quotes = await s.quote(types.map(ec2));
    for (const t of Object.keys(bodies)) expectSnapshotFallback(quotes.get(priceKeyId(ec2(t))), t, /live price unavailable/);
    expect(quotes.get("ec2-instance|us-east-1|c5.large")).toMatchObject({ priced: true, usdPerUnit: 1.7, origin: { source: "aws-pricing-api" } });
    expect(s.warnings()).toHaveLength(3);
    for (const w of s.warnings()) expect(w).not.toMatch(/\n/);
  });

  it("a connection dropped in the middle of an answer falls back, and the other keys stay live", async () => {
    const real = await fakeApi();
    // A proxy in front of the fake that cuts the g5.xlarge answer off halfway through.
    const proxy = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks);
        const up = http.request(real.endpoint, { method: req.method, headers: req.headers }, (answer) => {
          const parts: Buffer[] = [];
          answer.on("data", (c: Buffer) => parts.push(c));
          answer.on("end", () => {
            const full = Buffer.concat(parts);
            res.writeHead(answer.statusCode ?? 500, { "content-type": String(answer.headers["content-type"]), "content-length": full.length });
            if (body.includes("g5.xlarge")) res.write(full.subarray(0, full.length >> 1), () => res.destroy());
            else res.end(full);
          });
        });
        up.end(body);
      });
    });
    await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
    closers.push(() => new Promise<void>((r) => (proxy.closeAllConnections(), proxy.close(() => r()))));
    const s = live(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}`);
    const quotes = await s.quote([ec2("g5.xlarge"), ec2("c5.large")]);
    expectSnapshotFallback(quotes.get("ec2-instance|us-east-1|g5.xlarge"), "g5.xlarge", /live price unavailable/);
    expect(quotes.get("ec2-instance|us-east-1|c5.large")).toMatchObject({ priced: true, origin: { source: "aws-pricing-api" } });
  });

  it("a full estimate through a partial outage of both APIs is complete, finite and says what fell back", async () => {
    const api = await fakeApi({
      fault: ({ input }) => (input.Filters?.some((f: { Value: string }) => f.Value === "p5.48xlarge") ? { status: 503, type: "ServiceUnavailableException", message: "try later" } : undefined),
    });
    const ec2Api = await startFakeEc2Api({
      history: [{ region: R, availabilityZone: "us-east-1a", instanceType: "g5.xlarge", spotPrice: "0.4", timestamp: "2026-11-23T11:00:00.000Z" }],
      fault: ({ params }) => (params["InstanceType.1"] === "g6.xlarge" ? { status: 500, code: "InternalError", message: "An internal error has occurred" } : undefined),
    });
    closers.push(() => ec2Api.close());
    const spotMarket = { instance_market_options: { market_type: "spot" } };
    const p = plan("head", [
      resource("ml", "aws_instance", "trainer", { instance_type: "p5.48xlarge" }),
      resource("ml", "aws_instance", "worker", { instance_type: "g5.xlarge", ...spotMarket }),
      resource("ml", "aws_instance", "batch", { instance_type: "g6.xlarge", ...spotMarket }),
    ]);
    const [e] = await estimatePlans([p], {
      prices: live(api.endpoint),
      spot: spotHistory(ec2Api.endpoint, 1),
    });
    const byName = (a: string) => allResources(e!).find((r) => r.address === a)!;
    expect(byName("aws_instance.trainer").components[0]!.price?.source).toBe("snapshot");
    expect(byName("aws_instance.worker").components[0]!.price?.source).toBe("spot-history");
    expect(byName("aws_instance.batch").components[0]!.price?.source).toBe("spot-discount");
    for (const r of allResources(e!)) {
      expect(r.status).toBe("priced");
      expect(Number.isFinite(r.monthlyCost) && r.monthlyCost > 0).toBe(true);
    }
    expect(e!.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^price ec2-instance\|us-east-1\|p5\.48xlarge from snapshot: ServiceUnavailableException: try later/),
        expect.stringMatching(/^spot price spot\|us-east-1\|g6\.xlarge from spot-discount: InternalError/),
      ]),
    );
  });
});

describe("corrupt cache files", () => {
  async function warmCache(endpoint: string, keys: PriceKey[]): Promise<string> {
    const dir = tempDir();
    await live(endpoint, { cache: new PriceCache(dir) }).quote(keys);
    return dir;
  }

  it("recovers from every kind of damaged entry: asks again, prices live, and repairs the file", async () => {
    const api = await fakeApi();
    const types = TYPES.slice(0, 8);
    const dir = await warmCache(api.endpoint, types.map(ec2));
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(8);
    const good = JSON.parse(readFileSync(join(dir, files[0]!), "utf8"));
    const damage = [
      "", // empty (a crash between create and write)
      '{"format":"costgate.price-cache/v1","key":', // truncated
      "\u0000\u0001\u00ffPK\u0003\u0004 binary", // garbage
      JSON.stringify({ ...good, price: { ...good.price, usdPerUnit: "1.0" } }), // wrong type
      JSON.stringify({ ...good, price: { ...good.price, origin: { label: "x" } } }), // origin missing fields
      JSON.stringify({ ...good, price: { ...good.price, usdPerUnit: -3 } }), // negative
      "[]",
      "null",
    ];
    // Each file keeps its own key, so only the damage makes it a miss.
    files.forEach((f, i) => {
      const mine = JSON.parse(readFileSync(join(dir, f), "utf8"));
      const text = damage[i]!.startsWith("{\"format\":\"costgate.price-cache/v1\",\"key\":\"") ? damage[i]!.replace(good.key, mine.key) : damage[i]!;
      writeFileSync(join(dir, f), text);
    });
    api.requests.length = 0;
    const s = live(api.endpoint, { cache: new PriceCache(dir) });
    const quotes = await s.quote(types.map(ec2));
    types.forEach((t, i) => expect(quotes.get(priceKeyId(ec2(t)))).toMatchObject({ priced: true, usdPerUnit: 1 + i / 10, origin: { source: "aws-pricing-api" } }));
    expect(api.getProducts()).toHaveLength(8);
    expect(s.warnings()).toEqual([]);
    // The files were rewritten: the next run sends nothing.
    api.requests.length = 0;
    const again = live(api.endpoint, { cache: new PriceCache(dir) });
    await again.quote(types.map(ec2));
    expect(api.requests).toHaveLength(0);
    expect(again.stats()).toMatchObject({ cached: 8, live: 0 });
  });

  it("never reads an infinite price from the cache (1e999 parses as Infinity)", async () => {
    const api = await fakeApi();
    const dir = await warmCache(api.endpoint, [ec2("g5.xlarge")]);
    const [file] = readdirSync(dir);
    const text = readFileSync(join(dir, file!), "utf8");
    writeFileSync(join(dir, file!), text.replace(/"usdPerUnit":[0-9.e+-]+/, '"usdPerUnit":1e999'));
    api.requests.length = 0;
    const s = live(api.endpoint, { cache: new PriceCache(dir) });
    const q = (await s.quote([ec2("g5.xlarge")])).get("ec2-instance|us-east-1|g5.xlarge");
    expect(q).toMatchObject({ priced: true, usdPerUnit: 1.2, origin: { source: "aws-pricing-api" } });
    expect(api.getProducts()).toHaveLength(1);
  });

  it("an entry that became a directory is a miss that cannot be rewritten: one warning, live prices", async () => {
    const api = await fakeApi();
    const dir = await warmCache(api.endpoint, [ec2("g5.xlarge")]);
    const [file] = readdirSync(dir);
    rmSync(join(dir, file!));
    mkdirSync(join(dir, file!, "inside"), { recursive: true });
    const s = live(api.endpoint, { cache: new PriceCache(dir) });
    const quotes = await s.quote([ec2("g5.xlarge"), ec2("c5.large")]);
    expect([...quotes.values()].every((q) => q.priced && q.origin.source === "aws-pricing-api")).toBe(true);
    expect(s.warnings()).toEqual([expect.stringMatching(/^price cache .* is not writable/)]);
  });
});
