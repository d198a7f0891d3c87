// Runs the action as the runner does: INPUT_* variables, an event payload file, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY /
// GITHUB_ENV files and RUNNER_TEMP, against the loopback fake GitHub API, in a real git repository. Either in this
// process (`runActionInProcess`: src/action/run.ts, what most end-to-end tests use) or as the bundled dist/index.js
// in a child process (`runBundledAction`: the few tests about the bundle or the process itself).
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakeGitHub, type FakeGitHub } from "../fakes/fake-github-api.js";
import { withProcessState } from "../helpers/process-state.js";
import { run } from "../../src/action/run.js";
import { createTestRepo, type TestRepo } from "./git-repo.js";

// COSTGATE_E2E_DIST runs another bundle (e.g. an older one, to see these tests fail before a fix).
export const DIST = process.env.COSTGATE_E2E_DIST || new URL("../../dist/index.js", import.meta.url).pathname;
const NODE = process.env.COSTGATE_E2E_NODE || process.execPath;

/** The central policy of the end-to-end tests: a monthly budget of `limit` and no g5.12xlarge anywhere. */
export const POLICY = (limit: number) => `apiVersion: costgate.policy/v1
metadata:
  name: e2e-central
  layer: central
overrides:
  label: cost-override
rules:
  - id: CG-BUD-001
    description: Monthly budget for the whole change
    severity: high
    enforcement: soft-mandatory
    check: {kind: budget, limit: ${limit}}
  - id: CG-GPU-001
    description: No g5.12xlarge anywhere
    severity: critical
    enforcement: hard-mandatory
    check: {kind: instance-types, deny: ["g5.12xlarge"]}
`;

export type Instances = Record<string, Record<string, string>>; // stack → resource name → instance type

/** Write a cdktf output directory (manifest.json + stacks/<name>/cdk.tf.json), as `cdktf synth` does. */
export function writeCdktfOut(dir: string, stacks: Instances, opts: { count?: number } = {}): void {
  const manifest = { version: "0.21.0", stacks: {} as Record<string, unknown> };
  for (const [stack, instances] of Object.entries(stacks)) {
    manifest.stacks[stack] = {
      name: stack,
      constructPath: stack,
      workingDirectory: `stacks/${stack}`,
      synthesizedStackPath: `stacks/${stack}/cdk.tf.json`,
      annotations: [],
      dependencies: [],
    };
    const resource = {
      aws_instance: Object.fromEntries(
        Object.entries(instances).map(([name, type]) => [
          name,
          { "//": { metadata: { path: `${stack}/${name}`, uniqueId: name } }, ami: "ami-123", instance_type: type, tags: { Name: name }, ...(opts.count ? { count: opts.count } : {}) },
        ]),
      ),
    };
    const stackJson = {
      "//": { metadata: { backend: "local", stackName: stack, version: "0.21.0" } },
      provider: { aws: [{ region: "us-east-1", default_tags: [{ tags: { team: "ml", environment: "dev" } }] }] },
      resource,
    };
    mkdirSync(join(dir, "stacks", stack), { recursive: true });
    writeFileSync(join(dir, "stacks", stack, "cdk.tf.json"), JSON.stringify(stackJson, null, 2));
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  ms: number;
}

function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^(.+?)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (let m; (m = re.exec(text)); ) out[m[1]!] = m[3]!;
  return out;
}

export interface RunOptions {
  apiUrl: string;
  repoDir: string;
  runnerDir: string;
  eventName?: string;
  payload: unknown;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
}

/** One step's runner files (empty), its event payload and its whole environment: every input set, as the runner applies action.yml defaults. */
interface Step {
  env: Record<string, string>;
  output: string;
  summary: string;
}

