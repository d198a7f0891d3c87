import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { CostgateError } from "../errors.js";

/** Run git with an argument array (never a shell string) and return stdout. */
export function git(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile("git", args, { cwd, env, maxBuffer: 64 * 1024 * 1024, encoding: "utf8" }, (err, stdout, stderr) => {
      if (err) reject(new GitError(args, String(stderr).trim() || err.message));
      else resolvePromise(stdout);
    });
  });
}

export class GitError extends Error {
  constructor(
    readonly args: string[],
    readonly stderr: string,
  ) {
    super(`git ${args[0]} failed: ${stderr.split("\n")[0]}`);
  }
}

/** The repository's top-level directory for a path inside it. */
export async function repoRoot(cwd: string): Promise<string> {
  return (await git(["rev-parse", "--show-toplevel"], cwd)).trim();
}

/** A path as git names it inside the repository (forward slashes, relative to the top level). */
export function repoRelative(root: string, path: string, cwd: string): string {
  const rel = relative(root, resolve(cwd, path));
  if (rel.startsWith("..") || resolve(root, rel) !== resolve(cwd, path))
    throw new CostgateError("the path is outside the repository", path);
  return rel.split(sep).join("/");
}

/** Make sure a commit is present (shallow checkouts often lack the base); fetch just that commit if not. */
export async function ensureCommit(sha: string, cwd: string): Promise<void> {
  if (!/^[0-9a-f]{7,64}$/i.test(sha)) throw new CostgateError(`\`${sha}\` is not a commit SHA`, "pull_request.base.sha");
  try {
    await git(["cat-file", "-e", `${sha}^{commit}`], cwd);
  } catch {
    await git(["fetch", "--no-tags", "--no-recurse-submodules", "--depth=1", "origin", sha], cwd);
  }
}

/** The text of a file at a commit, or undefined when the file does not exist there. */
export async function readFileAtCommit(sha: string, repoPath: string, cwd: string): Promise<string | undefined> {
  try {
    return await git(["show", `${sha}:${repoPath}`], cwd);
  } catch (e) {
    if (e instanceof GitError && /does not exist|exists on disk, but not in|path .* not in/i.test(e.stderr)) return undefined;
    throw e;
  }
}

/**
 * Check out `sha` into a temporary detached worktree, run `fn` in it, and remove the worktree afterwards
 * (also on failure). The working tree of the job is not touched.
 */
export async function withWorktree<T>(sha: string, cwd: string, tempRoot: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = join(mkdtempSync(join(tempRoot, "costgate-base-")), "tree");
  await git(["worktree", "add", "--detach", "--force", dir, sha], cwd);
  try {
    return await fn(dir);
  } finally {
    await git(["worktree", "remove", "--force", dir], cwd).catch(() => rmSync(dir, { recursive: true, force: true }));
  }
}
