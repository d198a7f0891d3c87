import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli.js";
import type { CliIO } from "../../src/cli/cli-io.js";
import { SnapshotPriceSource } from "../../src/pricing/sources/snapshot-source.js";
import { SNAPSHOT, type PriceSnapshot } from "../../src/pricing/snapshot/snapshot.js";
import { startFakePricingApi, TEST_CREDENTIALS, type FakePricingApi } from "../fakes/fake-pricing-api.js";
import { ec2InstanceProduct, productDocument } from "../fakes/price-list-documents.js";
import { isolateAwsEnvironment, TEST_CREDENTIALS_ENV } from "../helpers/isolated-aws-env.js";
import { ec2InstancePrice } from "../../src/pricing/prices/index.js";
import { chunkText } from "../helpers/run-cli.js";

const scratch = isolateAwsEnvironment("costgate-pricing-refresh-");
const CREDS = TEST_CREDENTIALS_ENV;
const TODAY = new Date().toISOString().slice(0, 10);
const DS = `aws-pricing-api-${TODAY}`;

const storageDoc = (region: string, productFamily: string, attributes: Record<string, string>, unit: string, usd: string, serviceCode = "AmazonEC2") =>
  productDocument({ serviceCode, productFamily, region, attributes, dimensions: [{ unit, usd }] });

let api: FakePricingApi;
beforeAll(async () => {
  api = await startFakePricingApi({
    products: [
      ec2InstanceProduct("us-east-1", "p5.48xlarge", "50.0000000000"), // a (test-only) new price
      ec2InstanceProduct("us-east-1", "g5.xlarge", "1.0060000000"),
      ec2InstanceProduct("us-east-1", "g6.xlarge", "0.8048000000"),
      ec2InstanceProduct("eu-west-1", "g5.xlarge", "1.1230000000"),
      ec2InstanceProduct("eu-west-1", "g6.xlarge", "0.9000000000"),
      ec2InstanceProduct("us-east-1", "m5.large", "0.0960000000"),
      storageDoc("us-east-1", "Storage", { volumeApiName: "gp3", usagetype: "EBS:VolumeUsage.gp3" }, "GB-Mo", "0.0800000000"),
      storageDoc("us-east-1", "Provisioned Throughput", { volumeApiName: "gp3", usagetype: "EBS:VolumeP-Throughput.gp3" }, "GiBps-mo", "40.9600000000"),
    ],
    fault: ({ input }) =>
      input.Filters?.some((f: { Field: string; Value: string }) => f.Field === "instanceType" && f.Value === "m5.large")
        ? { status: 500, type: "InternalErrorException", message: "try later" }
        : undefined,
  });
});
afterAll(async () => {
  await api.close();
  rmSync(scratch, { recursive: true, force: true });
});
afterEach(() => {
  api.requests.length = 0;
});

