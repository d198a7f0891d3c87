import { resolve } from "node:path";
import { CostgateError } from "../errors.js";
import { EMPTY_USAGE, loadUsageFile, parseUsage, type Usage } from "../pricing/usage.js";
import { readFileAtBase, type BaseFileOptions } from "./base-files.js";

/** Where the `usage` input is read from: the base commit (default) or the checkout. */
export type UsageSource = "base" | "head";

/** The usage the run prices with, and the usage it trusts (what a discount is measured against). */
export interface ActionUsage {
  /** Usage for pricing base and head. */
  usage: Usage;
  /**
   * Trusted usage (from the base commit, or none = what the plan itself says). When it differs from `usage`
   * (usage read from the pull request), compute quantities lower than with `trusted` are findings.
   */
  trusted: Usage;
  /** `none` (no usage input), `base` (base commit), `head` (checkout, by choice), `pull-request` (checkout: not on base). */
  from: "none" | "base" | "head" | "pull-request";
  /** Name of the file in messages (`path@<sha>` when read from the base commit). */
  label?: string;
  notes: string[];
}

/**
 * Read the `usage` file like policies: by default as it is on the base commit (through git's tree), so a pull
 * request cannot discount its own compute. A usage file the base commit does not have is read from the checkout,
 * and so is any with `usage-source: head`; then the trusted usage is the base commit's version (or none), and the
 * caller judges every compute quantity the pull request's usage lowers. Throws a CostgateError for a bad file,
 * or for `usage-source: base` without a base commit.
 */
export async function readActionUsage(path: string | undefined, source: UsageSource, baseSha: string | undefined, o: BaseFileOptions): Promise<ActionUsage> {
  if (!path) return { usage: EMPTY_USAGE, trusted: EMPTY_USAGE, from: "none", notes: [] };
  if (source === "base" && !baseSha) throw new CostgateError("`usage-source: base` needs a base commit, and this run has none", "usage-source");
  const atBase = baseSha ? await readFileAtBase(path, baseSha, "usage file", o) : undefined;
  const baseUsage = atBase !== undefined ? parseUsage(atBase, `${path}@${baseSha!.slice(0, 7)}`) : undefined;
  if (source === "base" && baseUsage) return { usage: baseUsage, trusted: baseUsage, from: "base", label: baseUsage.file!, notes: [] };
  const checkout = loadUsageFile(resolve(o.cwd, path));
  const usage = { ...checkout, file: path };
  if (!baseSha) return { usage, trusted: usage, from: "head", label: path, notes: [] };
  const notes =
    source === "base"
      ? [`usage file ${path} does not exist on the base commit (added by this pull request): compute it lowers below what the plan says is a finding`]
      : [`usage file ${path} is read from the pull request (usage-source: head): compute it lowers below the base commit's usage is a finding`];
  return { usage, trusted: baseUsage ?? EMPTY_USAGE, from: source === "base" ? "pull-request" : "head", label: path, notes };
}
