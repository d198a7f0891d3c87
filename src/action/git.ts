import { execFile, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
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

/**
 * The text of a file at a commit, read from git's tree (never the working tree), or undefined when the path
 * definitely does not exist in that commit. Symbolic links inside the tree are followed as git stores them
 * (`git cat-file --batch --follow-symlinks`). Anything else — a link leaving the repository, a dangling or
 * looping link, a directory, an unreadable commit — throws a CostgateError: only a definite absence is "absent".
 */
export async function readFileAtCommit(sha: string, repoPath: string, cwd: string): Promise<string | undefined> {
  // The commit must exist, so that `missing` below can only mean the path.
  await git(["cat-file", "-e", `${sha}^{commit}`], cwd);
  const out = await gitWithInput(["cat-file", "--batch", "--follow-symlinks"], `${sha}:${repoPath}\n`, cwd);
  const nl = out.indexOf(0x0a);
  const header = out.subarray(0, nl < 0 ? out.length : nl).toString("utf8");
  const where = `${repoPath}@${sha.slice(0, 7)}`;
  let m: RegExpExecArray | null;
  if ((m = /^[0-9a-f]{40,64} (\w+) (\d+)$/.exec(header))) {
    if (m[1] !== "blob") throw new CostgateError(`is a ${m[1]} on the commit, not a file`, where);
    return out.subarray(nl + 1, nl + 1 + Number(m[2])).toString("utf8");
  }
  if (/ missing$/.test(header)) return undefined;
  const kind = header.split(" ")[0];
  const why: Record<string, string> = {
    symlink: "is a symbolic link that points outside the repository",
    dangling: "is (or goes through) a symbolic link whose target does not exist on the commit",
    loop: "goes through a loop of symbolic links",
    notdir: "goes through a path component that is not a directory",
  };
  throw new CostgateError(`${why[kind ?? ""] ?? `cannot be read from git's tree (${header.slice(0, 200)})`}; refusing to read it from anywhere else`, where);
}

/** Run git with `input` on stdin; stdout as bytes. */
function gitWithInput(args: string[], input: string, cwd: string): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const child = execFile("git", args, { cwd, maxBuffer: 64 * 1024 * 1024, encoding: "buffer" }, (err, stdout, stderr) => {
      if (err) reject(new GitError(args, String(stderr).trim() || err.message));
      else resolvePromise(stdout);
    });
    child.stdin?.end(input);
  });
}

/**
 * Extract the tree of commit `sha` into a fresh temporary directory (`git archive | tar -x`: files only, no
 * `.git`, so nothing of the repository's config or persisted credentials), run `fn(tree, scratch)` and remove
 * everything afterwards (also on failure). `scratch` is a private directory next to the tree for the caller.
 * Files marked `export-ignore` in the commit's .gitattributes are not extracted.
 */
export async function withCommitTree<T>(sha: string, cwd: string, tempRoot: string, fn: (tree: string, scratch: string) => Promise<T>): Promise<T> {
  const scratch = mkdtempSync(join(tempRoot, "costgate-base-"));
  const tree = join(scratch, "tree");
  try {
    mkdirSync(tree);
    await archiveInto(sha, cwd, tree);
    return await fn(tree, scratch);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function archiveInto(sha: string, cwd: string, dir: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const archive = spawn("git", ["archive", "--format=tar", sha], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    const tar = spawn("tar", ["-x", "-f", "-", "-C", dir], { stdio: ["pipe", "ignore", "pipe"] });
    let stderr = "";
    archive.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    tar.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    archive.stdout.pipe(tar.stdin);
    let pending = 2;
    let failed = false;
    const done = (what: string) => (code: number | null) => {
      if (failed) return;
      if (code !== 0) {
        failed = true;
        return reject(new CostgateError(`cannot extract the base commit's tree (${what} exit ${code}: ${stderr.trim().split("\n")[0] ?? ""})`, sha.slice(0, 12)));
      }
      if (--pending === 0) resolvePromise();
    };
    archive.on("error", (e) => done("git archive")(e ? -1 : 0));
    tar.on("error", (e) => done("tar")(e ? -1 : 0));
    archive.on("close", done("git archive"));
    tar.on("close", done("tar"));
  });
}