function prepareStep(o: RunOptions): Step {
  const step = mkdtempSync(join(o.runnerDir, "step-"));
  const files = Object.fromEntries(["output", "summary", "env", "path", "state"].map((f) => [f, join(step, f)]));
  for (const f of Object.values(files)) writeFileSync(f, "");
  writeFileSync(join(step, "event.json"), JSON.stringify(o.payload));
  const allInputs: Record<string, string> = {
    path: "head-out",
    "base-path": "base-out",
    "synth-command": "",
    "synth-env": "",
    policy: "policies/cost.yaml",
    "policy-source": "base",
    usage: "",
    "price-book": "",
    "usage-source": "base",
    prices: "snapshot",
    "spot-discount": "",
    region: "us-east-1",
    "allow-unknown-types": "false",
    "github-token": "ghs_faketoken",
    "github-api-timeout": "30",
    comment: "update",
    "comment-key": "default",
    "comment-author": "github-actions[bot]",
    "comment-when-unchanged": "false",
    "fail-on": "mandatory",
    "report-path": join(step, "report.json"),
    "sarif-path": "",
    "top-resources": "10",
    ...o.inputs,
  };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: o.runnerDir,
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_API_URL: o.apiUrl,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_REPOSITORY: "o/r",
    GITHUB_REPOSITORY_OWNER: "o",
    GITHUB_EVENT_NAME: o.eventName ?? "pull_request",
    GITHUB_EVENT_PATH: join(step, "event.json"),
    GITHUB_SHA: "c".repeat(40),
    GITHUB_REF: "refs/pull/7/merge",
    GITHUB_WORKSPACE: o.repoDir,
    GITHUB_RUN_ID: "4242",
    GITHUB_OUTPUT: files.output!,
    GITHUB_STEP_SUMMARY: files.summary!,
    GITHUB_ENV: files.env!,
    GITHUB_PATH: files.path!,
    GITHUB_STATE: files.state!,
    RUNNER_TEMP: step,
    RUNNER_OS: "Linux",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    // No AWS configuration from the test machine.
    AWS_CONFIG_FILE: join(o.runnerDir, "no-aws-config"),
    AWS_SHARED_CREDENTIALS_FILE: join(o.runnerDir, "no-aws-credentials"),
    AWS_EC2_METADATA_DISABLED: "true",
    ...Object.fromEntries(Object.entries(allInputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ...o.env,
  };
  return { env, output: files.output!, summary: files.summary! };
}

function result(step: Step, code: number | null, stdout: string, stderr: string, started: number): RunResult {
  return { code, stdout, stderr, outputs: parseOutputs(readFileSync(step.output, "utf8")), summary: readFileSync(step.summary, "utf8"), ms: Date.now() - started };
}

/** Run dist/index.js once in a child process, as the runner does. */
export async function runBundledAction(o: RunOptions): Promise<RunResult> {
  const step = prepareStep(o);
  const started = Date.now();
  const child = spawn(NODE, [DIST], { cwd: o.repoDir, env: step.env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  return result(step, code, stdout, stderr, started);
}

/**
 * Run the action's `run()` once in this process, with the same step as `runBundledAction`. `run` gets the step's
 * environment explicitly; for the duration of the call the process is also made to look like the step's (see
 * withProcessState), because what the action uses reads the process itself: `@actions/core` writes outputs to
 * `process.env.GITHUB_OUTPUT`, the log to `process.stdout` and fails the step through `process.exitCode`; the AWS
 * SDK's credential chain reads `process.env` (and ~/.aws through HOME); plan paths are relative to
 * `process.cwd()`, the repository. Stdout/stderr writes are captured and the exit code is `process.exitCode` as
 * run() leaves it (dist/index.js exits with it); all of it is restored afterwards.
 * What this cannot capture: output of child processes that inherit the process's stdio (the synth command).
 */
export async function runActionInProcess(o: RunOptions): Promise<RunResult> {
  const step = prepareStep(o);
  const savedExitCode = process.exitCode;
  const out = process.stdout.write;
  const err = process.stderr.write;
  let stdout = "";
  let stderr = "";
  const capture =
    (append: (text: string) => void) =>
    (chunk: string | Uint8Array, encoding?: BufferEncoding | ((e?: Error | null) => void), cb?: (e?: Error | null) => void): boolean => {
      append(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString(typeof encoding === "string" ? encoding : "utf8"));
      (typeof encoding === "function" ? encoding : cb)?.();
      return true;
    };
  const started = Date.now();
  const code = await withProcessState({ env: step.env, cwd: o.repoDir }, async () => {
    process.exitCode = undefined;
    process.stdout.write = capture((t) => (stdout += t)) as typeof process.stdout.write;
    process.stderr.write = capture((t) => (stderr += t)) as typeof process.stderr.write;
    try {
      await run({ ...step.env });
      return Number(process.exitCode ?? 0);
    } finally {
      process.stdout.write = out;
      process.stderr.write = err;
      process.exitCode = savedExitCode;
    }
  });
  return result(step, code, stdout, stderr, started);
}

/** Signature shared by both ways of running the action. */
export type ActionRunner = (o: RunOptions) => Promise<RunResult>;

/**
 * A pull_request event payload for PR 7 of o/r. `fork` makes the head come from another repository; `labels`
 * are the labels in the payload (the action re-reads them from the API); `title` is untrusted text.
 */
export function prPayload(headSha: string, baseSha: string, opts: { fork?: boolean; labels?: readonly string[]; title?: string } = {}) {
  return {
    action: "synchronize",
    number: 7,
    pull_request: {
      number: 7,
      state: "open",
      title: opts.title ?? "t",
      user: { login: "dev" },
      labels: (opts.labels ?? []).map((name) => ({ name })),
      head: { sha: headSha, ref: "feature", repo: { full_name: opts.fork ? "mallory/r" : "o/r", fork: Boolean(opts.fork) } },
      base: { sha: baseSha, ref: "main", repo: { full_name: "o/r", fork: false } },
    },
    repository: { full_name: "o/r", name: "r", owner: { login: "o" } },
    sender: { login: "dev" },
  };
}

/** The base and head infrastructure of the end-to-end pull request: the head swaps the trainer for a p5. */
export const BASE_INSTANCES: Instances = { "ml-train": { trainer: "g5.xlarge" }, "ml-serve": { web: "m5.large" } };
export const OVER_BUDGET_INSTANCES: Instances = { "ml-train": { trainer: "p5.48xlarge" }, "ml-serve": { web: "m5.large" } };

/** A repository with a base and a head commit, PR 7 between them on the fake GitHub API, and a runner folder. */
export interface E2eFixture {
  api: FakeGitHub;
  repo: TestRepo;
  baseSha: string;
  headSha: string;
  runnerDir: string;
  close(): Promise<void>;
}

/** The repository of `startE2eFixture`, built once per test file and copied for each test. */
let e2eTemplate: { repo: TestRepo; baseSha: string; headSha: string } | undefined;

/**
 * The pull request every end-to-end test starts from: the base commit has the central policy (budget $5,000) and
 * `base-out`; the head raises the budget in the policy file (the action must keep the base's) and writes
 * `head-out` over budget. The head was pushed (a workflow run exists) before any override label is applied.
 * Each call gets its own copy of the repository (see createTestRepo), its own fake API and runner folder.
 */
export async function startE2eFixture(permissions: Readonly<Record<string, string>>): Promise<E2eFixture> {
  if (!e2eTemplate) {
    const template = createTestRepo();
    template.write("policies/cost.yaml", POLICY(5000));
    writeCdktfOut(join(template.dir, "base-out"), BASE_INSTANCES);
    const baseSha = template.commit("base: policy and infrastructure");
    template.write("policies/cost.yaml", POLICY(1_000_000_000));
    const headSha = template.commit("head: loosen the policy");
    writeCdktfOut(join(template.dir, "head-out"), OVER_BUDGET_INSTANCES);
    e2eTemplate = { repo: template, baseSha, headSha };
    process.once("exit", () => template.remove());
  }
  const { baseSha, headSha } = e2eTemplate;
  const repo = createTestRepo(e2eTemplate.repo);
  const api = await startFakeGitHub();
  for (const [login, role] of Object.entries(permissions)) api.state.permissions.set(login, role as never);
  api.state.pulls.set(7, { headSha, baseSha, state: "open" });
  api.recordRun(headSha);
  const runnerDir = mkdtempSync(join(tmpdir(), "costgate-runner-"));
  return {
    api,
    repo,
    baseSha,
    headSha,
    runnerDir,
    close: async () => {
      await api.close();
      repo.remove();
      rmSync(runnerDir, { recursive: true, force: true });
    },
  };
}
