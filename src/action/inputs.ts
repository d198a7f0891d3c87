import { CostgateError } from "../errors.js";
import type { CommentMode } from "./sticky-comment.js";
import type { UsageSource } from "./usage-files.js";

export type FailOn = "mandatory" | "any" | "never";
export type PolicySource = "base" | "head";
export type PricesInput = "auto" | "snapshot" | "aws";

/** Every input of action.yml, parsed and validated once. */
export interface ActionInputs {
  /** Head plan: cdktf output directory, cdk.tf.json, or terraform show -json output. */
  path: string;
  /** Base plan (same kinds), priced with the same prices for the diff. */
  basePath?: string;
  /** Command that synthesizes the base in a git worktree of the base SHA (when base-path is not given). */
  synthCommand?: string;
  /** Policy files, repository-relative. */
  policies: string[];
  /** Where policy files are read from; `base` (default) so a PR cannot loosen its own policy. */
  policySource: PolicySource;
  usage?: string;
  /** Price book (your own prices), read like policies (from the base commit unless `policy-source: head`). */
  priceBook?: string;
  /** Where the usage file is read from; `base` (default) so a PR cannot discount its own compute. */
  usageSource: UsageSource;
  /** Extra environment variable names passed to `synth-command` (beyond the built-in allow-list). */
  synthEnv: string[];
  /** Seconds before one GitHub API request is abandoned (and fails closed). */
  githubApiTimeout: number;
  prices: PricesInput;
  spotDiscount?: string;
  region: string;
  allowUnknownTypes: boolean;
  githubToken: string;
  comment: CommentMode;
  commentKey: string;
  commentAuthor: string;
  commentWhenUnchanged: boolean;
  failOn: FailOn;
  reportPath?: string;
  sarifPath?: string;
  topResources: number;
}

/** Defaults, identical to action.yml (a test keeps them in sync); applied when the runner did not. */
export const INPUT_DEFAULTS: Readonly<Record<string, string>> = {
  "policy-source": "base",
  "usage-source": "base",
  "github-api-timeout": "30",
  prices: "snapshot",
  region: "us-east-1",
  "allow-unknown-types": "false",
  comment: "update",
  "comment-key": "default",
  "comment-author": "github-actions[bot]",
  "comment-when-unchanged": "false",
  "fail-on": "mandatory",
  "top-resources": "10",
};

/** Reads one input as `@actions/core` does: `INPUT_<NAME>` with spaces → `_`, upper case, hyphens kept. */
export type InputReader = (name: string) => string;

export const envInputReader =
  (env: NodeJS.ProcessEnv = process.env): InputReader =>
  (name) =>
    (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();

export function readInputs(read: InputReader = envInputReader()): ActionInputs {
  const get = (name: string) => read(name) || INPUT_DEFAULTS[name] || "";
  const optional = (name: string) => get(name) || undefined;
  const path = get("path");
  if (!path) throw new CostgateError("input `path` is required: the synthesized cdktf output or plan JSON of the PR head", "action inputs");
  const basePath = optional("base-path");
  const synthCommand = optional("synth-command");
  const policies = get("policy")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  const topResources = Number(get("top-resources"));
  if (!Number.isInteger(topResources) || topResources < 0 || topResources > 1000)
    throw new CostgateError(`input \`top-resources\` must be a whole number 0-1000, got \`${get("top-resources")}\``, "action inputs");
  const githubToken = get("github-token");
  const githubApiTimeout = Number(get("github-api-timeout"));
  if (!(githubApiTimeout > 0 && githubApiTimeout <= 600))
    throw new CostgateError(`input \`github-api-timeout\` must be a number of seconds, more than 0 and at most 600, got \`${get("github-api-timeout")}\``, "action inputs");
  const synthEnv = get("synth-env")
    .split(/[\s,]+/)
    .filter(Boolean);
  for (const name of synthEnv)
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new CostgateError(`input \`synth-env\` must list environment variable names, got \`${name}\``, "action inputs");
  return {
    path,
    ...(basePath ? { basePath } : {}),
    ...(synthCommand ? { synthCommand } : {}),
    policies,
    policySource: oneOf("policy-source", get("policy-source"), ["base", "head"] as const),
    ...(optional("usage") ? { usage: get("usage") } : {}),
    ...(optional("price-book") ? { priceBook: get("price-book") } : {}),
    usageSource: oneOf("usage-source", get("usage-source"), ["base", "head"] as const),
    synthEnv,
    githubApiTimeout,
    prices: oneOf("prices", get("prices"), ["auto", "snapshot", "aws"] as const),
    ...(optional("spot-discount") ? { spotDiscount: get("spot-discount") } : {}),
    region: get("region"),
    allowUnknownTypes: bool("allow-unknown-types", get("allow-unknown-types")),
    githubToken,
    comment: oneOf("comment", get("comment"), ["update", "new", "delete-and-new", "off"] as const),
    commentKey: get("comment-key"),
    commentAuthor: get("comment-author"),
    commentWhenUnchanged: bool("comment-when-unchanged", get("comment-when-unchanged")),
    failOn: oneOf("fail-on", get("fail-on"), ["mandatory", "any", "never"] as const),
    ...(optional("report-path") ? { reportPath: get("report-path") } : {}),
    ...(optional("sarif-path") ? { sarifPath: get("sarif-path") } : {}),
    topResources,
  };
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CostgateError(`input \`${name}\` must be one of ${allowed.join(", ")}, got \`${value}\``, "action inputs");
}

/** YAML 1.2 core booleans, as `core.getBooleanInput` accepts them. */
function bool(name: string, value: string): boolean {
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  throw new CostgateError(`input \`${name}\` must be true or false, got \`${value}\``, "action inputs");
}
