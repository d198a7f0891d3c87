/**
 * `npm run bench`: every costgate benchmark in one run on this machine, as ratios to a floor measured in the
 * same run (the machine is shared and noisy; absolute times mean little). Sections:
 *
 *   1. estimate + check of 1k/10k/50k-resource plans ÷ read + JSON.parse of the same file (goal ≤ 3× on plans
 *      shaped like real synth output; the minimal worst-case shape is reported next to it)
 *   2. peak memory (RSS) of estimate + check in a fresh process, next to read + JSON.parse
 *   3. cold start of the CLI to the first price (and of the bundled action, when built)
 *   4. Price List requests for N distinct keys (goal N; 0 on a warm cache)
 *   5. synth overhead of the governance aspect (bench/synth.ts; goal ≤ 1.2×), last
 *
 *   node lib/bench/run.js [--sizes 1000,10000,50000] [--synth-runs 5] [--check]
 *
 * `--check` exits 1 when a goal is missed.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { coldStart } from "./cold-start.js";
import { estimateRatios, RATIO_GOAL, writeSyntheticStack } from "./estimate.js";
import { memoryPeaks } from "./memory.js";
import { priceRequests } from "./price-requests.js";
import { synthesizeExampleStacks } from "./synthetic-plan.js";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const sizes = arg("sizes", "1000,10000,50000").split(",").map(Number);
const synthRuns = arg("synth-runs", "5");
const print = (line: string) => console.log(line);
const missed: string[] = [];

print(`costgate benchmarks — node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? "unknown"}), ${new Date().toISOString().slice(0, 10)}`);
print("Figures are from one run on one shared, noisy machine: compare the ratios, not the milliseconds.\n");

print("1. estimate + check vs read + JSON.parse (median of alternating runs, after a warm-up)");
// The example app is synthesized once (a few seconds of cdktf) for the synth-shaped plans of sections 1 and 2.
const templates = synthesizeExampleStacks();
const ratios = await estimateRatios(sizes, print, ["synth", "minimal"], templates);
for (const r of ratios) if (r.shape === "synth" && r.ratio > RATIO_GOAL) missed.push(`estimate+check ${r.resources}: ${r.ratio.toFixed(2)}×`);

print("\n2. peak memory, one fresh process each (synth-shaped plans)");
const dir = mkdtempSync(join(tmpdir(), "costgate-bench-memory-"));
try {
  memoryPeaks(sizes.map((n) => ({ resources: n, file: writeSyntheticStack(dir, n, "synth", templates) })), print);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

print("\n3. cold start");
await coldStart(print);

print("\n4. Price List requests (real SDK, loopback fake API)");
const req = await priceRequests(print);
if (req.noCache !== req.distinctKeys || req.coldCache !== req.distinctKeys || req.warmCache !== 0) missed.push("Price List requests");

print("\n5. synth overhead of the governance aspect (bench/synth.ts)");
const synth = fileURLToPath(new URL("./synth.js", import.meta.url));
if (!existsSync(synth)) print("  n/a (lib/bench/synth.js is not built: bench/synth.ts does not exist yet)");
else {
  const r = spawnSync(process.execPath, ["--expose-gc", synth, "--runs", synthRuns], { encoding: "utf8", timeout: 15 * 60_000 });
  if (r.status !== 0) {
    const why = r.error?.message ?? (r.stderr.trim().split("\n").find((l) => /error/i.test(l)) ?? r.stderr.trim().split("\n")[0] ?? `exit ${r.status}`);
    print(`  n/a (bench/synth.ts failed: ${why.slice(0, 300)})`);
  } else {
    for (const line of r.stdout.trimEnd().split("\n")) print(`  ${line}`);
    const m = /ratio of medians\s+([\d.]+)×/.exec(r.stdout);
    if (m && Number(m[1]) > 1.2) missed.push(`synth overhead ${m[1]}×`);
  }
}

print(missed.length ? `\ngoals missed: ${missed.join("; ")}` : "\nall goals met");
if (process.argv.includes("--check") && missed.length) process.exitCode = 1;
