/**
 * Child process for the memory benchmark: does one thing to a plan file in a fresh process — `parse` (read and
 * JSON.parse, the floor) or `check` (load, estimate with the snapshot, evaluate policies/default.yaml) — and
 * prints the process's peak resident set size (getrusage maxrss) and the V8 heap in use, as JSON.
 *
 *   node lib/bench/peak-memory.js <cdk.tf.json> parse|check
 */
import { readFileSync } from "node:fs";
import { estimateAndCheck } from "./estimate.js";

const [file, mode] = process.argv.slice(2);
if (!file || (mode !== "parse" && mode !== "check")) {
  console.error("usage: peak-memory.js <plan> parse|check");
  process.exit(2);
}
let keep: unknown;
if (mode === "parse") keep = JSON.parse(readFileSync(file, "utf8"));
else keep = await estimateAndCheck(file);
const heapMb = process.memoryUsage().heapUsed / 1e6;
console.log(JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024, heapMb, kept: keep !== undefined }));
