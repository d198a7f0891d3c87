// Doc-tests: every code block of the README is executed or checked, so the README cannot drift from the code.
//   ts      programs: compiled (transpile only) and run with node in a scratch project that has costgate
//           installed (node_modules/costgate → this checkout, built by `npm test`), in document order, the
//           ones that synthesize an app first (later blocks use their cdktf.out);
//   sh      every costgate command is run there (exit 0, or 1 for a blocking `check`), by the CLI in this process
//           (the launcher bin/costgate.js has its own tests); other commands must be ones whose result the scratch
//           project already has (PROVIDED), else the test fails;
//   yaml    policies and rule/exemption/override fragments are validated by the policy loader, usage files
//           by the usage loader, workflows against action.yml's inputs;
//   json(c) parsed; the estimate and verdict sketches must name only fields the real JSON output has;
//   plain   output samples, not run.
// `<!-- doctest: file NAME -->` before a block writes it into the scratch project; `<!-- doctest: skip (why) -->`
// skips a block, with the reason in the README itself.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePolicy } from "../../src/policy/load-policy.js";
import { parseUsage } from "../../src/pricing/usage.js";
import { parsePriceBook } from "../../src/pricing/price-book/load-price-book.js";
import { withProcessState } from "../helpers/process-state.js";
import { runCliCaptured } from "../helpers/run-cli.js";
import { codeBlocks, type CodeBlock } from "./markdown-blocks.js";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const README = readFileSync(join(REPO, "README.md"), "utf8");
const blocks = codeBlocks(README);

/** Commands in README shell blocks whose outcome the scratch project already has, and why. */
const PROVIDED: [RegExp, string][] = [
  [/^npm (ci|test|run demo|run bench)$/, "this repository's own scripts: CI runs them"],
  [/^npm install --save-dev \.\/costgate-[\d.]+\.tgz$/, "costgate is installed in the scratch project (tests/package packs and installs the real tarball)"],
  [/^npx cdktf synth$/, "the constructs example was synthesized into cdktf.out"],
  [/^terraform show -json plan\.out > plan\.json$/, "plan.json is a Terraform plan fixture"],
];

let work: string;

beforeAll(() => {
  if (!existsSync(join(REPO, "lib/constructs/index.js"))) throw new Error("lib/ is missing: run `npm run build` (npm test does)");
  work = mkdtempSync(join(tmpdir(), "costgate-readme-"));
  mkdirSync(join(work, "node_modules"));
  for (const name of readdirSync(join(REPO, "node_modules"))) if (!name.startsWith(".")) symlinkSync(join(REPO, "node_modules", name), join(work, "node_modules", name));
  symlinkSync(REPO, join(work, "node_modules/costgate"), "dir");
  writeFileSync(join(work, "package.json"), JSON.stringify({ name: "readme-app", private: true, type: "module" }));
  const copy = (from: string, to: string) => {
    mkdirSync(dirname(join(work, to)), { recursive: true });
    cpSync(join(REPO, from), join(work, to), { recursive: true });
  };
  copy("examples/synth-output/cdktf.out", "base/cdktf.out");
  copy("tests/fixtures/tfplan/gpu-plan.json", "plan.json");
  copy("policies/default.yaml", "policies/default.yaml");
  copy("policies/default.yaml", "p.yaml");
  copy("policies/examples/central.yaml", "central.yaml");
  copy("policies/examples/project.yaml", ".costgate/project.yaml");
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

function env(): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("AWS_") && !k.startsWith("CDKTF_") && !k.startsWith("COSTGATE_")) clean[k] = v;
  return { ...clean, AWS_EC2_METADATA_DISABLED: "true", AWS_CONFIG_FILE: join(work, "none"), AWS_SHARED_CREDENTIALS_FILE: join(work, "none") };
}

