import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { CostgateError } from "../errors.js";
import { describeError } from "../pricing/sources/price-fallback.js";
import { applyRefresh, refreshKeys } from "../pricing/snapshot/refresh-snapshot.js";
import { SNAPSHOT, SNAPSHOT_SCHEMA, type PriceSnapshot } from "../pricing/snapshot/snapshot.js";
import { EXIT, type CliIO } from "./cli-io.js";
import { parseCommandArgs } from "./parse-args.js";
import { awsSettings } from "./price-options.js";

const SNAPSHOT_PATH = "src/pricing/snapshot/price-snapshot.json";

export const PRICING_USAGE = `Usage: costgate pricing refresh [--regions r1,r2] [--types t1,t2] [--out file]
                                [--pricing-region r] [--pricing-endpoint url] [--concurrency n]

Rebuild the embedded price snapshot from the AWS Price List API (maintainers with AWS credentials
allowed pricing:GetProducts). Without --types, every EC2 price of each region in the snapshot (and its
storage prices) is fetched again; with --types, those types in each region. Refreshed prices point at a
new dataset aws-pricing-api-<date>; prices not refreshed keep their dataset and date. A failed lookup keeps
the old price and is reported.

  --regions r1,r2     regions to refresh (default: every region in the snapshot)
  --types t1,t2       EC2 instance types to refresh (default: those already in the snapshot)
  --out file          snapshot file to update (default: ${SNAPSHOT_PATH} in the current directory)
  --concurrency n     lookups in flight (default 5)
`;

/** `costgate pricing <subcommand>`. */
export async function pricingCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs("pricing", args, {
    regions: { type: "string" },
    types: { type: "string" },
    out: { type: "string" },
    concurrency: { type: "string" },
    "pricing-region": { type: "string" },
    "pricing-endpoint": { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.stdout(PRICING_USAGE);
    return EXIT.ok;
  }
  const [sub, ...rest] = positionals;
  if (sub !== "refresh" || rest.length > 0) {
    io.stderr(`costgate pricing: ${sub === undefined ? "missing subcommand" : `unknown arguments \`${positionals.join(" ")}\``}\n\n${PRICING_USAGE}`);
    return EXIT.badInput;
  }

  const regions = list(values.regions, "--regions", /^[a-z]{2}(-[a-z]+)+-\d+$/, "a region such as us-east-1");
  const types = list(values.types, "--types", /^[a-z0-9-]+\.[a-z0-9-]+$/, "an EC2 instance type such as p5.48xlarge");
  const concurrency = values.concurrency === undefined ? 5 : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 20)
    throw new CostgateError(`bad --concurrency \`${values.concurrency}\`; expected a whole number 1-20`, "costgate pricing");
  const out = resolve(io.cwd, values.out ?? SNAPSHOT_PATH);
  if (values.out === undefined && !existsSync(out))
    throw new CostgateError(`no snapshot at ${out}; run from the costgate repository or pass --out`, "costgate pricing");
  const base = existsSync(out) ? readSnapshot(out) : SNAPSHOT;

  const settings = awsSettings(values, io);
  const { AwsPricingSource } = await import("../pricing/sources/aws-pricing-source.js"); // loads the AWS SDK
  const source = new AwsPricingSource({ ...settings, concurrency });
  try {
    await source.client.config.credentials();
  } catch (e) {
    throw new CostgateError(`pricing refresh needs AWS credentials allowed pricing:GetProducts (${describeError(e)})`, "costgate pricing");
  }

  const keys = refreshKeys(base, { ...(regions ? { regions } : {}), ...(types ? { types } : {}) });
  const progress = (done: number, total: number) => {
    if (io.isTTY) io.stderr(`\rpricing refresh: ${done}/${total} prices`);
  };
  const results = await source.lookup(keys, progress);
  if (io.isTTY) io.stderr("\r\x1b[K");

  const now = new Date().toISOString().slice(0, 10);
  const retrievedFrom = settings.endpoint ?? `https://api.pricing.${source.apiRegion}.amazonaws.com (GetProducts)`;
  const r = applyRefresh(base, keys, results, { date: now, retrievedFrom });

  for (const k of r.kept) io.stderr(`costgate: warning: kept the snapshot price for ${k.id}: ${k.error}\n`);
  for (const f of r.failed) io.stderr(`costgate: warning: no price for ${f.id}: ${f.error}\n`);
  if (r.updated === 0) {
    const first = r.kept[0] ?? r.failed[0];
    throw new CostgateError(
      `no price could be refreshed from the AWS Price List API${first ? ` (${first.id}: ${first.error})` : ""}; ${out} is unchanged`,
      "costgate pricing",
    );
  }
  writeFileSync(out, JSON.stringify(r.snapshot) + "\n");

  const { requests } = source.stats();
  io.stdout(
    `refreshed ${r.updated} of ${keys.length} prices from the AWS Price List API (${requests} requests): ` +
      `${r.changed.length} changed, ${r.added.length} added, ${r.notOffered.length} not offered, ${r.kept.length + r.failed.length} failed\n`,
  );
  for (const c of r.changed) io.stdout(`  ${c.id}: ${c.from} → ${c.to}\n`);
  for (const a of r.added) io.stdout(`  ${a}: added\n`);
  io.stdout(`wrote ${out} (dataset aws-pricing-api-${now})\n`);
  return EXIT.ok;
}

function list(value: string | undefined, flag: string, pattern: RegExp, expected: string): string[] | undefined {
  if (value === undefined) return undefined;
  const items = [...new Set(value.split(",").map((s) => s.trim()).filter(Boolean))];
  if (items.length === 0) throw new CostgateError(`${flag} is empty; expected a comma-separated list`, "costgate pricing");
  for (const item of items) if (!pattern.test(item)) throw new CostgateError(`bad ${flag} value \`${item}\`; expected ${expected}`, "costgate pricing");
  return items;
}

function readSnapshot(file: string): PriceSnapshot {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new CostgateError(`cannot read the snapshot: ${(e as Error).message}`, file);
  }
  const s = data as Partial<PriceSnapshot>;
  if (s?.schema !== SNAPSHOT_SCHEMA || typeof s.datasets !== "object" || !Array.isArray(s.commercialRegions))
    throw new CostgateError(`not a costgate price snapshot (expected schema ${SNAPSHOT_SCHEMA})`, file, "/schema");
  // The bundles' price-snapshot.json holds no prices (they are in price-snapshot/<region>.json beside it).
  if (s.prices === null || typeof s.prices !== "object" || Array.isArray(s.prices))
    throw new CostgateError(
      `has no price table (\`prices\`): ${"priceRegions" in s ? "the split copy a bundle reads; pass --out src/pricing/snapshot/price-snapshot.json or a full snapshot" : "expected an object of regions"}`,
      file,
      "/prices",
    );
  return s as PriceSnapshot;
}
