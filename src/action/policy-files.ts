import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { CostgateError } from "../errors.js";
import { readFileAtBase, type BaseFileOptions } from "./base-files.js";
import type { PolicySource } from "./inputs.js";

export interface PolicyText {
  /** The path as given in the `policy` input. */
  path: string;
  /** Name used in messages and reports: `path@<base sha>` when read from the base commit. */
  label: string;
  text: string;
  /**
   * `base`: the base commit. `head`: the checkout, chosen by the workflow (`policy-source: head`).
   * `pull-request`: the checkout because the file is not on the base commit — written by the pull request, so it
   * may only add or tighten rules (see untrusted-policy.ts).
   */
  from: "base" | "head" | "pull-request";
}

export interface ReadPolicyOptions extends BaseFileOptions {
  source: PolicySource;
  /** Base commit the policies are read from; required with `source: base` (the caller refuses events without one). */
  baseSha?: string;
}

/**
 * Read policy files, by default as they are on the base commit (through git's tree, see base-files.ts), so a
 * PR cannot loosen the policy that gates it. A policy file that definitely does not exist on the base (added by
 * this PR, or generated into the synth output) is read from the checkout as `from: "pull-request"`, with a note.
 * Throws a CostgateError when `source` is `base` without a base commit.
 */
export async function readPolicyTexts(paths: readonly string[], o: ReadPolicyOptions): Promise<{ policies: PolicyText[]; notes: string[] }> {
  const notes: string[] = [];
  const policies: PolicyText[] = [];
  if (o.source === "base" && !o.baseSha)
    throw new CostgateError("`policy-source: base` needs a base commit, and this run has none", "policy-source");
  for (const path of paths) {
    if (o.source === "base") {
      const text = await readFileAtBase(path, o.baseSha!, "policy", o);
      if (text !== undefined) {
        policies.push({ path, label: `${path}@${o.baseSha!.slice(0, 7)}`, text, from: "base" });
        continue;
      }
      notes.push(`policy ${path} does not exist on the base commit (added by this pull request): it may only add or tighten rules`);
      policies.push({ path, label: path, text: readFromCheckout(path, o.cwd), from: "pull-request" });
      continue;
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