async function run(argv: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string; tty?: boolean } = {}) {
  let stdout = "";
  let stderr = "";
  const io: CliIO = { stdout: (t) => void (stdout += chunkText(t)), stderr: (t) => void (stderr += t), isTTY: opts.tty ?? false, env: opts.env ?? CREDS, cwd: opts.cwd ?? process.cwd() };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

function tempFile(name: string): string {
  return join(mkdtempSync(join(scratch, "t-")), name);
}

/** Every row of the price table except EC2 instance rows. */
const otherRows = (s: PriceSnapshot) =>
  Object.fromEntries(Object.entries(s.prices).map(([region, rows]) => [region, Object.fromEntries(Object.entries(rows).filter(([k]) => !k.startsWith("ec2-instance|")))]));

describe("costgate pricing refresh", () => {
  it("rebuilds the chosen prices from the API into a snapshot of the same format, keeping other rows and datasets", async () => {
    const out = tempFile("price-snapshot.json");
    const r = await run(["pricing", "refresh", "--regions", "us-east-1,eu-west-1", "--types", "p5.48xlarge,g5.xlarge,g6.xlarge,p5e.48xlarge", "--out", out, "--pricing-endpoint", api.endpoint]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    // 2 regions × 4 types, one request each.
    expect(api.getProducts()).toHaveLength(8);
    expect(api.requests.every((q) => q.signature.valid && q.signature.region === "us-east-1")).toBe(true);

    const snap = JSON.parse(readFileSync(out, "utf8")) as PriceSnapshot;
    expect(Object.keys(snap)).toEqual(Object.keys(SNAPSHOT));
    expect(snap.schema).toBe("costgate.price-snapshot/v2");
    expect(snap.prices["us-east-1"]!["ec2-instance|p5.48xlarge"]).toEqual([50, DS, "hours"]);
    expect(snap.prices["us-east-1"]!["ec2-instance|g5.xlarge"]).toEqual([1.006, DS, "hours"]);
    expect(snap.prices["eu-west-1"]!["ec2-instance|g6.xlarge"]).toEqual([0.9, DS, "hours"]);
    // Untouched rows keep their dataset and date; every old dataset is still there; the new one is dated today.
    expect(snap.prices["us-east-1"]!["ec2-instance|m5.large"]).toEqual(SNAPSHOT.prices["us-east-1"]!["ec2-instance|m5.large"]);
    expect(snap.prices["eu-west-1"]!["ec2-instance|g4dn.xlarge"]).toEqual(SNAPSHOT.prices["eu-west-1"]!["ec2-instance|g4dn.xlarge"]);
    expect(snap.prices["eu-west-1"]!["ec2-instance|g5.xlarge"]).toEqual([1.123, DS, "hours"]);
    // Rows other than the EC2 types asked for (storage, SageMaker, EKS, uniform rows) are untouched.
    expect(otherRows(snap)).toEqual(otherRows(SNAPSHOT));
    for (const [id, d] of Object.entries(SNAPSHOT.datasets)) expect(snap.datasets[id]).toEqual(d);
    expect(snap.datasets[DS]).toMatchObject({ asOf: TODAY, retrievedFrom: api.endpoint, confidence: expect.stringContaining("AWS Price List") });
    expect(snap.prices["us-east-1"]!["ec2-instance|p5e.48xlarge"]).toBeUndefined();
    expect(snap.builtFrom).toBe(`${SNAPSHOT.builtFrom}; refreshed from the AWS Price List API ${TODAY}`);

    expect(r.stdout).toContain("refreshed 5 of 8 prices from the AWS Price List API (8 requests): 1 changed, 1 added, 3 not offered, 0 failed");
    expect(r.stdout).toContain(`ec2-instance|us-east-1|p5.48xlarge: ${SNAPSHOT.prices["us-east-1"]!["ec2-instance|p5.48xlarge"]![0]} → 50`);
    expect(r.stdout).toContain("ec2-instance|eu-west-1|g6.xlarge: added");

    // The snapshot source reads the refreshed file like the embedded one, dated by the new dataset.
    const q = new SnapshotPriceSource(snap).quoteOne(ec2InstancePrice("us-east-1", "p5.48xlarge"));
    expect(q).toMatchObject({ priced: true, usdPerUnit: 50, origin: { label: `snapshot ${TODAY}` } });
  });

  it("refreshes every row of a region (EC2 and storage) by default, updating an existing file in place", async () => {
    const out = tempFile("small.json");
    const small: PriceSnapshot = {
      ...SNAPSHOT,
      prices: {
        "us-east-1": {
          "ec2-instance|g5.xlarge": [1.1, "vantage-via-tsaol-2026-01-21", "hours"],
          "ec2-instance|p5.48xlarge": [55.04, "karpenter-us-east-1-2026-07-20", "hours"],
          "ebs-storage|gp3": [0.08, "infracost-golden-us-east-1-storage", "GB-months"],
          "ebs-throughput|gp3": [0.04, "infracost-golden-us-east-1-storage", "MiBps-months"],
        },
      },
    };
    writeFileSync(out, JSON.stringify(small));
    const r = await run(["pricing", "refresh", "--out", out, "--pricing-endpoint", api.endpoint, "--concurrency", "2"]);
    expect(r.code).toBe(0);
    expect(api.getProducts()).toHaveLength(4);
    const snap = JSON.parse(readFileSync(out, "utf8")) as PriceSnapshot;
    expect(snap.prices).toEqual({
      "us-east-1": {
        "ec2-instance|g5.xlarge": [1.006, DS, "hours"],
        "ec2-instance|p5.48xlarge": [50, DS, "hours"],
        "ebs-storage|gp3": [0.08, DS, "GB-months"],
        "ebs-throughput|gp3": [0.04, DS, "MiBps-months"],
      },
    });
    expect(r.stdout).toContain("refreshed 4 of 4 prices");
    expect(r.stdout).toContain("2 changed");
  });

  it("keeps the old price, with a warning, when a lookup fails", async () => {
    const out = tempFile("snap.json");
    const r = await run(["pricing", "refresh", "--regions", "us-east-1", "--types", "m5.large,g5.xlarge", "--out", out, "--pricing-endpoint", api.endpoint]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("costgate: warning: kept the snapshot price for ec2-instance|us-east-1|m5.large: InternalErrorException: try later\n");
    const snap = JSON.parse(readFileSync(out, "utf8")) as PriceSnapshot;
    expect(snap.prices["us-east-1"]!["ec2-instance|m5.large"]).toEqual(SNAPSHOT.prices["us-east-1"]!["ec2-instance|m5.large"]);
    expect(r.stdout).toContain("1 failed");
  });

  it("writes nothing and exits 2 when no price could be refreshed", async () => {
    const out = tempFile("snap.json");
    const r = await run(["pricing", "refresh", "--regions", "us-east-1", "--types", "m5.large", "--out", out, "--pricing-endpoint", api.endpoint]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/costgate pricing: error: no price could be refreshed from the AWS Price List API \(ec2-instance\|us-east-1\|m5\.large: InternalErrorException: try later\)/);
    expect(existsSync(out)).toBe(false);
  });

  it("refuses the bundles' split snapshot file (no price table) with one clear error, before any request", async () => {
    const out = tempFile("price-snapshot.json");
    writeFileSync(out, readFileSync(join(import.meta.dirname, "..", "..", "lib", "cli", "price-snapshot.json")));
    const before = readFileSync(out, "utf8");
    const r = await run(["pricing", "refresh", "--types", "g5.xlarge", "--out", out, "--pricing-endpoint", api.endpoint]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`costgate: error: ${out} at /prices: has no price table (\`prices\`): the split copy a bundle reads; pass --out src/pricing/snapshot/price-snapshot.json or a full snapshot\n`);
    expect(readFileSync(out, "utf8")).toBe(before);
    expect(api.requests).toHaveLength(0);
  });

  it("needs credentials, and says so in one line without sending a request", async () => {
    const r = await run(["pricing", "refresh", "--types", "g5.xlarge", "--out", tempFile("x.json"), "--pricing-endpoint", api.endpoint], { env: {} });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^costgate pricing: error: pricing refresh needs AWS credentials allowed pricing:GetProducts \(CredentialsProviderError: .+\)\n$/);
    expect(api.requests).toHaveLength(0);
  });

  it("shows a progress line on a TTY only", async () => {
    const args = ["pricing", "refresh", "--regions", "us-east-1", "--types", "p5.48xlarge,g5.xlarge", "--pricing-endpoint", api.endpoint];
    const tty = await run([...args, "--out", tempFile("a.json")], { tty: true });
    expect(tty.stderr).toBe("\rpricing refresh: 1/2 prices\rpricing refresh: 2/2 prices\r\x1b[K");
    const pipe = await run([...args, "--out", tempFile("b.json")]);
    expect(pipe.stderr).toBe("");
  });

  it.each<[string[], RegExp]>([
    [["pricing"], /costgate pricing: missing subcommand\n\nUsage: costgate pricing refresh/],
    [["pricing", "update"], /unknown arguments `update`/],
    [["pricing", "refresh", "--types", "P5!"], /bad --types value `P5!`; expected an EC2 instance type/],
    [["pricing", "refresh", "--regions", "useast"], /bad --regions value `useast`/],
    [["pricing", "refresh", "--concurrency", "0"], /bad --concurrency `0`/],
    [["pricing", "refresh", "--pricing-region", "us-west-2"], /unknown --pricing-region `us-west-2`/],
  ])("%j fails with one line and exit code 2", async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(api.requests).toHaveLength(0);
  });

  it("prints help, and refuses to guess the snapshot path outside the repository", async () => {
    const help = await run(["pricing", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("costgate pricing refresh");
    const elsewhere = await run(["pricing", "refresh", "--pricing-endpoint", api.endpoint], { cwd: scratch });
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.stderr).toMatch(/no snapshot at .*src\/pricing\/snapshot\/price-snapshot\.json; run from the costgate repository or pass --out/);
  });
});
