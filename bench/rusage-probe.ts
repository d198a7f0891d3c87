/**
 * Loaded with `node --import` into every process the benchmarks time (costgate and the floor alike): at exit it
 * writes the process's CPU time (user + system, ms) and peak resident set size (getrusage maxrss, KB) as JSON to
 * file descriptor 3, which the benchmark opened as a pipe. Nothing else; when fd 3 is not open it stays silent.
 */
import { writeSync } from "node:fs";

process.on("exit", () => {
  const u = process.resourceUsage();
  try {
    writeSync(3, JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssKb: u.maxRSS }));
  } catch {
    // fd 3 is not open: not run by the benchmark.
  }
});