function run(cmd: string, args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { cwd: work, env: env(), encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}

/**
 * `costgate ARGV` as the scratch project runs it, by the CLI in this process: working directory, environment
 * (also what the AWS SDK reads from the process) and input paths as in `run`.
 */
function runCostgate(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const e = env();
  return withProcessState({ env: e, cwd: work }, () => runCliCaptured(argv, e));
}

/** Split one shell command into words (single and double quotes; no expansions are used in the README). */
function words(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)) out.push(m[1] ?? m[2] ?? m[3]!);
  return out;
}

async function runShell(block: CodeBlock): Promise<void> {
  for (const raw of block.code.split("\n")) {
    const line = raw.replace(/\s+#.*$/, "").trim();
    if (!line || line.startsWith("#")) continue;
    for (const part of line.split("&&").map((p) => p.trim())) {
      const costgate = /^(?:npx )?costgate (.*)$/.exec(part);
      if (costgate) {
        const argv = words(costgate[1]!);
        const r = await runCostgate(argv);
        const allowed = argv[0] === "check" ? [0, 1] : [0];
        if (!allowed.includes(r.code)) throw new Error(`README line ${block.line}: \`${part}\` exited ${r.code}: ${r.stderr || r.stdout.slice(0, 2000)}`);
        continue;
      }
      if (!PROVIDED.some(([re]) => re.test(part))) throw new Error(`README line ${block.line}: no doc-test handler for \`${part}\` (add one, or a <!-- doctest: skip (why) --> line)`);
    }
  }
}

function runProgram(block: CodeBlock): void {
  const js = ts.transpileModule(block.code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  const file = join(work, `readme-line-${block.line}.mjs`);
  writeFileSync(file, js);
  const r = run(process.execPath, [file]);
  if (r.code !== 0) throw new Error(`README line ${block.line}: the program exited ${r.code}\n${r.stderr}\n${r.stdout}`);
  // A synthesizing example shows its cost line, and its usage file matches what it creates.
  if (/applyCostGovernance/.test(block.code)) {
    expect(r.stderr).toMatch(/^\[[\w-]+\] costgate: estimated (≥ )?\$[\d,.]+\/month/m);
    expect(r.stderr).not.toContain("matches no resource");
  }
}

const POLICY_HEAD = "apiVersion: costgate.policy/v1\nmetadata:\n  name: readme\nrules:\n";

function checkYaml(block: CodeBlock): void {
  const text = block.code;
  const where = `README.md:${block.line}`;
  if (/^apiVersion: costgate\.price-book\/v1$/m.test(text)) parsePriceBook(text, where);
  else if (/^apiVersion: costgate\.policy\/v1$/m.test(text)) parsePolicy(text, where);
  else if (/^- id: /.test(text)) parsePolicy(POLICY_HEAD + text.replace(/^/gm, "  "), where);
  else if (/^(exemptions|overrides):/.test(text)) {
    const full = blocks.find((b) => b.lang === "yaml" && /^apiVersion: costgate\.policy\/v1$/m.test(b.code))!;
    parsePolicy(stringifyYaml({ ...parseYaml(full.code), ...parseYaml(text) }), where);
  } else if (/^(resource_usage|resource_type_default_usage):/m.test(text)) parseUsage(text, where);
  else if (/^jobs:/m.test(text)) {
    const inputs = Object.keys((parseYaml(readFileSync(join(REPO, "action.yml"), "utf8")) as { inputs: object }).inputs);
    const wf = parseYaml(text) as { jobs: Record<string, { steps?: { uses?: string; with?: Record<string, unknown> }[] }> };
    const ours = Object.values(wf.jobs).flatMap((j) => j.steps ?? []).filter((s) => /costgate/.test(s.uses ?? ""));
    expect(ours.length).toBeGreaterThan(0);
    for (const s of ours) for (const k of Object.keys(s.with ?? {})) expect(inputs, `${where}: action input \`${k}\``).toContain(k);
  } else throw new Error(`${where}: no doc-test handler for this YAML block`);
}

/** JSON with // comments (jsonc sketches): strip comments outside strings. */
function parseJsonc(text: string): unknown {
  return JSON.parse(text.replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*/g, (_, s: string | undefined) => s ?? ""));
}

/** Every key of `sketch` (recursively, first array element) is a key of `real`. */
function missingKeys(sketch: unknown, real: unknown, path = ""): string[] {
  if (Array.isArray(sketch)) return Array.isArray(real) && real.length > 0 && sketch.length > 0 ? missingKeys(sketch[0], real[0], `${path}[0]`) : [];
  if (typeof sketch !== "object" || sketch === null || typeof real !== "object" || real === null) return [];
  return Object.entries(sketch).flatMap(([k, v]) =>
    k === "..." ? [] : k in real ? missingKeys(v, (real as Record<string, unknown>)[k], `${path}.${k}`) : [`${path}.${k}`],
  );
}

async function checkJson(block: CodeBlock): Promise<void> {
  const sketch = (block.lang === "jsonc" ? parseJsonc(block.code) : JSON.parse(block.code)) as { schemaVersion?: string };
  if (sketch.schemaVersion === "costgate.estimate/v1" || sketch.schemaVersion === "costgate.verdict/v1") {
    const argv =
      sketch.schemaVersion === "costgate.estimate/v1"
        ? ["estimate", join(REPO, "examples/synth-output/cdktf.out"), "--usage", join(REPO, "examples/synth-output/usage.yml"), "--format", "json"]
        : ["check", "plan.json", "--policy", "policies/default.yaml", "--format", "json"];
    const real: unknown = JSON.parse((await runCostgate(argv)).stdout);
    expect(missingKeys(sketch, real), `README.md:${block.line}: fields the real ${sketch.schemaVersion} output does not have`).toEqual([]);
  }
}

/** Files first, then programs that synthesize (later blocks use their output), then the rest in order. */
const phase = (b: CodeBlock) => (b.directive?.kind === "file" ? 0 : b.lang === "ts" && /costgate\/constructs/.test(b.code) ? 1 : 2);
const ordered = [...blocks].sort((a, b) => phase(a) - phase(b) || a.line - b.line);

describe("README code blocks", () => {
  it("every block is handled: a known language, or a doctest directive", () => {
    const unhandled = blocks.filter((b) => !b.directive && !["", "sh", "ts", "yaml", "json", "jsonc"].includes(b.lang));
    expect(unhandled.map((b) => `line ${b.line}: ${b.lang}`)).toEqual([]);
    expect(blocks.filter((b) => b.directive && !["file", "skip"].includes(b.directive.kind)).map((b) => b.line)).toEqual([]);
    expect(blocks.filter((b) => b.directive?.kind === "skip" && !/^\(.{10,}\)$/.test(b.directive.arg)).map((b) => b.line)).toEqual([]);
  });

  it.each(ordered.filter((b) => b.lang !== "" && b.directive?.kind !== "skip").map((b) => [`line ${b.line} (${b.lang}${b.directive ? `, ${b.directive.kind} ${b.directive.arg}` : ""})`, b] as const))(
    "%s",
    async (_, block) => {
      if (block.directive?.kind === "file") writeFileSync(join(work, block.directive.arg), `${block.code}\n`);
      if (block.lang === "ts") runProgram(block);
      else if (block.lang === "sh") await runShell(block);
      else if (block.lang === "yaml") checkYaml(block);
      else if (block.lang === "json" || block.lang === "jsonc") await checkJson(block);
      if (block.directive?.kind === "file" && block.lang !== "yaml") throw new Error("file blocks are YAML");
      if (phase(block) === 1) {
        expect(existsSync(join(work, "cdktf.out/manifest.json"))).toBe(true);
        cpSync(join(work, "cdktf.out"), join(work, "head/cdktf.out"), { recursive: true });
      }
    },
    120_000,
  );
});
