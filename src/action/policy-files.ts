import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { CostgateError } from "../errors.js";
import { describeApiError, httpStatus, type GitHubClient } from "./github-client.js";
import { ensureCommit, readFileAtCommit, repoRelative, repoRoot } from "./git.js";
import type { PolicySource } from "./inputs.js";

export interface PolicyText {
  /** The path as given in the `policy` input. */
  path: string;
  /** Name used in messages and reports: `path@<base sha>` when read from the base commit. */
  label: string;
  text: string;
  from: "base" | "head";
}

export interface ReadPolicyOptions {
  source: PolicySource;
  /** Base commit of the PR; without it (push events) policies are read from the checkout. */
  baseSha?: string;
  cwd: string;
  /** Fallback when git cannot provide the base version (no git, shallow clone without fetch access). */
  gh?: GitHubClient;
  owner: string;
  repo: string;
}

/**
 * Read policy files, by default as they are on the PR's base commit (`git show <base>:<path>`, else the
 * contents API), so a PR cannot loosen the policy that gates it. A policy file that does not exist on the
 * base yet (added by this PR) is read from the checkout, with a note.
 */
export async function readPolicyTexts(paths: readonly string[], o: ReadPolicyOptions): Promise<{ policies: PolicyText[]; notes: string[] }> {
  const notes: string[] = [];
  const policies: PolicyText[] = [];
  const fromBase = o.source === "base" && o.baseSha !== undefined && o.baseSha !== "";
  for (const path of paths) {
    if (fromBase) {
      const text = await readAtBase(path, o.baseSha!, o);
      if (text !== undefined) {
        policies.push({ path, label: `${path}@${o.baseSha!.slice(0, 7)}`, text, from: "base" });
        continue;
      }
      notes.push(`policy ${path} does not exist on the base branch (added by this pull request); the pull request's version is used`);
    }
    policies.push({ path, label: path, text: readFromCheckout(path, o.cwd), from: "head" });
  }
  return { policies, notes };
}

function readFromCheckout(path: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, path), "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CostgateError(code === "ENOENT" ? "policy file not found" : `cannot read policy file (${code ?? "error"})`, path);
  }
}

async function readAtBase(path: string, sha: string, o: ReadPolicyOptions): Promise<string | undefined> {
  let gitProblem: string;
  try {
    const root = await repoRoot(o.cwd);
    const rel = repoRelative(root, path, o.cwd);
    await ensureCommit(sha, o.cwd);
    return await readFileAtCommit(sha, rel, o.cwd);
  } catch (e) {
    if (e instanceof CostgateError) throw e;
    gitProblem = (e as Error).message;
  }
  if (!o.gh) throw new CostgateError(`cannot read the policy from the base commit ${sha.slice(0, 7)} (${gitProblem})`, path);
  try {
    const { data } = await o.gh.rest.repos.getContent({ owner: o.owner, repo: o.repo, path: path.replace(/^\.\//, ""), ref: sha });
    if (Array.isArray(data) || data.type !== "file" || !("content" in data)) throw new CostgateError(`is not a file on the base commit ${sha.slice(0, 7)}`, path);
    return Buffer.from(data.content, "base64").toString("utf8");
  } catch (e) {
    if (e instanceof CostgateError) throw e;
    if (httpStatus(e) === 404) return undefined;
    throw new CostgateError(`cannot read the policy from the base commit ${sha.slice(0, 7)}: git: ${gitProblem}; API: ${describeApiError(e)}`, path);
  }
}
