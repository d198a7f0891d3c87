import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { defaultCacheDir, PriceCache, type CachedPrice } from "../../../src/pricing/sources/price-cache.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), "costgate-cache-test-"));
  dirs.push(d);
  return d;
};

const price = (fetchedAt: string, usd = 55.04): CachedPrice => ({
  usdPerUnit: usd,
  unit: "hours",
  origin: { source: "aws-pricing-api", asOf: "2026-11-01", label: "aws-pricing-api 2026-11-01", estimated: false },
  fetchedAt,
});

describe("PriceCache", () => {
  it("stores one file per key and reads it back until the TTL passes", async () => {
    const dir = join(temp(), "nested", "prices");
    let now = new Date("2026-11-23T10:00:00Z");
    const cache = new PriceCache(dir, 2 * 3_600_000, () => now);
    await cache.set("a", price("2026-11-23T10:00:00.000Z"));
    await cache.set("b", price("2026-11-23T10:00:00.000Z", 6.88));
    expect(readdirSync(dir).filter((f) => f.endsWith(".json"))).toHaveLength(2);
    expect(await cache.get("a")).toEqual(price("2026-11-23T10:00:00.000Z"));
    expect((await cache.get("b"))?.usdPerUnit).toBe(6.88);
    expect(await cache.get("c")).toBeUndefined();
    now = new Date("2026-11-23T11:59:00Z");
    expect(await cache.get("a")).toBeDefined();
    now = new Date("2026-11-23T12:01:00Z");
    expect(await cache.get("a")).toBeUndefined();
  });

  it("treats corrupt, foreign, zero-priced and future-dated entries as misses", async () => {
    const dir = temp();
    const cache = new PriceCache(dir, 3_600_000, () => new Date("2026-11-23T10:00:00Z"));
    await cache.set("k", price("2026-11-23T09:59:00.000Z"));
    const [file] = readdirSync(dir);
    const path = join(dir, file!);
    const good = readFileSync(path, "utf8");
    expect(await cache.get("k")).toBeDefined();
    for (const bad of [
      "{",
      good.replace('"costgate.price-cache/v1"', '"other/v9"'),
      good.replace('"key":"k"', '"key":"other"'),
      good.replace('"usdPerUnit":55.04', '"usdPerUnit":0'),
      good.replace("2026-11-23T09:59:00.000Z", "2026-11-24T09:59:00.000Z"),
    ]) {
      writeFileSync(path, bad);
      expect(await cache.get("k")).toBeUndefined();
    }
  });

  it("defaults to the platform's user cache directory", () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: "/x/cache" }, "linux", "/home/u")).toBe("/x/cache/costgate/prices");
    expect(defaultCacheDir({}, "linux", "/home/u")).toBe("/home/u/.cache/costgate/prices");
    expect(defaultCacheDir({}, "darwin", "/Users/u")).toBe("/Users/u/Library/Caches/costgate/prices");
    expect(defaultCacheDir({ LOCALAPPDATA: "C:/Users/u/AppData/Local" }, "win32", "C:/Users/u")).toMatch(/costgate.Cache.prices$/);
  });
});
