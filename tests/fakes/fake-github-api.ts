// A loopback fake of the GitHub REST API endpoints the action uses. It keeps state (comments, labels, issue
// events, collaborator permissions, pull request heads, file contents), paginates with Link headers like
// GitHub, enforces the 65,536-character comment limit, records every request, and can act as a read-only
// token (403 "Resource not accessible by integration" on writes), as fork pull requests get.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeUser {
  login: string;
  type: "User" | "Bot";
}

export interface FakeComment {
  id: number;
  body: string;
  user: FakeUser;
  created_at: string;
  updated_at: string;
}

export interface FakeIssueEvent {
  id: number;
  event: string;
  actor: FakeUser;
  label?: { name: string };
  created_at: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  authorization: string | undefined;
}

export interface FakeGitHubState {
  /** Login of the token's identity; comments it creates are authored by it. */
  botLogin: string;
  /** Writes fail with 403 (fork pull requests, `permissions: read`). */
  readOnly: boolean;
  /** Every request fails with 401 Bad credentials. */
  badCredentials: boolean;
  comments: Map<number, FakeComment[]>;
  labels: Map<number, { name: string; description?: string }[]>;
  events: Map<number, FakeIssueEvent[]>;
  /** login → permission (`admin`, `maintain`, `write`, `triage`, `read`); missing = not a collaborator. */
  permissions: Map<string, string>;
  pulls: Map<number, { headSha: string; baseSha: string; state: "open" | "closed" }>;
  /** `${ref}:${path}` → file text (contents API). */
  files: Map<string, string>;
  /** Workflow runs (`GET /repos/{o}/{r}/actions/runs?head_sha=`), oldest first. */
  runs: { id: number; head_sha: string; event: string; created_at: string }[];
  /** Requests whose path matches never get an answer (a stalled API). */
  stall?: RegExp;
  requests: RecordedRequest[];
}

export interface FakeGitHub {
  url: string;
  state: FakeGitHubState;
  /** Add a comment as some user (e.g. a human, or a spoofed marker). */
  addComment(issue: number, body: string, user: FakeUser): FakeComment;
  /** Record a workflow run for a pushed head commit (as GitHub does on `synchronize`), at the fake's clock. */
  recordRun(headSha: string, event?: string): void;
  /** Apply a label as `actor`: sets it on the issue and records a `labeled` event. */
  applyLabel(issue: number, name: string, actor: string, description?: string): void;
  close(): Promise<void>;
}

const PER_PAGE_DEFAULT = 30;
const MAX_BODY = 65_536;

