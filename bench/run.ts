/**
 * `npm run bench`: every costgate benchmark in one run on this machine, as ratios to a floor measured in the
 * same run (the machine is shared and noisy; absolute times mean little). Sections:
 *
 *   1. what users run, whole processes: `costgate check|estimate|diff --format json` and the bundled Action on
 *      1k/10k/50k-resource plans (200k with --large), each ÷ a fresh `node -e` that reads and JSON.parses the
 *      same file; CPU time and peak RSS of both (goal ≤ 3× the floor's time, RSS ≤ 2× the floor's)
 *   2. cold start: `check` of a 1-resource plan (goal ≤ 150 ms), `--version` (≤ 100 ms), the Action's load
 *   3. in-process estimate + check ÷ read + JSON.parse (warm: after warm-up runs; goal ≤ 3× on synth shapes)
 *   4. Price List requests for N distinct keys (goal N; 0 on a warm cache)
 *   5. synth overhead of the governance aspect (bench/synth.ts; goal ≤ 1.2×), last
 *
 *   node lib/bench/run.js [--sizes 1000,10000,50000] [--large] [--synth-runs 5] [--skip-synth] [--check]
 *
 * `--large` adds 200,000-resource plans to section 1 (several minutes more). `--check` exits 1 when a goal is missed.
 */
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { existsSync } from "node:fs";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { coldStart } from "./cold-start.js";
import { estimateRatios, RATIO_GOAL } from "./estimate.js";
import { processRatios, PROCESS_RATIO_GOAL, RSS_GOAL } from "./processes.js";
import { priceRequests } from "./price-requests.js";
import { synthesizeExampleStacks } from "./synthetic-plan.js";

const USAGE = "usage: node lib/bench/run.js [--sizes 1000,10000,50000] [--large] [--synth-runs 5] [--skip-synth] [--check]";
let options: { values: { sizes?: string; large?: boolean; "synth-runs"?: string; "skip-synth"?: boolean; check?: boolean; help?: boolean } };
try {
  options = parseArgs({
    options: { sizes: { type: "string" }, large: { type: "boolean" }, "synth-runs": { type: "string" }, "skip-synth": { type: "boolean" }, check: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
} catch (e) {
  console.error(`bench: ${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (options.values.help) {
  console.log(`${USAGE}\n  --sizes      plan sizes of sections 1 and 3 (resources)\n  --large      also 200,000-resource plans in section 1 (minutes more)\n  --synth-runs runs of the synth-overhead benchmark\n  --skip-synth skip section 5\n  --check      exit 1 when a goal is missed`);
  process.exit(0);
}
const sizes = (options.values.sizes ?? "1000,10000,50000").split(",").map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) {
  console.error(`bench: bad --sizes \`${options.values.sizes}\`; expected positive integers separated by commas\n${USAGE}`);
  process.exit(2);
}
const synthRuns = options.values["synth-runs"] ?? "5";
const print = (line: string) => console.log(line);
const missed: string[] = [];

print(`costgate benchmarks — node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? "unknown"}), ${new Date().toISOString().slice(0, 10)}`);
print("Figures are from one run on one shared, noisy machine: compare the ratios, not the milliseconds.\n");

// The example app is synthesized once (a few seconds of cdktf) for the synth-shaped plans of sections 1 and 3.
const templates = synthesizeExampleStacks();

print("1. what users run: whole processes ÷ a fresh `node -e` reading and JSON.parsing the same file (medians of alternating pairs)");
const processSizes = options.values.large ? [...sizes, 200_000] : sizes;
for (const r of processRatios(processSizes, print, templates)) {
  if (r.ratio > PROCESS_RATIO_GOAL) missed.push(`${r.command} ${r.shape} ${r.resources}: ${r.ratio.toFixed(2)}×`);
  if (r.command === "estimate" && r.rssRatio > RSS_GOAL) missed.push(`peak RSS estimate ${r.shape} ${r.resources}: ${r.rssRatio.toFixed(2)}× the floor's`);
}

print("\n2. cold start");
const cold = coldStart(print);
if (cold.checkMs > 150) missed.push(`cold check ${cold.checkMs.toFixed(0)} ms (node -e 0: ${cold.nodeMs.toFixed(0)} ms)`);
if (cold.versionMs > 100) missed.push(`--version ${cold.versionMs.toFixed(0)} ms (node -e 0: ${cold.nodeMs.toFixed(0)} ms)`);

print("\n3. in-process, warm: estimate + check vs read + JSON.parse (median of alternating runs, after a warm-up; no start-up, no output)");
const ratios = await estimateRatios(sizes, print, ["synth", "minimal"], templates);
for (const r of ratios) if (r.shape === "synth" && r.ratio > RATIO_GOAL) missed.push(`in-process estimate+check ${r.resources}: ${r.ratio.toFixed(2)}×`);

print("\n4. Price List requests (real SDK, loopback fake API)");
const req = await priceRequests(print);
if (req.noCache !== req.distinctKeys || req.coldCache !== req.distinctKeys || req.warmCache !== 0) missed.push("Price List requests");

print("\n5. synth overhead of the governance aspect (bench/synth.ts)");
const synth = fileURLToPath(new URL("./synth.js", import.meta.url));
if (options.values["skip-synth"]) print("  skipped (--skip-synth)");
else if (!existsSync(synth)) print("  n/a (lib/bench/synth.js is not built: bench/synth.ts does not exist yet)");
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
if (options.values.check && missed.length) process.exitCode = 1;
