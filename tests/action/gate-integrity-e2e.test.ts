// Issue 12, end to end: a pull request cannot loosen the gate that judges it. Each case runs the action against the
// loopback fake GitHub API (and the fake Price List API where prices matter), in a real git repository whose base
// commit holds the policy: in this process (src/action/run.ts), except two runs of the bundled dist/index.js as a
// child process: `prices: aws` (the bundle once crashed loading the AWS SDK sources it imports dynamically) and
// the synth-command test (the synth command writes to the inherited stdio of the process: only a child process
// shows that nothing reaches stderr).
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FakeGitHub } from "../fakes/fake-github-api.js";
import { startFakePricingApi, TEST_CREDENTIALS, type FakePricingApi } from "../fakes/fake-pricing-api.js";
import { ec2InstanceProduct } from "../fakes/price-list-documents.js";
import {
  BASE_INSTANCES,
  DIST,
  OVER_BUDGET_INSTANCES,
  POLICY,
  prPayload,
  runActionInProcess,
  runBundledAction,
  startE2eFixture,
  writeCdktfOut,
  type ActionRunner,
  type E2eFixture,
  type RunResult,
} from "./action-runner.js";
import { createTestRepo, type TestRepo } from "./git-repo.js";


const BASE = BASE_INSTANCES;
const OVER_BUDGET = OVER_BUDGET_INSTANCES;

let api: FakeGitHub;
let repo: TestRepo;
let baseSha: string;
let headSha: string;
let runnerDir: string;

beforeAll(() => {
  if (!existsSync(DIST)) throw new Error("dist/index.js is missing: run `npm run bundle`");
});

let fixture: E2eFixture;

beforeEach(async () => {
  fixture = await startE2eFixture({ wendy: "write" });
  ({ api, repo, baseSha, headSha, runnerDir } = fixture);
});

afterEach(() => fixture.close());

/** Run the action once for PR 7 (or `o.payload`): in this process unless `o.runner` says otherwise (see action-runner.ts). */
const run = (inputs: Record<string, string> = {}, o: { eventName?: string; payload?: unknown; env?: Record<string, string>; repoDir?: string; runner?: ActionRunner } = {}) =>
  (o.runner ?? runActionInProcess)({
    apiUrl: api.url,
    repoDir: o.repoDir ?? repo.dir,
    runnerDir,
    eventName: o.eventName ?? "pull_request",
    payload: o.payload ?? prPayload(headSha, baseSha),
    inputs,
    ...(o.env ? { env: o.env } : {}),
  });

const report = (r: RunResult) => JSON.parse(readFileSync(r.outputs["report-path"]!, "utf8"));
const ruleIds = (findings: { ruleId: string }[]) => findings.map((f) => f.ruleId).sort();