export async function startFakeGitHub(init: Partial<Pick<FakeGitHubState, "botLogin" | "readOnly">> = {}): Promise<FakeGitHub> {
  const state: FakeGitHubState = {
    botLogin: init.botLogin ?? "github-actions[bot]",
    readOnly: init.readOnly ?? false,
    badCredentials: false,
    comments: new Map(),
    labels: new Map(),
    events: new Map(),
    permissions: new Map(),
    pulls: new Map(),
    files: new Map(),
    runs: [],
    requests: [],
  };
  let nextId = 1000;
  let clock = Date.parse("2026-11-23T10:00:00Z");
  // GitHub writes timestamps without milliseconds.
  const now = () => new Date((clock += 1000)).toISOString().replace(/\.\d{3}Z$/, "Z");

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      try {
        handle(req, res, Buffer.concat(chunks).toString("utf8"));
      } catch (e) {
        send(res, 500, { message: String(e) });
      }
    });
  });

  function handle(req: IncomingMessage, res: ServerResponse, raw: string): void {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = req.method ?? "GET";
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
    state.requests.push({ method, path: url.pathname, query: Object.fromEntries(url.searchParams), body, authorization: req.headers.authorization });
    if (state.stall?.test(url.pathname)) return;
    if (state.badCredentials) return send(res, 401, { message: "Bad credentials" });
    const write = method !== "GET";
    if (write && state.readOnly) return send(res, 403, { message: "Resource not accessible by integration", status: "403" });

    let m: RegExpMatchArray | null;
    if ((m = url.pathname.match(/^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/))) {
      const issue = Number(m[1]);
      const list = state.comments.get(issue) ?? [];
      if (method === "GET") return page(req, res, url, list.map(toApiComment));
      if (method === "POST") {
        const text = String(body?.body ?? "");
        if (text.length > MAX_BODY) return tooLong(res);
        const c: FakeComment = { id: nextId++, body: text, user: { login: state.botLogin, type: "Bot" }, created_at: now(), updated_at: "" };
        c.updated_at = c.created_at;
        state.comments.set(issue, [...list, c]);
        return send(res, 201, toApiComment(c));
      }
    }
    if ((m = url.pathname.match(/^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/))) {
      const id = Number(m[1]);
      for (const [issue, list] of state.comments) {
        const c = list.find((x) => x.id === id);
        if (!c) continue;
        if (method === "PATCH") {
          if (c.user.login !== state.botLogin) return send(res, 403, { message: "Must have admin rights to Repository." });
          const text = String(body?.body ?? "");
          if (text.length > MAX_BODY) return tooLong(res);
          c.body = text;
          c.updated_at = now();
          return send(res, 200, toApiComment(c));
        }
        if (method === "DELETE") {
          state.comments.set(issue, list.filter((x) => x.id !== id));
          res.writeHead(204).end();
          return;
        }
        if (method === "GET") return send(res, 200, toApiComment(c));
      }
      return send(res, 404, { message: "Not Found" });
    }
    if ((m = url.pathname.match(/^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/labels$/)) && method === "GET")
      return page(req, res, url, (state.labels.get(Number(m[1])) ?? []).map((l, i) => ({ id: i + 1, name: l.name, description: l.description ?? null })));
    if ((m = url.pathname.match(/^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/events$/)) && method === "GET")
      return page(req, res, url, state.events.get(Number(m[1])) ?? []);
    if ((m = url.pathname.match(/^\/repos\/[^/]+\/[^/]+\/collaborators\/([^/]+)\/permission$/)) && method === "GET") {
      const login = decodeURIComponent(m[1]!);
      const permission = state.permissions.get(login);
      if (!permission) return send(res, 404, { message: `${login} is not a user` });
      // REST folds maintain into write and triage into read; role_name keeps the exact role.
      const folded = permission === "maintain" ? "write" : permission === "triage" ? "read" : permission;
      return send(res, 200, { permission: folded, role_name: permission, user: { login, type: "User" } });
    }
    if ((m = url.pathname.match(/^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)$/)) && method === "GET") {
      const pr = state.pulls.get(Number(m[1]));
      if (!pr) return send(res, 404, { message: "Not Found" });
      return send(res, 200, { number: Number(m[1]), state: pr.state, head: { sha: pr.headSha }, base: { sha: pr.baseSha } });
    }
    if (url.pathname.match(/^\/repos\/[^/]+\/[^/]+\/actions\/runs$/) && method === "GET") {
      const sha = url.searchParams.get("head_sha");
      const runs = state.runs.filter((r) => !sha || r.head_sha === sha);
      // Like GitHub: an object with total_count and the page of workflow_runs, newest first.
      const perPage = Math.min(100, Number(url.searchParams.get("per_page") ?? PER_PAGE_DEFAULT));
      const n = Number(url.searchParams.get("page") ?? 1);
      return send(res, 200, { total_count: runs.length, workflow_runs: [...runs].reverse().slice((n - 1) * perPage, n * perPage) });
    }
    if ((m = url.pathname.match(/^\/repos\/[^/]+\/[^/]+\/contents\/(.+)$/)) && method === "GET") {
      const path = decodeURIComponent(m[1]!);
      const ref = url.searchParams.get("ref") ?? "HEAD";
      const text = state.files.get(`${ref}:${path}`);
      if (text === undefined) return send(res, 404, { message: "Not Found" });
      return send(res, 200, { type: "file", path, encoding: "base64", content: Buffer.from(text).toString("base64") });
    }
    send(res, 404, { message: `fake GitHub: no route for ${method} ${url.pathname}` });
  }

  function page(req: IncomingMessage, res: ServerResponse, url: URL, items: unknown[]): void {
    const perPage = Math.min(100, Number(url.searchParams.get("per_page") ?? PER_PAGE_DEFAULT));
    const n = Number(url.searchParams.get("page") ?? 1);
    const slice = items.slice((n - 1) * perPage, n * perPage);
    const headers: Record<string, string> = {};
    if (n * perPage < items.length) {
      const next = new URL(url.toString());
      next.host = req.headers.host ?? next.host;
      next.searchParams.set("page", String(n + 1));
      next.searchParams.set("per_page", String(perPage));
      headers.link = `<${next.toString()}>; rel="next"`;
    }
    send(res, 200, slice, headers);
  }

  function tooLong(res: ServerResponse): void {
    send(res, 422, {
      message: "Validation Failed",
      errors: [{ resource: "IssueComment", code: "custom", field: "body", message: `body is too long (maximum is ${MAX_BODY} characters)` }],
    });
  }

  function toApiComment(c: FakeComment) {
    return { ...c, html_url: `https://github.com/o/r/pull/0#issuecomment-${c.id}`, user: { ...c.user } };
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    addComment(issue, body, user) {
      const c: FakeComment = { id: nextId++, body, user, created_at: now(), updated_at: "" };
      c.updated_at = c.created_at;
      state.comments.set(issue, [...(state.comments.get(issue) ?? []), c]);
      return c;
    },
    recordRun(headSha, event = "pull_request") {
      state.runs.push({ id: nextId++, head_sha: headSha, event, created_at: now() });
    },
    applyLabel(issue, name, actor, description) {
      const labels = state.labels.get(issue) ?? [];
      if (!labels.some((l) => l.name === name)) state.labels.set(issue, [...labels, { name, ...(description ? { description } : {}) }]);
      const events = state.events.get(issue) ?? [];
      state.events.set(issue, [...events, { id: nextId++, event: "labeled", actor: { login: actor, type: "User" }, label: { name }, created_at: now() }]);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}
