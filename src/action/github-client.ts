import type { getOctokit } from "@actions/github";

/** The REST client the action uses (real `@actions/github` octokit with paginate + rest endpoints). */
export type GitHubClient = ReturnType<typeof getOctokit>;

/**
 * A client made on first use, then reused. `@actions/github` (octokit, `@actions/http-client` and undici: ~1.2 MB
 * of the bundle, ~100 ms to load) is imported only by a run that talks to the API (a pull request comment, the
 * override label, a base file git cannot read), not by every run that has a token.
 */
export type GitHubClientOnDemand = () => Promise<GitHubClient>;

/** See GitHubClientOnDemand; the arguments are createGitHubClient's. */
export function gitHubClientOnDemand(token: string, env: NodeJS.ProcessEnv = process.env, timeoutSeconds = DEFAULT_GITHUB_API_TIMEOUT_SECONDS): GitHubClientOnDemand {
  let client: Promise<GitHubClient> | undefined;
  return () => (client ??= createGitHubClient(token, env, timeoutSeconds));
}

/** Default time limit of one GitHub API request (including its response body), in seconds. */
export const DEFAULT_GITHUB_API_TIMEOUT_SECONDS = 30;

/**
 * An octokit for `GITHUB_API_URL`, read now rather than when `@actions/github` was imported (it bakes the
 * URL in at import), so GHES and the loopback fake used in tests are honoured. Every request is aborted after
 * `timeoutSeconds` (a stalled API must not hang the step; callers treat the error as a failed call, which
 * fails closed). The proxy-aware fetch of `@actions/github` is kept: the limit is an abort signal per request.
 */
export async function createGitHubClient(token: string, env: NodeJS.ProcessEnv = process.env, timeoutSeconds = DEFAULT_GITHUB_API_TIMEOUT_SECONDS): Promise<GitHubClient> {
  const [{ getOctokit }, { defaults: actionsDefaults }] = await Promise.all([import("@actions/github"), import("@actions/github/lib/utils")]);
  const proxyFetch = (actionsDefaults.request as { fetch: typeof fetch }).fetch;
  const limitedFetch = async (url: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const limit = AbortSignal.timeout(timeoutSeconds * 1000);
    const signal = init.signal ? AbortSignal.any([init.signal, limit]) : limit;
    try {
      return await proxyFetch(url, { ...init, signal });
    } catch (e) {
      if (limit.aborted) throw new GitHubTimeoutError(`${init.method ?? "GET"} ${new URL(String(url)).pathname}`, timeoutSeconds);
      throw e;
    }
  };
  return getOctokit(token, {
    baseUrl: (env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, ""),
    request: { ...actionsDefaults.request, fetch: limitedFetch },
  });
}

/** A GitHub API request that did not complete within the time limit. */
export class GitHubTimeoutError extends Error {
  constructor(
    readonly request: string,
    readonly timeoutSeconds: number,
  ) {
    super(`the GitHub API did not answer ${request} within ${timeoutSeconds} s`);
  }
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