describe("1. usage from the pull request", () => {
  const DISCOUNT = "resource_type_default_usage:\n  aws_instance: {monthly_hrs: 0, instance_count: 1}\n";

  it("a usage file on the base commit is read from the base: the PR's edited copy cannot discount its compute", async () => {
    repo.git("checkout", "-q", baseSha);
    rmSync(join(repo.dir, "head-out"), { recursive: true });
    repo.write("usage.yml", "resource_usage: {}\n");
    baseSha = repo.commit("base with a usage file");
    repo.git("checkout", "-q", "-");
    writeCdktfOut(join(repo.dir, "head-out"), OVER_BUDGET);
    repo.write("usage.yml", DISCOUNT);
    const r = await run({ usage: "usage.yml" });
    expect(r.stdout.split("\n").filter((l) => l.startsWith("::error::"))).toEqual([expect.stringContaining("mandatory policy finding")]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(Number(r.outputs["monthly-cost"])).toBeGreaterThan(30_000);
    expect(ruleIds(report(r).verdict.findings)).toEqual(["CG-BUD-001"]);
  });

  it("a usage file the PR adds that lowers compute is shown and is a CG-USAGE-PR finding; only an override approves it", async () => {
    repo.write("usage.yml", DISCOUNT);
    let r = await run({ usage: "usage.yml" });
    expect(r.stdout.split("\n").filter((l) => l.startsWith("::error::"))).toEqual([expect.stringContaining("mandatory policy finding")]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const rep = report(r);
    expect(ruleIds(rep.verdict.findings)).toEqual(["CG-USAGE-PR", "CG-USAGE-PR"]);
    expect(rep.verdict.findings.find((f: { address: string }) => f.address === "aws_instance.trainer").message).toMatch(/lowers .*: 0 instead of 730 hours\/month, \$[\d,.]+\/month less/);
    expect(rep.notices.join("\n")).toMatch(/usage from the pull request lowers ml-train\/aws_instance\.trainer .* to 0 hours\/month \(the plan says 730\)/);
    expect(r.summary, r.summary.slice(-3000)).toContain("CG\\-USAGE\\-PR");
    expect(r.summary.match(/No pull request comment[^\n]*/)?.[0]).toBeUndefined();
    expect(comments()[0]!.body).toContain("CG\\-USAGE\\-PR");
    // The central policy's override label, applied by a writer after the head was pushed, approves it.
    api.applyLabel(7, "cost-override", "wendy");
    r = await run({ usage: "usage.yml" });
    expect(r.code).toBe(0);
    expect(ruleIds(report(r).verdict.waived)).toEqual(["CG-USAGE-PR", "CG-USAGE-PR"]);
  });
});

const comments = () => api.state.comments.get(7) ?? [];

describe("2. a policy file that is not on the base commit", () => {
  it("is refused when it declares exemptions, overrides or a central layer (it would waive the base's rules)", async () => {
    repo.write(
      "policies/project.yaml",
      `apiVersion: costgate.policy/v1
metadata: {name: sneaky, layer: central}
rules: []
exemptions:
  - {rule: CG-BUD-001, address: "*", reason: "we need it for the demo", owner: dev, expires: 2099-12-31}
`,
    );
    const r = await run({ policy: "policies/cost.yaml\npolicies/project.yaml" });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error::costgate: policies\/project\.yaml:\d+:\d+: `exemptions` in a policy file that is not on the base commit \(added by this pull request\) is refused/m);
    expect(r.outputs.verdict).toBeUndefined();
  });

  it("may add a rule: it is evaluated as a project policy next to the base's policy", async () => {
    repo.write(
      "policies/project.yaml",
      `apiVersion: costgate.policy/v1
metadata: {name: stricter}
rules:
  - {id: PRJ-1, description: No p5 here, severity: high, enforcement: hard-mandatory, check: {kind: instance-types, deny: ["p5.48xlarge"]}}
`,
    );
    const r = await run({ policy: "policies/cost.yaml\npolicies/project.yaml" });
    expect(r.code).toBe(1);
    const rep = report(r);
    expect(ruleIds(rep.verdict.findings)).toEqual(["CG-BUD-001", "PRJ-1"]);
    expect(rep.policySource).toBe("base+pull-request");
  });
});

describe("3. base files are read through git's tree", () => {
  it("a policy behind a symlinked directory on the base is read from the base, not through the link in the checkout", async () => {
    const r2 = createTestRepo();
    try {
      r2.write("governance/cost.yaml", POLICY(5000));
      symlinkSync("governance", join(r2.dir, "policies"));
      writeCdktfOut(join(r2.dir, "base-out"), BASE);
      const base = r2.commit("base: policies -> governance");
      r2.write("governance/cost.yaml", POLICY(1_000_000_000));
      const head = r2.commit("head: loosen");
      writeCdktfOut(join(r2.dir, "head-out"), OVER_BUDGET);
      const r = await run({}, { repoDir: r2.dir, payload: prPayload(head, base) });
      expect(r.stderr).toBe("");
      expect(r.code).toBe(1);
      expect(ruleIds(report(r).verdict.findings)).toEqual(["CG-BUD-001"]);
      expect(report(r).verdict.policyFiles).toEqual([`policies/cost.yaml@${base.slice(0, 7)}`]);
    } finally {
      r2.remove();
    }
  });
});

describe("4. events other than pull_request", () => {
  it("merge_group: the policy is read from merge_group.base_sha", async () => {
    const r = await run({}, { eventName: "merge_group", payload: { merge_group: { head_sha: headSha, base_sha: baseSha, head_ref: "gh-readonly-queue/main/pr-7-x" } } });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(report(r).policySource).toBe("base");
    expect(report(r).verdict.policyFiles).toEqual([`policies/cost.yaml@${baseSha.slice(0, 7)}`]);
    expect(r.summary).toContain("policies from the base commit");
  });

  it("pull_request_review: the pull request's base", async () => {
    const r = await run({}, { eventName: "pull_request_review", payload: { ...prPayload(headSha, baseSha), review: { state: "approved" } } });
    expect(r.code).toBe(1);
    expect(report(r).verdict.policyFiles).toEqual([`policies/cost.yaml@${baseSha.slice(0, 7)}`]);
  });

  it.each(["push", "workflow_dispatch"])("%s: no base commit, so policy-source base is refused (never a mislabelled checkout)", async (eventName) => {
    const r = await run({}, { eventName, payload: { ref: "refs/heads/feature", before: baseSha, after: headSha } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^::error::costgate: action inputs: \`policy-source: base\` needs a base commit, and the \`${eventName}\` event has none`, "m"));
    expect(r.outputs.verdict).toBeUndefined();
  });
});

describe("5. override labels are bound to the head they approved", () => {
  it("a label applied before the author pushed a bigger change no longer counts, and the comment says why", async () => {
    api.applyLabel(7, "cost-override", "wendy");
    let r = await run();
    expect(r.code).toBe(0);
    // The author pushes a much bigger change; the label is still on the PR.
    repo.write("note.txt", "bigger\n");
    const pushed = repo.commit("head: bigger");
    writeCdktfOut(join(repo.dir, "head-out"), { ...OVER_BUDGET, "ml-train": { trainer: "p5.48xlarge", trainer2: "p5.48xlarge", trainer3: "p5.48xlarge" } });
    api.state.pulls.set(7, { headSha: pushed, baseSha, state: "open" });
    api.recordRun(pushed);
    r = await run({}, { payload: prPayload(pushed, baseSha) });
    expect(r.code).toBe(1);
    expect(report(r).overrides).toEqual([]);
    expect(comments()[0]!.body).toMatch(/label &quot;cost\\-override&quot; no longer counts: wendy applied it at .*, before head [0-9a-f]{7} was pushed/);
  });
});

describe("6. every prices mode runs (against the loopback Price List endpoint), `aws` also in the bundle", () => {
  let pricing: FakePricingApi;
  beforeEach(async () => {
    pricing = await startFakePricingApi({
      products: [ec2InstanceProduct("us-east-1", "p5.48xlarge", "99.0000000000"), ec2InstanceProduct("us-east-1", "g5.xlarge", "1.0060000000"), ec2InstanceProduct("us-east-1", "m5.large", "0.0960000000")],
    });
  });
  afterEach(() => pricing.close());
  const creds = () => ({ AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey, AWS_ENDPOINT_URL_PRICING: pricing.endpoint, AWS_ENDPOINT_URL_EC2: "http://127.0.0.1:9" });

  it("snapshot: no request", async () => {
    const r = await run({ prices: "snapshot" }, { env: creds() });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(pricing.getProducts()).toHaveLength(0);
  });

  it.each([
    ["aws", "in process", runActionInProcess],
    ["aws", "the bundled dist/index.js", runBundledAction],
    ["auto", "in process", runActionInProcess],
    ["auto", "the bundled dist/index.js", runBundledAction],
  ] as const)("%s with credentials (%s): live prices from the endpoint", async (prices, _, runner) => {
    const r = await run({ prices }, { env: creds(), runner });
    expect(r.stderr).toBe("");
    expect(r.stdout).not.toContain("Cannot destructure");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Prices: AWS Price List API");
    expect(pricing.getProducts({ Field: "instanceType", Value: "p5.48xlarge" }).length).toBeGreaterThan(0);
    expect(Number(r.outputs["monthly-cost"])).toBeGreaterThan(730 * 99);
  });

  it("auto without credentials: the snapshot, said so", async () => {
    const r = await run({ prices: "auto" }, { env: { AWS_ENDPOINT_URL_PRICING: pricing.endpoint } });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Prices: embedded snapshot (no AWS credentials found)");
    expect(pricing.getProducts()).toHaveLength(0);
  });

  it("7. the action keeps no price cache between runs: a planted price of an earlier run never reaches a verdict", async () => {
    const poisoned = await startFakePricingApi({ products: [ec2InstanceProduct("us-east-1", "p5.48xlarge", "0.0001000000"), ec2InstanceProduct("us-east-1", "m5.large", "0.0960000000")] });
    try {
      // A first run (same user, same HOME) sees a tiny price, as a planted cache entry would hold it.
      await run({ prices: "aws" }, { env: { ...creds(), AWS_ENDPOINT_URL_PRICING: poisoned.endpoint } });
    } finally {
      await poisoned.close();
    }
    const r = await run({ prices: "aws" }, { env: creds() });
    expect(r.code).toBe(1);
    expect(Number(r.outputs["monthly-cost"])).toBeGreaterThan(730 * 99);
    expect(existsSync(join(runnerDir, ".cache", "costgate"))).toBe(false);
  });
});

describe("8. synth-command environment", () => {
  it("the base is synthesized from the base commit and priced; the synthesis sees an allow-listed environment, no runner command files and no persisted credentials", async () => {
    const probe = join(runnerDir, "synth-env.txt");
    mkdirSync(join(runnerDir, "home"));
    repo.git("checkout", "-q", baseSha);
    repo.write(
      "synth.sh",
      [
        "set -e",
        "cp -r base-out head-out",
        'for v in NPM_TOKEN TF_TOKEN_app_terraform_io ARM_CLIENT_SECRET GITHUB_ENV GITHUB_PATH GITHUB_OUTPUT GITHUB_STATE RUNNER_TEMP AWS_SECRET_ACCESS_KEY ACTIONS_ID_TOKEN_REQUEST_TOKEN INPUT_GITHUB-TOKEN; do eval "echo $v=\\${$v:-none}" >> "$PROBE_FILE" 2>/dev/null || echo "$v=none" >> "$PROBE_FILE"; done',
        'echo "extraheader=$(git config --get http.https://github.com/.extraheader 2>/dev/null || echo none)" >> "$PROBE_FILE"',
        'echo "dotgit=$(test -e .git && echo yes || echo no)" >> "$PROBE_FILE"',
        'echo "extra=${CDKTF_LOG_LEVEL:-none}" >> "$PROBE_FILE"',
        "",
      ].join("\n"),
    );
    repo.git("add", "synth.sh");
    repo.git("commit", "-q", "-m", "base with a synth script");
    baseSha = repo.git("rev-parse", "HEAD").trim();
    repo.git("checkout", "-q", "-");
    repo.git("config", "http.https://github.com/.extraheader", "AUTHORIZATION: basic c2VjcmV0");
    api.state.pulls.set(7, { headSha, baseSha, state: "open" });
    const r = await run(
      { "base-path": "", "synth-command": 'PROBE_FILE="$HOME/../synth-env.txt"; export PROBE_FILE; sh synth.sh', "synth-env": "CDKTF_LOG_LEVEL" },
      {
        payload: prPayload(headSha, baseSha),
        env: {
          NPM_TOKEN: "npm_secret",
          TF_TOKEN_app_terraform_io: "tf_secret",
          ARM_CLIENT_SECRET: "arm_secret",
          AWS_SECRET_ACCESS_KEY: "leak",
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: "oidc",
          CDKTF_LOG_LEVEL: "debug",
          HOME: join(runnerDir, "home"),
        },
        runner: runBundledAction,
      },
    );
    expect(r.stderr).toBe("");
    const seen = readFileSync(probe, "utf8");
    expect(seen).not.toMatch(/secret|leak|oidc|step-|_runner_file/);
    expect(seen).toContain("AWS_SECRET_ACCESS_KEY=none");
    expect(seen).toContain("ACTIONS_ID_TOKEN_REQUEST_TOKEN=none");
    expect(seen).toContain("NPM_TOKEN=none");
    expect(seen).toContain("GITHUB_ENV=none");
    expect(seen).toContain("extraheader=none");
    expect(seen).toContain("dotgit=no");
    // CDKTF_LOG_LEVEL reaches the command only because synth-env lists it (the environment is an allow-list).
    expect(seen).toContain("extra=debug");
    expect(r.outputs["base-monthly-cost"]).not.toBe("");
    expect(Number(r.outputs.delta)).toBeGreaterThan(30_000);
    expect(r.code).toBe(1);
    // No git worktree is left behind (the base is synthesized in a temporary copy of its tree).
    expect(repo.git("worktree", "list").trim().split("\n")).toHaveLength(1);
  });
});

describe("9. a stalled GitHub API", () => {
  it("times out and fails closed (no override), instead of hanging the step", async () => {
    api.applyLabel(7, "cost-override", "wendy");
    api.state.stall = /\/issues\/7\/labels$/;
    const r = await run({ "github-api-timeout": "1" });
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(30_000);
    expect(report(r).overrides).toEqual([]);
    expect(r.summary).toContain("could not verify the override label");
  });
});
