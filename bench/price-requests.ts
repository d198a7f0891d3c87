/**
 * Price List requests for a plan with N distinct price keys: the real `@aws-sdk/client-pricing` against the
 * loopback fake Price List API of the test suite (tests/fakes, transpiled on the fly), base and head priced
 * together as the action does. Goal: N requests cold, 0 on a warm cache.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Plan } from "../src/plan/resource.js";
import { planFromCdktfStack } from "../src/plan/cdktf-plan.js";
import { estimatePlans } from "../src/pricing/estimate-plans.js";
import { planCosts } from "../src/pricing/plan-costs.js";
import { priceNeeds } from "../src/pricing/price-needs.js";
import { AwsPricingSource } from "../src/pricing/sources/aws-pricing-source.js";
import { PriceCache } from "../src/pricing/sources/price-cache.js";
import { SNAPSHOT } from "../src/pricing/snapshot/snapshot.js";
import { repoPath } from "./stats.js";

interface Fakes {
  startFakePricingApi(opts: { products: unknown[] }): Promise<{ endpoint: string; getProducts(): unknown[]; requests: unknown[]; close(): Promise<void> }>;
  TEST_CREDENTIALS: { accessKeyId: string; secretAccessKey: string };
  ec2InstanceProduct(region: string, type: string, usd: string): unknown;
  productDocument(opts: { serviceCode: string; productFamily: string; region: string; attributes: Record<string, string>; dimensions: { unit: string; usd: string }[] }): unknown;
}

/** The test suite's fakes, transpiled to JavaScript in a temporary directory (the build does not include tests/). */
async function loadFakes(dir: string): Promise<Fakes> {
  const ts = (await import("typescript")).default;
  const out = join(dir, "fakes");
  mkdirSync(out, { recursive: true });
  for (const name of ["sigv4", "fake-pricing-api", "price-list-documents"]) {
    const source = readFileSync(repoPath(`tests/fakes/${name}.ts`), "utf8");
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    writeFileSync(join(out, `${name}.js`), js);
  }
  const api = await import(pathToFileURL(join(out, "fake-pricing-api.js")).href);
  const docs = await import(pathToFileURL(join(out, "price-list-documents.js")).href);
  return { ...api, ...docs } as Fakes;
}

export interface PriceRequests {
  resources: number;
  distinctKeys: number;
  noCache: number;
  coldCache: number;
  warmCache: number;
}

/** Base and head stacks over `types` instance types, each type used by several resources in both. */
function plans(types: string[]): Plan[] {
  const stack = (name: string, copies: number) => {
    const resource: Record<string, Record<string, unknown>> = { aws_instance: {} };
    types.forEach((t, i) => {
      for (let c = 0; c < copies; c++) resource.aws_instance![`vm_${i}_${c}`] = { instance_type: t, root_block_device: { volume_size: 100, volume_type: "gp3" } };
    });
    return planFromCdktfStack({ provider: { aws: { region: "us-east-1" } }, resource }, { stack: "ml", file: `${name}/cdk.tf.json`, defaultRegion: "us-east-1" });
  };
  return [stack("head", 3), stack("base", 2)];
}

export async function priceRequests(print: (line: string) => void, typeCount = 40): Promise<PriceRequests> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const dir = mkdtempSync(join(tmpdir(), "costgate-bench-requests-"));
  try {
    const fakes = await loadFakes(dir);
    const prices = SNAPSHOT.prices["us-east-1"]!;
    const types = Object.keys(prices).flatMap((k) => (k.startsWith("ec2-instance|") ? [k.slice(13)] : [])).filter((t) => /^(p|g|inf|trn)\d/.test(t)).slice(0, typeCount);
    const products = [
      ...types.map((t) => fakes.ec2InstanceProduct("us-east-1", t, prices[`ec2-instance|${t}`]![0].toFixed(10))),
      fakes.productDocument({ serviceCode: "AmazonEC2", productFamily: "Storage", region: "us-east-1", attributes: { volumeApiName: "gp3", usagetype: "EBS:VolumeUsage.gp3" }, dimensions: [{ unit: "GB-Mo", usd: "0.0800000000" }] }),
    ];
    const ps = plans(types);
    const distinctKeys = priceNeeds(ps.flatMap((p) => planCosts(p))).keys.length;
    const resources = ps.reduce((n, p) => n + p.resources.length, 0);
    const run = async (cacheDir?: string): Promise<number> => {
      const api = await fakes.startFakePricingApi({ products });
      try {
        const source = new AwsPricingSource({ endpoint: api.endpoint, credentials: fakes.TEST_CREDENTIALS, ...(cacheDir ? { cache: new PriceCache(cacheDir) } : {}) });
        const estimates = await estimatePlans(ps, { prices: source });
        const fellBack = source.stats().fellBack;
        if (fellBack > 0 || estimates.some((e) => e.totals.unpriced + e.totals.partial > 0)) throw new Error(`${fellBack} prices fell back: ${source.warnings()[0]}`);
        return api.getProducts().length;
      } finally {
        await api.close();
      }
    };
    const noCache = await run();
    const cache = join(dir, "cache");
    const coldCache = await run(cache);
    const warmCache = await run(cache);
    print(`  base + head, ${resources} resources, ${distinctKeys} distinct price keys (${types.length} GPU instance types + gp3 storage)`);
    print(`  GetProducts requests: without a cache ${noCache}, cold cache ${coldCache} (goal ${distinctKeys}); warm cache ${warmCache} (goal 0)  ${noCache === distinctKeys && coldCache === distinctKeys && warmCache === 0 ? "ok" : "over"}`);
    return { resources, distinctKeys, noCache, coldCache, warmCache };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
