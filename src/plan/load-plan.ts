import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { CostgateError, pointer } from "../errors.js";
import { planFromCdktfStack } from "./cdktf-plan.js";
import { jsonErrorPosition, lineColumn } from "./json-error-position.js";
import { isObject } from "./json-values.js";
import type { Plan } from "./resource.js";
import { stripSetupTerraformWrapper, WRAPPER_WARNING } from "./setup-terraform-wrapper.js";
import { planFromTerraformPlan } from "./terraform-plan.js";

export interface LoadPlanOptions {
  /** Region for resources whose provider has no literal region. Default us-east-1. */
  defaultRegion?: string;
  /** Stack name for Terraform plan JSON (default `main`), so base and head plans diff by address. */
  stackName?: string;
}

export const DEFAULT_REGION = "us-east-1";

/**
 * Load any supported input: a cdktf output directory (with manifest.json, every stack), a directory holding
 * `cdktf.out/`, a single `cdk.tf.json`, or `terraform show -json` plan output.
 */
export function loadPlan(path: string, opts: LoadPlanOptions = {}): Plan {
  const defaultRegion = opts.defaultRegion ?? DEFAULT_REGION;
  if (!/^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/.test(defaultRegion))
    throw new CostgateError(`\`${defaultRegion}\` is not an AWS region name (e.g. us-east-1)`, "--region");
  if (!existsSync(path)) throw new CostgateError("no such file or directory", path);
  if (statSync(path).isDirectory()) return loadDirectory(path, defaultRegion);
  const notes: string[] = [];
  const json = readJson(path, path, notes);
  if (isObject(json) && (Array.isArray(json.resource_changes) || "planned_values" in json || "prior_state" in json)) {
    const plan = planFromTerraformPlan(json, { file: path, stack: opts.stackName ?? "main", defaultRegion });
    plan.warnings.unshift(...notes.map((n) => `${path}: ${n}`));
    return plan;
  }
  if (isObject(json) && isObject(json.stacks) && "version" in json) return loadManifest(path, json, defaultRegion);
  if (isObject(json) && isObject(json.values) && !("resource_changes" in json))
    throw new CostgateError("this looks like Terraform state (`values`), not a plan; run `terraform show -json plan.out`", path, "/values");
  if (isObject(json) && ("resource" in json || "provider" in json || "terraform" in json || "//" in json || "module" in json)) {
    const named = stackNameOf(json);
    const plan = planFromCdktfStack(json, { stack: named ?? stackNameForFile(path), file: path, defaultRegion });
    if (named === undefined) plan.stackNamedByFolder = true;
    return plan;
  }
  throw new CostgateError(
    "not a recognised input; expected cdktf synth output (cdk.tf.json or manifest.json) or `terraform show -json` plan output (with resource_changes)",
    path,
    "/",
  );
}

function loadDirectory(dir: string, defaultRegion: string): Plan {
  for (const candidate of [join(dir, "manifest.json"), join(dir, "cdktf.out", "manifest.json")]) {
    if (existsSync(candidate)) {
      const json = readJson(candidate);
      if (!isObject(json) || !isObject(json.stacks)) throw new CostgateError("expected a cdktf manifest with a `stacks` object", candidate, "/stacks");
      return loadManifest(candidate, json, defaultRegion, dir);
    }
  }
  const single = join(dir, "cdk.tf.json");
  if (existsSync(single)) return loadPlan(single, { defaultRegion });
  throw new CostgateError("directory has no manifest.json, cdktf.out/manifest.json or cdk.tf.json (run `cdktf synth` first)", dir);
}

