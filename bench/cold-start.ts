/**
 * Cold start: `node bin/costgate.js estimate <small plan> --format json` in a fresh process, from spawn to the
 * first byte of output (the estimate is written in one piece, so this is the time to the first price) and to
 * exit; next to a bare `node -e 0` (the runtime's own start). And, when the bundled action `dist/index.js`
 * exists, the time to load and run it with no inputs (it loads the whole bundle, then stops at the missing
 * `path` input), which bounds the action's start before any work.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fmt, median, pad, repoPath } from "./stats.js";
import { syntheticStack } from "./synthetic-plan.js";

interface Spawned {
  firstOutputMs: number;
  exitMs: number;
  code: number | null;
}

function timeSpawn(args: string[], env: NodeJS.ProcessEnv): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let first = -1;
    const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    const seen = () => {
      if (first < 0) first = performance.now() - t0;
    };
    child.stdout.on("data", seen);
    child.stderr.on("data", () => undefined);
    child.on("error", reject);
    child.on("close", (code) => resolve({ firstOutputMs: first < 0 ? Number.NaN : first, exitMs: performance.now() - t0, code }));
  });
}

async function medianSpawn(runs: number, args: string[], env: NodeJS.ProcessEnv): Promise<{ firstOutputMs: number; exitMs: number; code: number | null }> {
  await timeSpawn(args, env); // warm the file system cache
  const all: Spawned[] = [];
  for (let i = 0; i < runs; i++) all.push(await timeSpawn(args, env));
  return { firstOutputMs: median(all.map((a) => a.firstOutputMs)), exitMs: median(all.map((a) => a.exitMs)), code: all.at(-1)!.code };
}

export interface ColdStart {
  nodeMs: number;
  cliFirstOutputMs: number;
  cliExitMs: number;
  actionExitMs: number | undefined;
}

export async function coldStart(print: (line: string) => void, runs = 9): Promise<ColdStart> {
  const dir = mkdtempSync(join(tmpdir(), "costgate-bench-cold-"));
  try {
    const plan = join(dir, "cdk.tf.json");
    writeFileSync(plan, JSON.stringify(syntheticStack(20)));
    // No AWS, GitHub or costgate settings from the calling shell.
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: dir, RUNNER_TEMP: dir };
    const node = await medianSpawn(runs, ["-e", "0"], env);
    const cli = await medianSpawn(runs, [repoPath("bin/costgate.js"), "estimate", plan, "--format", "json"], env);
    if (cli.code !== 0) throw new Error(`costgate estimate exited ${cli.code}`);
    print(`  node -e 0 (the runtime alone)                         ${pad(fmt(node.exitMs, 0), 5)} ms to exit`);
    print(`  costgate estimate <20-resource plan> --format json     ${pad(fmt(cli.firstOutputMs, 0), 5)} ms to the estimate (first output), ${fmt(cli.exitMs, 0)} ms to exit`);
    let actionExitMs: number | undefined;
    const bundle = repoPath("dist/index.js");
    if (existsSync(bundle)) {
      const action = await medianSpawn(runs, [bundle], env);
      actionExitMs = action.exitMs;
      print(`  node dist/index.js with no inputs (bundle load + input check)  ${pad(fmt(action.exitMs, 0), 5)} ms to exit`);
    } else print("  dist/index.js: n/a (not built; `npm run bundle`)");
    print(`  (median of ${runs} spawns each, after one warm-up spawn)`);
    return { nodeMs: node.exitMs, cliFirstOutputMs: cli.firstOutputMs, cliExitMs: cli.exitMs, actionExitMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
