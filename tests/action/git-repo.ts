// A throwaway git repository for tests of code that reads commits (policy from the base branch, base synthesis).
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export interface TestRepo {
  dir: string;
  git(...args: string[]): string;
  write(path: string, text: string): void;
  /** Commit everything; returns the SHA. */
  commit(message: string): string;
  remove(): void;
}

/**
 * A new repository (branch main) in a fresh temporary directory, or a copy of the repository `from` (work tree
 * and .git, byte for byte: the same commits and SHAs, without running git), which is quicker than building the
 * same commits again.
 */
export function createTestRepo(from?: TestRepo): TestRepo {
  const dir = mkdtempSync(join(tmpdir(), "costgate-repo-"));
  const env = { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com" };
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, env, encoding: "utf8" });
  if (from) cpSync(from.dir, dir, { recursive: true, verbatimSymlinks: true });
  else {
    git("init", "-q", "-b", "main");
    git("config", "commit.gpgsign", "false");
  }
  return {
    dir,
    git,
    write(path, text) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    commit(message) {
      git("add", "-A");
      git("commit", "-q", "-m", message);
      return git("rev-parse", "HEAD").trim();
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
