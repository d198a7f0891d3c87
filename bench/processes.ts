/**
 * What users run, as whole processes: `costgate check --format json`, `estimate --format json` and `diff --format
 * json` (bin/costgate.js) and the bundled Action (dist/index.js), each paired with the floor — a fresh
 * `node -e "JSON.parse(require('fs').readFileSync(f,'utf8'))"` of the same file (twice for diff, which reads two)
 * — in the same run, alternating, medians of the pairs. Wall time, CPU time (user + system) and peak RSS of
 * each process come from a probe loaded with `--import` into both sides (bench/rusage-probe.ts).
 *
 *   node lib/bench/processes.js [1000,10000,50000]
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { writeSyntheticStack } from "./estimate.js";
import { fmt, isMain, median, pad, repoPath } from "./stats.js";
import { synthesizeExampleStacks, type PlanShape, type TemplateStack } from "./synthetic-plan.js";

export const PROCESS_RATIO_GOAL = 3;
/** Peak RSS goal: at most this many times the floor's. */
export const RSS_GOAL = 2;

const PROBE = pathToFileURL(repoPath("lib/bench/rusage-probe.js")).href;
const BIN = repoPath("bin/costgate.js");
const ACTION = repoPath("dist/index.js");
const POLICY = repoPath("policies/default.yaml");

export interface ProcessSample {
  wallMs: number;
  cpuMs: number;
  rssMb: number;
}

/** One fresh process: wall time around it, CPU time and peak RSS from the probe. Throws when it fails. */
export function runProcess(args: string[], env: NodeJS.ProcessEnv, okCodes: readonly number[] = [0, 1]): ProcessSample {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["--import", PROBE, ...args], { env, cwd: repoPath(""), stdio: ["ignore", "ignore", "pipe", "pipe"], maxBuffer: 1 << 24 });
  const wallMs = performance.now() - t0;
  if (r.status === null || !okCodes.includes(r.status))
    throw new Error(`\`node ${args.join(" ")}\` exited ${r.status ?? r.signal}: ${String(r.stderr).trim().split("\n").slice(-3).join(" / ")}`);
  const probe = JSON.parse(String(r.output[3])) as { cpuMs: number; maxRssKb: number };
  return { wallMs, cpuMs: probe.cpuMs, rssMb: probe.maxRssKb / 1024 };
}

export type ProcessCommand = "check" | "estimate" | "diff" | "action";

export interface ProcessRatio {
  command: ProcessCommand;
  shape: PlanShape;
  resources: number;
  pairs: number;
  floor: ProcessSample;
  run: ProcessSample;
  /** Median wall time ÷ the floor's. */
  ratio: number;
  cpuRatio: number;
  rssRatio: number;
}

function commandArgs(command: ProcessCommand, file: string): string[] {
  switch (command) {
    case "check":
      return [BIN, "check", file, "--policy", POLICY, "--format", "json", "--today", "2026-11-30"];
    case "estimate":
      return [BIN, "estimate", file, "--format", "json"];
    case "diff":
      return [BIN, "diff", file, file, "--format", "json"];
    case "action":
      return [ACTION];
  }
}

/** Only what a process needs, and the Action's inputs: price and judge `file` with the default policy, no comment. */
function commandEnv(command: ProcessCommand, file: string, home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, RUNNER_TEMP: home };
  if (command !== "action") return env;
  return { ...env, INPUT_PATH: file, INPUT_POLICY: "policies/default.yaml", "INPUT_POLICY-SOURCE": "head", INPUT_COMMENT: "off", GITHUB_EVENT_NAME: "push" };
}

function floorArgs(command: ProcessCommand, file: string): string[] {
  const reads = command === "diff" ? 2 : 1;
  return ["-e", `for (let i = 0; i < ${reads}; i++) JSON.parse(require("fs").readFileSync(${JSON.stringify(file)}, "utf8"))`];
}

