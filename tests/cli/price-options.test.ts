import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { CliIO } from "../../src/cli/cli-io.js";
import { resolvePriceSources, type PriceOptionValues } from "../../src/cli/price-options.js";
import { loadPlan } from "../../src/plan/load-plan.js";
import type { Estimate } from "../../src/pricing/estimate.js";
import { planCosts } from "../../src/pricing/plan-costs.js";
import { distinctPriceKeys } from "../../src/pricing/price-key.js";
import { priceNeeds } from "../../src/pricing/price-needs.js";
import { priceListQuery } from "../../src/pricing/sources/price-list-queries.js";
import { AwsPricingSource } from "../../src/pricing/sources/aws-pricing-source.js";
import { SnapshotPriceSource } from "../../src/pricing/sources/snapshot-source.js";
import { SpotDiscountSource } from "../../src/pricing/sources/spot-discount-source.js";
import { SpotHistorySource } from "../../src/pricing/sources/spot-history-source.js";
import { startFakeEc2Api, type FakeEc2Api } from "../fakes/fake-ec2-api.js";
import { startFakePricingApi, TEST_CREDENTIALS, type FakePricingApi } from "../fakes/fake-pricing-api.js";
import { ec2InstanceProduct } from "../fakes/price-list-documents.js";
import { isolateAwsEnvironment, TEST_CREDENTIALS_ENV } from "../helpers/isolated-aws-env.js";
import { runCliCaptured } from "../helpers/run-cli.js";
import { ec2InstancePrice } from "../../src/pricing/prices/index.js";

const scratch = isolateAwsEnvironment("costgate-price-options-");
const CREDS = TEST_CREDENTIALS_ENV;

