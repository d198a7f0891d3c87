import { getOctokit } from "@actions/github";

/** The REST client the action uses (real `@actions/github` octokit with paginate + rest endpoints). */
export type GitHubClient = ReturnType<typeof getOctokit>;

/**
 * An octokit for `GITHUB_API_URL`, read now rather than when `@actions/github` was imported (it bakes the
 * URL in at import), so GHES and the loopback fake used in tests are honoured.
 */
export function createGitHubClient(token: string, env: NodeJS.ProcessEnv = process.env): GitHubClient {
  return getOctokit(token, { baseUrl: (env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, "") });
}

/** HTTP status of an octokit error, if it is one. */
export function httpStatus(e: unknown): number | undefined {
  const s = (e as { status?: unknown })?.status;
  return typeof s === "number" ? s : undefined;
}

/**
 * True for the errors a read-only token produces: 403 "Resource not accessible by integration" (fork pull
 * requests, `permissions: read`), 403/404 on endpoints the token may not see, 401 for a missing token.
 */
export function isPermissionError(e: unknown): boolean {
  const s = httpStatus(e);
  return s === 401 || s === 403 || s === 404;
}

/** One line describing an API failure, without request headers (which hold the token). */
export function describeApiError(e: unknown): string {
  const s = httpStatus(e);
  const msg = (e as Error)?.message ?? String(e);
  return `${s ? `HTTP ${s}: ` : ""}${msg.split("\n")[0]!.slice(0, 300)}`;
}
