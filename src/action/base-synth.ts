import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { join, relative } from "node:path";
import { CostgateError } from "../errors.js";
import { ensureCommit, repoRelative, repoRoot, withWorktree } from "./git.js";

export interface BaseSynthOptions {
  /** Shell command that synthesizes (e.g. `npx cdktf synth`), written by the workflow author. */
  command: string;
  baseSha: string;
  /** The head input path; the base output is read from the same place in the base worktree. */
  headPath: string;
  /** Job working directory inside the repository (GITHUB_WORKSPACE). */
  cwd: string;
  /** Where to create the worktree (RUNNER_TEMP). */
  tempRoot: string;
  env?: NodeJS.ProcessEnv;
  /** Minutes before the command is killed. Default 30. */
  timeoutMinutes?: number;
  log?: (line: string) => void;
}

/**
 * Synthesize the PR base in a detached git worktree of the base SHA and hand the synthesized path to `use`
 * (the worktree is removed afterwards). The command runs without cloud credentials, OIDC token access or
 * GitHub tokens, and its output cannot issue workflow commands.
 */
export async function withSynthesizedBase<T>(o: BaseSynthOptions, use: (basePath: string) => Promise<T> | T): Promise<T> {
  const root = await repoRoot(o.cwd);
  const headRel = repoRelative(root, o.headPath, o.cwd);
  const cwdRel = relative(root, o.cwd);
  await ensureCommit(o.baseSha, o.cwd);
  return withWorktree(o.baseSha, o.cwd, o.tempRoot, async (tree) => {
    o.log?.(`Synthesizing the base (${o.baseSha.slice(0, 12)}) in a temporary worktree: ${o.command}`);
    await runSynth(o.command, join(tree, cwdRel), synthEnv(o.env ?? process.env), (o.timeoutMinutes ?? 30) * 60_000);
    return use(join(tree, headRel));
  });
}

/** The environment for synthesis: everything except credentials and tokens. */
export function synthEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) {
    if (/^(AWS_|ACTIONS_ID_TOKEN_REQUEST_|ACTIONS_RUNTIME_|ACTIONS_CACHE_|ACTIONS_RESULTS_|INPUT_)/i.test(k)) continue;
    if (/^(GITHUB_TOKEN|GH_TOKEN|GH_ENTERPRISE_TOKEN|GITHUB_ENTERPRISE_TOKEN)$/i.test(k)) continue;
    out[k] = v;
  }
  return out;
}

function runSynth(command: string, cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<void> {
  // Stop the runner from interpreting `::command::` lines printed by the synthesized code.
  const token = randomUUID();
  process.stdout.write(`::stop-commands::${token}\n`);
  return new Promise<void>((resolvePromise, reject) => {
    const child = spawn("sh", ["-c", command], { cwd, env, stdio: ["ignore", "inherit", "inherit"] });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (e) => finish(new CostgateError(`cannot run the synth command (${e.message})`, "synth-command")));
    child.on("exit", (code, signal) =>
      finish(code === 0 ? undefined : new CostgateError(`the synth command failed on the base commit (${signal ? `killed by ${signal}` : `exit ${code}`})`, "synth-command")),
    );
    let done = false;
    function finish(err: Error | undefined) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      process.stdout.write(`::${token}::\n`);
      if (err) reject(err);
      else resolvePromise();
    }
  });
}
