import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const REPO = fileURLToPath(new URL("../..", import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run a command; AWS credentials and config are kept away, npm may only use the registry (no scripts of ours). */
export function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Run {
  const clean: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("AWS_") && !k.startsWith("npm_") && !k.startsWith("COSTGATE_")) clean[k] = v;
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: "utf8",
    env: { ...clean, AWS_EC2_METADATA_DISABLED: "true", AWS_CONFIG_FILE: join(cwd, "no-aws-config"), AWS_SHARED_CREDENTIALS_FILE: join(cwd, "no-aws-credentials"), ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout ?? "", stderr: (r.stderr ?? "") + (r.error ? String(r.error) : "") };
}

/** Like `run`, but throws with the output when the command fails. */
export function runOk(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Run {
  const r = run(cmd, args, cwd, env);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(" ")} (in ${cwd}) exited ${r.code}\n${r.stdout.slice(-4000)}\n${r.stderr.slice(-4000)}`);
  return r;
}

/**
 * `npm pack` as on a fresh clone: the tracked (and new, unignored) files are copied to a scratch directory
 * without lib/, node_modules is linked in, and npm pack runs there, so its `prepare` build is what fills lib/.
 * Returns the tarball path.
 */
export function packFreshClone(scratch: string): string {
  const clone = join(scratch, "clone");
  const files = runOk("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], REPO).stdout.split("\0").filter(Boolean);
  for (const f of files) {
    const to = join(clone, f);
    mkdirSync(dirname(to), { recursive: true });
    try {
      cpSync(join(REPO, f), to);
    } catch {
      // deleted in the work tree but still tracked: a fresh clone of the work tree would not have it either
    }
  }
  symlinkSync(join(REPO, "node_modules"), join(clone, "node_modules"), "dir");
  const out = join(scratch, "pack");
  mkdirSync(out);
  runOk("npm", ["pack", "--pack-destination", out, "--silent"], clone);
  const tgz = readdirSync(out).find((f) => f.endsWith(".tgz"));
  if (!tgz) throw new Error("npm pack wrote no tarball");
  return join(out, tgz);
}

/** A new, empty ESM TypeScript project (strict) in a scratch directory. */
export function newProject(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "user-app", private: true, type: "module" }, null, 2));
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, skipLibCheck: true, types: ["node"] }, include: ["*.ts"] }, null, 2),
  );
  return dir;
}
