import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join, relative } from "node:path";
import { CostgateError } from "../errors.js";
import { ensureCommit, repoRelative, repoRoot, withCommitTree } from "./git.js";

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
  /** Extra variable names (the `synth-env` input) passed on beyond SYNTH_ENV_ALLOWED. */
  extraEnv?: readonly string[];
  /** Minutes before the command is killed. Default 30. */
  timeoutMinutes?: number;
  log?: (line: string) => void;
}

/**
 * Synthesize the PR base in a temporary copy of the base commit's tree (`git archive`: no `.git`, so neither
 * the repository's persisted credentials nor its config are reachable) and hand the synthesized path to `use`
 * (the copy is removed afterwards). The command gets an allow-listed environment (see synthEnv) and a private
 * TMPDIR, and its output cannot issue workflow commands.
 */
export async function withSynthesizedBase<T>(o: BaseSynthOptions, use: (basePath: string) => Promise<T> | T): Promise<T> {
  const root = await repoRoot(o.cwd);
  const headRel = repoRelative(root, o.headPath, o.cwd);
  const cwdRel = relative(root, o.cwd);
  await ensureCommit(o.baseSha, o.cwd);
  return withCommitTree(o.baseSha, o.cwd, o.tempRoot, async (tree, scratch) => {
    o.log?.(`Synthesizing the base (${o.baseSha.slice(0, 12)}) in a temporary copy of its tree: ${o.command}`);
    const tmp = join(scratch, "tmp");
    mkdirSync(tmp, { mode: 0o700 });
    const env = { ...synthEnv(o.env ?? process.env, o.extraEnv), TMPDIR: tmp, TEMP: tmp, TMP: tmp };
    await runSynth(o.command, join(tree, cwdRel), env, (o.timeoutMinutes ?? 30) * 60_000);
    return use(join(tree, headRel));
  });
}

/**
 * Variables the synth command gets by default: what a shell, Node, Python, Go and the CDKTF CLI need to run,
 * locale, proxy and CA settings. Nothing else: no cloud credentials (AWS_*, ARM_*, GOOGLE_*), no registry or
 * Terraform tokens (NPM_TOKEN, TF_TOKEN_*), no GitHub tokens, no runner command files (GITHUB_ENV,
 * GITHUB_PATH, GITHUB_OUTPUT, GITHUB_STATE, GITHUB_STEP_SUMMARY), no RUNNER_TEMP, no INPUT_*.
 */
export const SYNTH_ENV_ALLOWED: readonly (string | RegExp)[] = [
  "PATH", "HOME", "USER", "LOGNAME", "SHELL", "TERM", "TZ", "LANG", "LANGUAGE", /^LC_[A-Z]+$/,
  "CI", "GITHUB_ACTIONS", "RUNNER_OS", "RUNNER_ARCH",
  "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy",
  "NODE_EXTRA_CA_CERTS", "SSL_CERT_FILE", "SSL_CERT_DIR",
  // Windows basics.
  "SYSTEMROOT", "SystemRoot", "COMSPEC", "ComSpec", "PATHEXT", "WINDIR", "windir", "USERPROFILE", "APPDATA", "LOCALAPPDATA", "ProgramFiles", "ProgramFiles(x86)", "ProgramData",
];

/** Names never passed on, even when listed in `synth-env` (credential stores and the runner's command files). */
const NEVER = /^(GITHUB_(ENV|PATH|OUTPUT|STATE|STEP_SUMMARY|TOKEN)|ACTIONS_(ID_TOKEN_REQUEST|RUNTIME|CACHE|RESULTS)_.*|INPUT_.*|RUNNER_TEMP)$/i;

/**
 * The environment for synthesis, built from an allow-list (SYNTH_ENV_ALLOWED plus the `extra` names the workflow
 * lists in `synth-env`) rather than by removing known secrets: an unknown variable is not passed on.
 */
export function synthEnv(env: NodeJS.ProcessEnv, extra: readonly string[] = []): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  const allowed = (k: string) => extra.includes(k) || SYNTH_ENV_ALLOWED.some((a) => (typeof a === "string" ? a === k : a.test(k)));
  for (const [k, v] of Object.entries(env)) if (v !== undefined && allowed(k) && !NEVER.test(k)) out[k] = v;
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
