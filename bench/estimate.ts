// Prints the time to estimate a synthesized plan as a ratio to plain read + JSON.parse of the same file.
// Ratios, not absolute times, because the machines are noisy: both are measured in the same run.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { loadPlan } from "../src/plan/load-plan.js";
import { estimatePlan } from "../src/pricing/estimate-plans.js";
import { syntheticStack } from "./synthetic-plan.js";

async function median(times: number, f: () => Promise<unknown> | unknown): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await f();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return ms[Math.floor(ms.length / 2)]!;
}

const sizes = (process.argv[2] ?? "1000,10000").split(",").map(Number);
const dir = mkdtempSync(join(tmpdir(), "costgate-bench-"));
try {
  console.log("resources  read+parse ms  estimate ms  ratio (goal <= 3x)");
  for (const n of sizes) {
    const stackDir = join(dir, `n${n}`, "stacks", "bench");
    mkdirSync(stackDir, { recursive: true });
    const file = join(stackDir, "cdk.tf.json");
    writeFileSync(file, JSON.stringify(syntheticStack(n), null, 2));
    const baseline = await median(7, () => JSON.parse(readFileSync(file, "utf8")));
    const full = await median(7, async () => estimatePlan(loadPlan(file)));
    console.log(`${String(n).padStart(9)}  ${baseline.toFixed(1).padStart(13)}  ${full.toFixed(1).padStart(11)}  ${(full / baseline).toFixed(2)}x`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