let api: FakePricingApi;
let ec2: FakeEc2Api;
const dirs: string[] = [];
beforeAll(async () => {
  api = await startFakePricingApi({ products: [ec2InstanceProduct("us-east-1", "p5.48xlarge", "55.0400000000"), ec2InstanceProduct("us-east-1", "g5.xlarge", "1.0060000000")] });
  ec2 = await startFakeEc2Api({
    history: [
      { region: "us-east-1", availabilityZone: "us-east-1a", instanceType: "p5.48xlarge", spotPrice: "24.5", timestamp: "2026-11-23T10:00:00.000Z" },
      { region: "us-east-1", availabilityZone: "us-east-1b", instanceType: "p5.48xlarge", spotPrice: "26.5", timestamp: "2026-11-23T10:00:00.000Z" },
    ],
  });
});
afterAll(async () => {
  await api.close();
  await ec2.close();
  rmSync(scratch, { recursive: true, force: true });
});
afterEach(() => {
  api.requests.length = 0;
  ec2.requests.length = 0;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function temp(): string {
  const d = mkdtempSync(join(tmpdir(), "costgate-cli-cache-"));
  dirs.push(d);
  return d;
}

function io(env: NodeJS.ProcessEnv = {}): CliIO {
  return { stdout: () => undefined, stderr: () => undefined, isTTY: false, env, cwd: process.cwd() };
}

const resolve = (values: PriceOptionValues, env: NodeJS.ProcessEnv = {}) => resolvePriceSources(values, io(env));

describe("resolvePriceSources", () => {
  it("defaults to the embedded snapshot and the dated spot discount", async () => {
    const s = await resolve({});
    expect(s.mode).toBe("snapshot");
    expect(s.prices).toBeInstanceOf(SnapshotPriceSource);
    expect(s.spot).toBeInstanceOf(SpotDiscountSource);
  });

  it.each<[PriceOptionValues, RegExp]>([
    [{ prices: "live" }, /unknown --prices `live`; expected auto, snapshot or aws/],
    [{ prices: "aws", "cache-ttl": "0" }, /bad --cache-ttl `0`/],
    [{ prices: "aws", "cache-ttl": "soon" }, /bad --cache-ttl `soon`/],
    [{ prices: "aws", "pricing-region": "eu-west-1" }, /unknown --pricing-region `eu-west-1`; the Price List API is served from us-east-1, eu-central-1, ap-south-1/],
    [{ prices: "auto", "pricing-endpoint": "localhost:1234" }, /bad --pricing-endpoint `localhost:1234`/],
  ])("rejects %j", async (values, message) => {
    await expect(resolve(values)).rejects.toThrow(message);
  });

  it("auto: uses the snapshot, without a request, when no credentials resolve", async () => {
    const s = await resolve({ prices: "auto", "pricing-endpoint": api.endpoint });
    expect(s.mode).toBe("snapshot");
    expect(s.prices).toBeInstanceOf(SnapshotPriceSource);
    expect(s.spot).toBeInstanceOf(SpotDiscountSource);
    expect(api.requests).toHaveLength(0);
  });

  it("auto: uses the Price List API and spot history when credentials resolve, caching under --cache-dir", async () => {
    const dir = temp();
    const s = await resolve({ prices: "auto", "pricing-endpoint": api.endpoint, "cache-dir": dir }, CREDS);
    expect(s.mode).toBe("aws");
    expect(s.prices).toBeInstanceOf(AwsPricingSource);
    expect(s.spot).toBeInstanceOf(SpotHistorySource);
    const q = await s.prices.quote([ec2InstancePrice("us-east-1", "p5.48xlarge")]);
    expect(q.get("ec2-instance|us-east-1|p5.48xlarge")).toMatchObject({ priced: true, usdPerUnit: 55.04, origin: { source: "aws-pricing-api" } });
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]!.signature).toMatchObject({ valid: true, accessKeyId: TEST_CREDENTIALS.accessKeyId, region: "us-east-1" });
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it("--no-cache neither reads nor writes the cache; the default cache lives in the user cache dir", async () => {
    const xdg = temp();
    const env = { ...CREDS, XDG_CACHE_HOME: xdg, AWS_ENDPOINT_URL_PRICING: api.endpoint };
    const key = [ec2InstancePrice("us-east-1", "g5.xlarge")];
    await (await resolve({ prices: "aws" }, env)).prices.quote(key);
    if (process.platform === "linux") expect(readdirSync(join(xdg, "costgate", "prices"))).toHaveLength(1);
    await (await resolve({ prices: "aws" }, env)).prices.quote(key); // warm: no request
    await (await resolve({ prices: "aws", "no-cache": true }, env)).prices.quote(key); // bypass: one request
    expect(api.requests).toHaveLength(2);
  });

  it("aws: without credentials, one line says so and the snapshot prices everything; nothing is sent", async () => {
    let stderr = "";
    const s = await resolvePriceSources({ prices: "aws", "pricing-endpoint": api.endpoint, "no-cache": true }, { ...io(), stderr: (t) => void (stderr += t) });
    expect(s.mode).toBe("snapshot");
    expect(stderr).toMatch(/^costgate: note: --prices aws: no AWS credentials found \(.+\); using the embedded price snapshot\n$/);
    const q = await s.prices.quote([ec2InstancePrice("us-east-1", "p5.48xlarge")]);
    expect(q.get("ec2-instance|us-east-1|p5.48xlarge")).toMatchObject({ priced: true, origin: { source: "snapshot" } });
    expect(api.requests).toHaveLength(0);
  });

  it("auto: without credentials, one note and the snapshot", async () => {
    let stderr = "";
    const s = await resolvePriceSources({ prices: "auto", "pricing-endpoint": api.endpoint, "no-cache": true }, { ...io(), stderr: (t) => void (stderr += t) });
    expect(s.mode).toBe("snapshot");
    expect(stderr).toBe("costgate: note: --prices auto: no AWS credentials found; using the embedded price snapshot\n");
  });
});

describe("costgate estimate with live prices", () => {
  it("prices the example through the fake APIs: one request per distinct key, the rest from the snapshot with warnings", async () => {
    // The distinct keys the example needs, collected by the pipeline's own priceNeeds (with the other types a
    // node group may run).
    const costPlans = planCosts(loadPlan("examples/synth-output/cdktf.out"));
    const keys = priceNeeds(costPlans).keys;
    const componentKeys = costPlans.flatMap((cp) => cp.components).flatMap((c) => (c.priceKey && c.unpricedReason === undefined ? [c.priceKey] : []));
    expect(componentKeys.length).toBeGreaterThan(distinctPriceKeys(componentKeys).length); // the example repeats keys across resources and stacks
    const queries = new Set(
      keys.flatMap((k) => {
        try {
          const q = priceListQuery(k);
          return [JSON.stringify([q.serviceCode, q.filters])];
        } catch {
          return []; // a key the Price List cannot answer is not asked for
        }
      }),
    );
    const components = (e: Estimate) => e.stacks.flatMap((s) => s.resources.flatMap((r) => r.components.map((c) => ({ r: r.address, ...c }))));

    const dir = temp();
    const env = { ...CREDS, AWS_ENDPOINT_URL_EC2: ec2.endpoint };
    const args = ["estimate", "examples/synth-output/cdktf.out", "--format", "json", "--prices", "aws", "--pricing-endpoint", api.endpoint, "--cache-dir", dir];
    const live = await runCliCaptured(args, env);
    expect(live.stderr).toBe("");
    expect(live.code).toBe(0);
    const e = JSON.parse(live.stdout) as Estimate;
    // One request per distinct query (no query needs a second page), never the same one twice.
    expect(api.getProducts()).toHaveLength(queries.size);
    expect(new Set(api.getProducts().map((r) => JSON.stringify(r.input))).size).toBe(queries.size);

    const p5 = components(e).find((c) => c.priceKey === "ec2-instance|us-east-1|p5.48xlarge" && c.purchaseOption === "on-demand");
    if (p5) expect(p5.price?.source).toBe("aws-pricing-api");
    const spotP5 = components(e).find((c) => c.priceKey === "ec2-instance|us-east-1|p5.48xlarge" && c.purchaseOption === "spot")!;
    expect(spotP5.price).toMatchObject({ source: "spot-history" });
    expect(spotP5.unitPrice).toBe(25.5);
    expect(e.priceSources.map((s) => s.id)).toContain("aws-pricing-api");
    // Keys the fake has no product for came from the snapshot, each named in a warning.
    const fellBack = e.warnings.filter((w) => w.startsWith("price "));
    expect(fellBack).toHaveLength(keys.length - 2);
    expect(fellBack.every((w) => / from snapshot: NoMatchingPrice: /.test(w))).toBe(true);
    // Spot types the fake EC2 has no history for fall back to the discount, each named; one request per spot type.
    const spotFellBack = e.warnings.filter((w) => w.startsWith("spot price "));
    expect(spotFellBack.every((w) => / from spot-discount: NoSpotPriceHistory: /.test(w))).toBe(true);
    expect(e.warnings).toHaveLength(fellBack.length + spotFellBack.length);
    expect(ec2.requests).toHaveLength(spotFellBack.length + 1);
    expect(ec2.requests.every((r) => r.signature.valid && r.action === "DescribeSpotPriceHistory")).toBe(true);

    api.requests.length = 0;
    const again = await runCliCaptured(args, env);
    expect(again.code).toBe(0);
    // Only the two prices the API answered are cached; the rest are asked for again.
    expect(api.getProducts()).toHaveLength(queries.size - 2);
  });
});

