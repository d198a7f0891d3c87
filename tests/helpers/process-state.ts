// Run code that reads the process itself (process.env, the working directory) in a test worker as if it ran in a
// process of its own.
import { isMainThread } from "node:worker_threads";

/** Variables of the test worker kept while `withProcessState` runs (vitest's own). */
const WORKER_ENV = /^VITEST/;

/**
 * Run `fn` with the process environment replaced, in place, by `state.env` (vitest's VITEST* variables kept; in
 * place, so the C environment follows too: os.homedir() sees HOME, child processes inherit it) and, when given,
 * `state.cwd` as the working directory. Both are restored afterwards, also when `fn` throws. For code whose
 * dependencies read the process rather than what they are given (the AWS SDK's credential chain,
 * @actions/core's GITHUB_OUTPUT, paths relative to process.cwd()). Needs vitest's `forks` pool (process.chdir is
 * not allowed in worker threads); tests in a file run one at a time, so nothing else sees the swapped process.
 */
export async function withProcessState<T>(state: { env: NodeJS.ProcessEnv; cwd?: string }, fn: () => Promise<T>): Promise<T> {
  if (state.cwd !== undefined && !isMainThread) throw new Error("withProcessState changes the working directory: run it in vitest's forks pool, not in a worker thread");
  const savedEnv = { ...process.env };
  const savedCwd = process.cwd();
  try {
    for (const k of Object.keys(process.env)) if (!WORKER_ENV.test(k)) delete process.env[k];
    for (const [k, v] of Object.entries(state.env)) if (v !== undefined) process.env[k] = v;
    if (state.cwd !== undefined) process.chdir(state.cwd);
    return await fn();
  } finally {
    process.chdir(savedCwd);
    for (const k of Object.keys(process.env)) delete process.env[k];
    Object.assign(process.env, savedEnv);
  }
}
