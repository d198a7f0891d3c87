/**
 * Cold start, fresh processes: `costgate check` of a 1-resource plan with the default policy (to its verdict and
 * exit), `costgate --version`, the bundled Action with no inputs (it loads dist/index.js and stops at the missing
 * `path` input), next to a bare `node -e 0` (the runtime's own start). Medians of interleaved spawns.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fmt, median, pad, repoPath } from "./stats.js";
import { syntheticStack } from "./synthetic-plan.js";

/** Goals, ms: cold `check` of a 1-resource plan, `--version` (on a machine where `node -e 0` takes ~70 ms). */
export const COLD_CHECK_GOAL_MS = 150;
export const VERSION_GOAL_MS = 100;

export interface ColdStart {
  nodeMs: number;
  checkMs: number;
  versionMs: number;
  actionMs: number | undefined;
}

function wallMs(args: string[], env: NodeJS.ProcessEnv): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { env, cwd: repoPath(""), stdio: "ignore" });
  const ms = performance.now() - t0;
  if (r.status === null || r.status > 2) throw new Error(`\`node ${args.join(" ")}\` exited ${r.status ?? r.signal}`);
  return ms;
}

export function coldStart(print: (line: string) => void, runs = 15): ColdStart {
  const dir = mkdtempSync(join(tmpdir(), "costgate-bench-cold-"));
  try {
    const plan = join(dir, "cdk.tf.json");
    writeFileSync(plan, JSON.stringify(syntheticStack(1)));
    // No AWS, GitHub or costgate settings from the calling shell.
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: dir, RUNNER_TEMP: dir };
    const variants: Record<string, string[]> = {
      node: ["-e", "0"],
      check: [repoPath("bin/costgate.js"), "check", plan, "--policy", repoPath("policies/default.yaml"), "--format", "json"],
      version: [repoPath("bin/costgate.js"), "--version"],
    };
    const bundle = repoPath("dist/index.js");
    if (existsSync(bundle)) variants.action = [bundle];
    const times: Record<string, number[]> = {};
    for (const args of Object.values(variants)) wallMs(args, env); // warm the file system cache
    // Interleaved, so a busy moment on the machine hits every variant alike.
    for (let i = 0; i < runs; i++) for (const [name, args] of Object.entries(variants)) (times[name] ??= []).push(wallMs(args, env));
    const m = (name: string) => (times[name] ? median(times[name]!) : undefined);
    const node = m("node")!;
    const row = (label: string, ms: number, goal?: number) =>
      print(`  ${label.padEnd(52)} ${pad(fmt(ms, 0), 5)} ms  (${fmt(ms - node, 0)} ms over node, ${fmt(ms / node, 2)}× node)${goal ? `  goal ≤ ${goal} ms: ${ms <= goal ? "ok" : "over"}` : ""}`);
    print(`  ${"node -e 0 (the runtime alone)".padEnd(52)} ${pad(fmt(node, 0), 5)} ms`);
    row("costgate check <1-resource plan> --format json", m("check")!, COLD_CHECK_GOAL_MS);
    row("costgate --version", m("version")!, VERSION_GOAL_MS);
    const action = m("action");
    if (action !== undefined) row("node dist/index.js, no inputs (bundle load + input check)", action);
    else print("  dist/index.js: n/a (not built; `npm run bundle`)");
    print(`  (median of ${runs} interleaved spawns each, after one warm-up spawn)`);
    return { nodeMs: node, checkMs: m("check")!, versionMs: m("version")!, actionMs: action };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
