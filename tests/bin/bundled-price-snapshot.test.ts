import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import type { PriceSnapshot } from "../../src/pricing/snapshot/snapshot.js";

// The bundles (lib/cli for the CLI, dist/ for the Action) split the price snapshot into price-snapshot.json and a
// file per region (rollup.config.mjs `splitPriceSnapshot`), loaded on first use. The bundled snapshot must be the
// source snapshot exactly, and a region's table must not be read before something asks for it.
const root = join(import.meta.dirname, "..", "..");
const source = readFileSync(join(root, "src", "pricing", "snapshot", "price-snapshot.json"), "utf8");

/** The bundle chunk that defines the snapshot, and the snapshot it exports. */
async function bundledSnapshot(dir: string): Promise<PriceSnapshot> {
  const chunk = readdirSync(dir).find((f) => f.endsWith(".js") && readFileSync(join(dir, f), "utf8").includes("priceRegions"));
  expect(chunk, `no chunk in ${dir} loads the split snapshot`).toBeDefined();
  const mod = (await import(pathToFileURL(join(dir, chunk!)).href)) as Record<string, unknown>;
  const snap = Object.values(mod).find((v) => (v as PriceSnapshot | undefined)?.schema === "costgate.price-snapshot/v2");
  expect(snap, `${chunk} exports no snapshot`).toBeDefined();
  return snap as PriceSnapshot;
}

describe("the price snapshot bundled in lib/cli", () => {
  const abs = join(root, "lib", "cli");

  it("is split into the snapshot without prices and one file per region", () => {
    const core = JSON.parse(readFileSync(join(abs, "price-snapshot.json"), "utf8")) as { prices: unknown; priceRegions: string[] };
    const regions = Object.keys((JSON.parse(source) as PriceSnapshot).prices);
    expect(core.prices).toBeNull();
    expect(core.priceRegions).toEqual(regions);
    expect(readdirSync(join(abs, "price-snapshot")).sort()).toEqual(regions.map((r) => `${r}.json`).sort());
    expect(regions).toContain("us-east-1");
  });

  it("loads each region's table on first use, and then equals the source snapshot byte for byte", async () => {
    const snap = await bundledSnapshot(abs);
    const untouched = Object.keys(snap.prices).find((r) => Object.getOwnPropertyDescriptor(snap.prices, r)!.get !== undefined);
    expect(untouched, "every region was already loaded by importing the bundle").toBeDefined();
    expect(snap.prices[untouched!]).toEqual((JSON.parse(source) as PriceSnapshot).prices[untouched!]);
    expect(Object.getOwnPropertyDescriptor(snap.prices, untouched!)!.get).toBeUndefined();
    expect(JSON.stringify(snap) + "\n").toBe(source);
  });
});

// dist/index.js runs the Action when imported, so dist/ is compared with lib/cli file by file (the bundled
// Action e2e tests price through it).
it("the Action's dist/ carries the same split snapshot files as the CLI bundle", () => {
  expect(readFileSync(join(root, "dist", "price-snapshot.json"), "utf8")).toBe(readFileSync(join(root, "lib", "cli", "price-snapshot.json"), "utf8"));
  if (!existsSync(join(root, "dist", "price-snapshot"))) throw new Error("dist/price-snapshot/ is missing: run `npm run bundle`");
  expect(readdirSync(join(root, "dist", "price-snapshot")).sort()).toEqual(readdirSync(join(root, "lib", "cli", "price-snapshot")).sort());
  for (const f of readdirSync(join(root, "lib", "cli", "price-snapshot")))
    expect(readFileSync(join(root, "dist", "price-snapshot", f), "utf8"), f).toBe(readFileSync(join(root, "lib", "cli", "price-snapshot", f), "utf8"));
});
