import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertPrivateCachePath } from "../../../src/pricing/sources/cache-ownership.js";
import { PriceCache } from "../../../src/pricing/sources/price-cache.js";
import { startFakePricingApi, type FakePricingApi } from "../../fakes/fake-pricing-api.js";
import { ec2InstanceProduct } from "../../fakes/price-list-documents.js";
import { isolateAwsEnvironment, TEST_CREDENTIALS_ENV } from "../../helpers/isolated-aws-env.js";
import { runCliCaptured } from "../../helpers/run-cli.js";

const scratch = isolateAwsEnvironment("costgate-cache-trust-");
const PLAN = new URL("../../fixtures/cdktf/untagged.json", import.meta.url).pathname;
let api: FakePricingApi;
beforeAll(async () => {
  api = await startFakePricingApi({ products: [ec2InstanceProduct("us-east-1", "g5.xlarge", "1.0060000000")] });
});
afterAll(async () => {
  await api.close();
  rmSync(scratch, { recursive: true, force: true });
});

const estimate = (dir: string) =>
  runCliCaptured(["estimate", PLAN, "--prices", "aws", "--cache-dir", dir, "--pricing-endpoint", api.endpoint], { ...TEST_CREDENTIALS_ENV, HOME: scratch });

describe("price cache trust (CLI)", () => {
  it("creates a private cache (0700 directory, 0600 entries) and reuses it", async () => {
    const dir = join(mkdtempSync(join(scratch, "c-")), "prices");
    expect((await estimate(dir)).code).toBe(0);
    const { statSync } = await import("node:fs");
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const f of readdirSync(dir)) expect(statSync(join(dir, f)).mode & 0o777).toBe(0o600);
  });

  it("refuses a cache directory others can write to: exit 2, one line naming it", async () => {
    const dir = mkdtempSync(join(scratch, "shared-"));
    chmodSync(dir, 0o777);
    const r = await estimate(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${dir}: is writable by group (mode 777); the price cache must be a directory owned by you`);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it("refuses a cache entry others can write to", async () => {
    const dir = join(mkdtempSync(join(scratch, "c-")), "prices");
    expect((await estimate(dir)).code).toBe(0);
    const entry = readdirSync(dir)[0]!;
    chmodSync(join(dir, entry), 0o666);
    const r = await estimate(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${entry}: is writable by group (mode 666)`);
  });

  it("refuses paths owned by another user, symbolic links and the wrong kind", () => {
    const st = (o: Partial<{ uid: number; mode: number; dir: boolean; link: boolean }>) => ({
      uid: o.uid ?? 1000,
      mode: o.mode ?? 0o700,
      isDirectory: () => o.dir ?? true,
      isFile: () => !(o.dir ?? true),
      isSymbolicLink: () => o.link ?? false,
    });
    expect(() => assertPrivateCachePath("/c", st({ uid: 0 }), "directory", 1000)).toThrow("/c: is owned by uid 0");
    expect(() => assertPrivateCachePath("/c", st({ link: true }), "directory", 1000)).toThrow("/c: is a symbolic link");
    expect(() => assertPrivateCachePath("/c", st({ dir: false }), "directory", 1000)).toThrow("/c: is not a directory");
    expect(() => assertPrivateCachePath("/c", st({ mode: 0o702 }), "directory", 1000)).toThrow("is writable by others");
    expect(() => assertPrivateCachePath("/c", st({}), "directory", 1000)).not.toThrow();
    expect(() => assertPrivateCachePath("/c", st({ uid: 0 }), "directory", undefined)).not.toThrow();
  });

  it("PriceCache.get refuses a planted entry rather than reporting it as an AWS price", async () => {
    const dir = mkdtempSync(join(scratch, "p-"));
    const cache = new PriceCache(dir);
    await cache.set("k", { usdPerUnit: 1, unit: "Hrs", fetchedAt: new Date().toISOString(), origin: { label: "x", source: "aws-pricing-api", asOf: "2026-11-30", estimated: false } });
    mkdirSync(join(dir, "sub"));
    chmodSync(dir, 0o775);
    await expect(new PriceCache(dir).get("k")).rejects.toThrow("is writable by group (mode 775)");
  });
});