/** Median of each measure over the samples. */
function medianSample(xs: ProcessSample[]): ProcessSample {
  return { wallMs: median(xs.map((x) => x.wallMs)), cpuMs: median(xs.map((x) => x.cpuMs)), rssMb: median(xs.map((x) => x.rssMb)) };
}

export function measureProcessRatio(command: ProcessCommand, shape: PlanShape, resources: number, file: string, pairs: number, home: string): ProcessRatio {
  const env = commandEnv(command, file, home);
  const floorEnv = commandEnv("check", file, home);
  runProcess(commandArgs(command, file), env); // warm the file system cache
  const floor: ProcessSample[] = [];
  const run: ProcessSample[] = [];
  for (let i = 0; i < pairs; i++) {
    // Alternate the order so drift on a shared machine hits both sides alike.
    for (const side of i % 2 ? ["run", "floor"] : ["floor", "run"]) {
      if (side === "floor") floor.push(runProcess(floorArgs(command, file), floorEnv, [0]));
      else run.push(runProcess(commandArgs(command, file), env));
    }
  }
  const f = medianSample(floor);
  const r = medianSample(run);
  return { command, shape, resources, pairs, floor: f, run: r, ratio: r.wallMs / f.wallMs, cpuRatio: r.cpuMs / f.cpuMs, rssRatio: r.rssMb / f.rssMb };
}

export function pairsFor(n: number): number {
  return n <= 1_000 ? 9 : n <= 10_000 ? 5 : 3;
}

/** Which commands run on which shape: check and estimate on both, diff and the Action on synth-shaped plans. */
export const PROCESS_MATRIX: { command: ProcessCommand; shapes: PlanShape[] }[] = [
  { command: "check", shapes: ["synth", "minimal"] },
  { command: "estimate", shapes: ["synth", "minimal"] },
  { command: "diff", shapes: ["synth"] },
  { command: "action", shapes: ["synth"] },
];

/** Every row of PROCESS_MATRIX at every size; prints one line per row. */
export function processRatios(sizes: number[], print: (line: string) => void, templates?: readonly TemplateStack[]): ProcessRatio[] {
  const dir = mkdtempSync(join(tmpdir(), "costgate-bench-processes-"));
  const out: ProcessRatio[] = [];
  try {
    const synth = templates ?? synthesizeExampleStacks();
    const files = new Map<string, string>();
    const fileFor = (shape: PlanShape, n: number) => {
      const key = `${shape}${n}`;
      if (!files.has(key)) files.set(key, writeSyntheticStack(dir, n, shape, synth));
      return files.get(key)!;
    };
    print(`  command             plan     resources  pairs   floor ms    run ms   ratio   CPU ratio   peak RSS MB (floor)   (goal ≤ ${PROCESS_RATIO_GOAL}×, RSS ≤ ${RSS_GOAL}× floor)`);
    for (const { command, shapes } of PROCESS_MATRIX) {
      if (command === "action" && !existsSync(ACTION)) {
        print("  action: n/a (dist/index.js is not built; `npm run bundle`)");
        continue;
      }
      for (const shape of shapes)
        for (const n of sizes) {
          const r = measureProcessRatio(command, shape, n, fileFor(shape, n), pairsFor(n), dir);
          out.push(r);
          const label = command === "action" ? "action (dist)" : `${command} --format json`;
          print(
            `  ${label.padEnd(19)} ${shape.padEnd(7)}  ${pad(n, 9)}  ${pad(r.pairs, 5)}  ${pad(fmt(r.floor.wallMs, 0), 9)}  ${pad(fmt(r.run.wallMs, 0), 8)}  ${pad(fmt(r.ratio, 2), 5)}×  ${pad(fmt(r.cpuRatio, 2), 9)}×  ${pad(fmt(r.run.rssMb, 0), 10)} (${fmt(r.floor.rssMb, 0)})  ${r.ratio <= PROCESS_RATIO_GOAL ? "ok" : "over"}`,
          );
        }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

if (isMain(import.meta.url)) {
  const sizes = (process.argv[2] ?? "1000,10000,50000").split(",").map(Number);
  processRatios(sizes, console.log);
}
