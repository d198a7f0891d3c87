/**
 * Estimate + check of synthesized plans with 1k/10k/50k resources, as a ratio to reading and JSON.parse of the
 * same file (the floor: no tool can read the plan faster). Ratios, not times, because the machine is shared:
 * both sides are measured in the same process, interleaved, after a warm-up, and the medians are compared.
 *
 * Two plan shapes: `synth`, the example app's real synth output replicated (what the goal is about), and
 * `minimal`, a few attributes per resource and nearly all of them priced (the worst case, reported).
 *
 * estimate + check = loadPlan → runGate (embedded snapshot, policies) (policies/default.yaml),
 * what `costgate check <plan> --policy policies/default.yaml` does before rendering its output.
 *
 *   node lib/bench/estimate.js [1000,10000,50000] [synth,minimal]
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadPlan } from "../src/plan/load-plan.js";
import { loadPolicyFiles } from "../src/policy/load-policy.js";
import { runGate } from "../src/gate.js";
import { fmt, isMain, median, pad, repoPath, timeMs } from "./stats.js";
import { synthesizeExampleStacks, synthLikeStack, syntheticStack, type PlanShape, type TemplateStack } from "./synthetic-plan.js";

export const RATIO_GOAL = 3;
const POLICY = repoPath("policies/default.yaml");

export interface EstimateRatio {
  shape: PlanShape;
  resources: number;
  fileMb: number;
  runs: number;
  parseMs: number;
  estimateCheckMs: number;
  ratio: number;
  /** Ratio of the fastest runs: the least disturbed by other processes. */
  fastestRatio: number;
  findings: number;
}

/**
 * Write a stack of `n` resources as `<dir>/<shape><n>/stacks/bench/cdk.tf.json` (pretty-printed, as cdktf
 * writes it); returns the path. The `synth` shape needs the example app's stacks (synthesizeExampleStacks).
 */
export function writeSyntheticStack(dir: string, n: number, shape: PlanShape = "minimal", templates?: readonly TemplateStack[]): string {
  const stackDir = join(dir, `${shape}${n}`, "stacks", "bench");
  mkdirSync(stackDir, { recursive: true });
  const file = join(stackDir, "cdk.tf.json");
  const json = shape === "synth" ? synthLikeStack(n, templates ?? synthesizeExampleStacks()) : syntheticStack(n);
  writeFileSync(file, JSON.stringify(json, null, 2));
  return file;
}

/** What `costgate check` does before rendering: load, price, evaluate. Returns the number of findings. */
export async function estimateAndCheck(file: string): Promise<number> {
  const policies = loadPolicyFiles([POLICY]);
  const { verdict } = await runGate({ head: loadPlan(file), policies, evaluation: { today: "2026-11-23" } });
  return verdict!.findings.length;
}

export async function measureEstimateRatio(file: string, shape: PlanShape, resources: number, runs: number): Promise<EstimateRatio> {
  const parse = () => JSON.parse(readFileSync(file, "utf8"));
  // Warm-up (module loading, the JIT, the policy schema compile, the snapshot indexes): at least 5 runs and
  // half a second. No forced GC between runs: a full collection also ages out compiled code, so every run
  // would start half cold.
  const warmUntil = performance.now() + 500;
  for (let i = 0; i < 5 || performance.now() < warmUntil; i++) {
    parse();
    await estimateAndCheck(file);
  }
  const parseMs: number[] = [];
  const fullMs: number[] = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    // Alternate the order so drift on a shared machine hits both sides alike.
    for (const side of i % 2 ? ["full", "parse"] : ["parse", "full"]) {
      if (side === "parse") parseMs.push(await timeMs(parse));
      else fullMs.push(await timeMs(async () => (findings = await estimateAndCheck(file))));
    }
  }
  const p = median(parseMs);
  const f = median(fullMs);
  const fastestRatio = Math.min(...fullMs) / Math.min(...parseMs);
  return { shape, resources, fileMb: readFileSync(file).length / 1e6, runs, parseMs: p, estimateCheckMs: f, ratio: f / p, fastestRatio, findings };
}

export function runsFor(n: number): number {
  return n <= 1_000 ? 61 : n <= 10_000 ? 15 : 7;
}

/** Ratios for every size, for the real-synth shape (the goal) and the minimal shape (the worst case). */
export async function estimateRatios(
  sizes: number[],
  print: (line: string) => void,
  shapes: PlanShape[] = ["synth", "minimal"],
  synthesized?: readonly TemplateStack[],
): Promise<EstimateRatio[]> {
  const dir = mkdtempSync(join(tmpdir(), "costgate-bench-"));
  const out: EstimateRatio[] = [];
  try {
    const templates = synthesized ?? (shapes.includes("synth") ? synthesizeExampleStacks() : undefined);
    print(`  plan     resources  file MB  runs  read+parse ms  estimate+check ms   ratio  fastest  (goal ≤ ${RATIO_GOAL}× on synth)`);
    for (const shape of shapes)
      for (const n of sizes) {
        const r = await measureEstimateRatio(writeSyntheticStack(dir, n, shape, templates), shape, n, runsFor(n));
        out.push(r);
        const verdict = shape === "synth" ? (r.ratio <= RATIO_GOAL ? "ok" : "over") : "worst case";
        print(
          `  ${shape.padEnd(7)}  ${pad(n, 9)}  ${pad(fmt(r.fileMb), 7)}  ${pad(r.runs, 4)}  ${pad(fmt(r.parseMs), 13)}  ${pad(fmt(r.estimateCheckMs), 17)}  ${pad(fmt(r.ratio, 2), 5)}×  ${pad(fmt(r.fastestRatio, 2), 6)}×  ${verdict}`,
        );
      }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

if (isMain(import.meta.url)) {
  const sizes = (process.argv[2] ?? "1000,10000,50000").split(",").map(Number);
  const shapes = (process.argv[3] ?? "synth,minimal").split(",") as PlanShape[];
  await estimateRatios(sizes, console.log, shapes);
}