function loadManifest(manifestFile: string, manifest: Record<string, unknown>, defaultRegion: string, input?: string): Plan {
  const root = dirname(manifestFile);
  const stacks = manifest.stacks as Record<string, unknown>;
  const plan: Plan = { input: input ?? manifestFile, format: "cdktf", stacks: [], resources: [], warnings: [] };
  for (const [id, entry] of Object.entries(stacks)) {
    const at = pointer("stacks", id);
    if (!isObject(entry)) throw new CostgateError("each stack entry must be an object", manifestFile, at);
    const rel = entry.synthesizedStackPath;
    if (typeof rel !== "string") throw new CostgateError("`synthesizedStackPath` must be a string", manifestFile, `${at}/synthesizedStackPath`);
    const file = resolve(root, rel);
    if (relative(root, file).startsWith("..")) throw new CostgateError("`synthesizedStackPath` must stay inside the output directory", manifestFile, `${at}/synthesizedStackPath`);
    if (!existsSync(file)) throw new CostgateError(`stack file ${rel} does not exist (re-run cdktf synth)`, manifestFile, `${at}/synthesizedStackPath`);
    const name = typeof entry.name === "string" ? entry.name : id;
    const shown = relative(process.cwd(), file) || file;
    const p = planFromCdktfStack(readJson(file, shown), { stack: name, file: shown, defaultRegion });
    plan.stacks.push(name);
    // One push per item: spreading a 150k-resource stack into push() overflows the call stack.
    for (const r of p.resources) plan.resources.push(r);
    for (const w of p.warnings) plan.warnings.push(w);
  }
  return plan;
}

/** The cdktf stack name a synthesized stack records in `//.metadata.stackName`, when it does. */
function stackNameOf(json: Record<string, unknown>): string | undefined {
  const meta = isObject(json["//"]) && isObject(json["//"].metadata) ? json["//"].metadata : undefined;
  return meta && typeof meta.stackName === "string" && meta.stackName.trim() !== "" ? meta.stackName : undefined;
}

/** `.../stacks/<name>/cdk.tf.json` → `<name>`; otherwise the file's base name. */
function stackNameForFile(path: string): string {
  const b = basename(path);
  if (b === "cdk.tf.json") return basename(dirname(resolve(path)));
  return b.replace(/\.(tf\.)?json$/, "");
}

/**
 * Read and parse JSON; errors name the file and, for syntax errors, the line and column. Output of
 * `terraform show -json` wrapped by hashicorp/setup-terraform is unwrapped, with a note added to `notes`.
 */
export function readJson(path: string, shown = path, notes?: string[]): unknown {
  let text: string;
  try {
    text = readText(path);
  } catch (e) {
    throw new CostgateError(`cannot read file (${(e as NodeJS.ErrnoException).code ?? "error"})`, shown);
  }
  try {
    return JSON.parse(text);
  } catch {
    const unwrapped = stripSetupTerraformWrapper(text);
    if (unwrapped.stripped) {
      try {
        const json: unknown = JSON.parse(unwrapped.text);
        notes?.push(WRAPPER_WARNING);
        return json;
      } catch {
        // Not JSON inside either: report the position in the file as it is.
      }
    }
    if (text.trim() === "") throw new CostgateError("file is empty; expected JSON", shown);
    const { offset, problem } = jsonErrorPosition(text);
    throw new CostgateError(`not valid JSON: ${problem}`, shown, lineColumn(text, offset));
  }
}

/**
 * A file as text: UTF-8 (read straight into a string, the fast path), with a byte order mark removed, or UTF-16
 * when it starts with one (Windows PowerShell 5's `terraform show -json > plan.json` writes UTF-16LE with a BOM).
 */
function readText(path: string): string {
  const text = readFileSync(path, "utf8");
  if (text.charCodeAt(0) === 0xfeff) return text.slice(1);
  // A UTF-16 byte order mark is not UTF-8: it decodes to replacement characters.
  if (text.charCodeAt(0) === 0xfffd) return decodeText(readFileSync(path));
  return text;
}

/** File bytes as text: UTF-8 (without a byte order mark) or UTF-16 with one. */
export function decodeText(buf: Buffer): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.toString("utf8", 3);
  if (buf[0] === 0xff && buf[1] === 0xfe) return buf.toString("utf16le", 2);
  if (buf[0] === 0xfe && buf[1] === 0xff) return Buffer.from(buf.subarray(2, buf.length - (buf.length % 2))).swap16().toString("utf16le");
  return buf.toString("utf8");
}
