import { CostgateError } from "../errors.js";
import { describeApiError, type GitHubClientOnDemand } from "./github-client.js";
import { ensureCommit, readFileAtCommit, repoRelative, repoRoot } from "./git.js";

/** Where to read a repository file as it is on the base commit. */
export interface BaseFileOptions {
  /** Job working directory inside the repository (GITHUB_WORKSPACE). */
  cwd: string;
  /** Fallback when git cannot provide the base version (no git, shallow clone without fetch access). */
  gh?: GitHubClientOnDemand;
  owner: string;
  repo: string;
}

/**
 * The text of a repository file as it is on the base commit `sha`, or undefined when git's tree of that commit
 * definitely has no such path. Read through git's tree (symbolic links inside the tree followed by git), never
 * through the working tree. When git cannot read the commit at all, the contents API at `sha` is asked; there
 * a 404 is not a definite absence (the API does not follow symbolic links), so it is an error too.
 * `what` names the file's role in messages ("policy", "usage file"). Every other failure throws a CostgateError.
 */
export async function readFileAtBase(path: string, sha: string, what: string, o: BaseFileOptions): Promise<string | undefined> {
  let gitProblem: string;
  let rel: string;
  try {
    const root = await repoRoot(o.cwd);
    rel = repoRelative(root, path, o.cwd);
    await ensureCommit(sha, o.cwd);
  } catch (e) {
    if (e instanceof CostgateError) throw e;
    gitProblem = (e as Error).message;
    return readWithApi(path, sha, what, gitProblem, o);
  }
  // Git has the commit: its answer is final (a definite absence, the text, or an error).
  return readFileAtCommit(sha, rel, o.cwd);
}

async function readWithApi(path: string, sha: string, what: string, gitProblem: string, o: BaseFileOptions): Promise<string> {
  if (!o.gh) throw new CostgateError(`cannot read the ${what} from the base commit ${sha.slice(0, 7)} (${gitProblem})`, path);
  try {
    const { data } = await (await o.gh()).rest.repos.getContent({ owner: o.owner, repo: o.repo, path: path.replace(/^\.\//, ""), ref: sha });
    if (Array.isArray(data) || data.type !== "file" || !("content" in data)) throw new CostgateError(`is not a file on the base commit ${sha.slice(0, 7)}`, path);
    return Buffer.from(data.content, "base64").toString("utf8");
  } catch (e) {
    if (e instanceof CostgateError) throw e;
    throw new CostgateError(
      `cannot read the ${what} from the base commit ${sha.slice(0, 7)}: git: ${gitProblem}; API: ${describeApiError(e)} (fetch the base commit with git, e.g. actions/checkout fetch-depth: 0)`,
      path,
    );
  }
}
