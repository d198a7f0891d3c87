import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { findNodeAtLocation, parseTree, type Node } from "jsonc-parser";
import { allResources, type Estimate } from "../pricing/estimate.js";

/**
 * Where a resource is written, for SARIF and annotations: its line in the synthesized stack file (or the plan
 * JSON), the construct's source file and line when the cdktf `//` metadata carries a stack trace, and the
 * construct path. Files are repository-relative (forward slashes) when they lie under the root.
 */
export interface ResourceLocation {
  /** The resource's key in `cdk.tf.json` (or its entry in the plan's `resource_changes`); 1-based line/column. */
  synthesized?: FileLine;
  /** The construct's source: the first stack-trace frame outside node_modules, inside the root. */
  source?: FileLine;
  /** cdktf construct path, e.g. `gpu-platform-dev/training/instance`. */
  constructPath?: string;
}

export interface FileLine {
  file: string;
  line: number;
  column?: number;
}

/** Looks up a resource by stack and address. */
export type ResourceLocator = (stack: string | undefined, address: string | undefined) => ResourceLocation | undefined;

export interface LocatorOptions {
  /** Repository root that file paths are made relative to (the CLI's working directory). */
  root: string;
  /** Read a file's text; undefined when it cannot be read. Default: the file system. */
  readFile?: (path: string) => string | undefined;
}

/**
 * Build a locator for the resources of an estimate. Each stack file is read and parsed (jsonc-parser, which
 * keeps offsets) at most once, on first use. Never throws: a location that cannot be found is left out.
 */
export function resourceLocator(estimate: Estimate, opts: LocatorOptions): ResourceLocator {
  const read = opts.readFile ?? readText;
  const byKey = new Map(allResources(estimate).map((r) => [`${r.stack}/${r.address}`, r]));
  const lines = new Map<string, Map<string, FileLine> | null>();
  const linesOf = (stack: string): Map<string, FileLine> | null => {
    if (!lines.has(stack)) {
      const file = stackFile(estimate, stack, read);
      const text = file === undefined ? undefined : read(file);
      lines.set(stack, file === undefined || text === undefined ? null : resourceLines(text, repoPath(file, opts.root), estimate.format));
    }
    return lines.get(stack)!;
  };
  return (stack, address) => {
    if (stack === undefined || address === undefined) return undefined;
    const r = byKey.get(`${stack}/${address}`);
    if (!r) return undefined;
    const loc: ResourceLocation = {};
    const synthesized = linesOf(stack)?.get(address);
    if (synthesized) loc.synthesized = synthesized;
    const trace = metadataOf(r.attributes)?.stackTrace;
    const source = Array.isArray(trace) ? sourceFrame(trace, opts.root) : undefined;
    if (source) loc.source = source;
    if (r.constructPath) loc.constructPath = r.constructPath;
    return loc;
  };
}

/** The synthesized file of a stack: the input itself when it is a JSON file, else the manifest's entry. */
function stackFile(estimate: Estimate, stack: string, read: (p: string) => string | undefined): string | undefined {
  const input = estimate.input;
  if (/\.json$/i.test(input) && !/manifest\.json$/i.test(input)) return input;
  for (const manifest of [/manifest\.json$/i.test(input) ? input : join(input, "manifest.json"), join(input, "cdktf.out", "manifest.json")]) {
    const text = read(manifest);
    if (text === undefined) continue;
    try {
      const rel = (JSON.parse(text) as { stacks?: Record<string, { synthesizedStackPath?: unknown }> }).stacks?.[stack]?.synthesizedStackPath;
      if (typeof rel === "string") return join(dirname(manifest), rel);
    } catch {
      return undefined;
    }
  }
  return join(input, "stacks", stack, "cdk.tf.json");
}

/** Line of every resource in a Terraform JSON configuration (`resource.<type>.<name>`) or plan (`resource_changes[].address`). */
export function resourceLines(text: string, file: string, format: Estimate["format"]): Map<string, FileLine> {
  const out = new Map<string, FileLine>();
  const tree = parseTree(text);
  if (!tree) return out;
  const starts = lineStarts(text);
  const at = (node: Node): FileLine => ({ file, ...lineColumn(starts, node.offset) });
  if (format === "terraform-plan") {
    const changes = findNodeAtLocation(tree, ["resource_changes"]);
    for (const item of changes?.children ?? []) {
      const addr = findNodeAtLocation(item, ["address"]);
      if (typeof addr?.value === "string") out.set(addr.value, at(item));
    }
    return out;
  }
  const section = findNodeAtLocation(tree, ["resource"]);
  for (const typeProp of section?.children ?? []) {
    const type = typeProp.children?.[0]?.value;
    for (const nameProp of typeProp.children?.[1]?.children ?? []) {
      const name = nameProp.children?.[0]?.value;
      if (typeof type === "string" && typeof name === "string") out.set(`${type}.${name}`, at(nameProp));
    }
  }
  return out;
}

/**
 * The construct's source location from a cdktf stack trace (`at new Trainer (/repo/constructs/gpu.ts:42:5)`):
 * the first frame whose file is outside node_modules and under `root`, made root-relative.
 */
export function sourceFrame(trace: unknown[], root: string): FileLine | undefined {
  for (const frame of trace) {
    if (typeof frame !== "string") continue;
    const m = /\(?((?:file:\/\/)?[^\s()]+?):(\d+):(\d+)\)?\s*$/.exec(frame.trim());
    if (!m) continue;
    let path = m[1]!;
    if (path.startsWith("file://")) {
      try {
        path = fileURLToPath(path);
      } catch {
        continue;
      }
    }
    if (path.startsWith("node:") || !isAbsolute(path) || path.split(/[\\/]/).includes("node_modules")) continue;
    const rel = relative(resolve(root), path);
    if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) continue;
    return { file: rel.split(sep).join("/"), line: Number(m[2]), column: Number(m[3]) };
  }
  return undefined;
}

function metadataOf(attributes: Record<string, unknown>): { stackTrace?: unknown } | undefined {
  const meta = (attributes["//"] as { metadata?: unknown } | undefined)?.metadata;
  return meta && typeof meta === "object" ? (meta as { stackTrace?: unknown }) : undefined;
}

/** A path relative to the root with forward slashes when it lies under it; else as given. */
export function repoPath(path: string, root: string): string {
  const rel = relative(resolve(root), resolve(path));
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel.split(sep).join("/") : path;
}

/** Offsets where each line starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line and column of an offset (binary search over line starts). */
function lineColumn(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

function readText(path: string): string | undefined {
  try {
    return existsSync(path) ? readFileSync(path, "utf8") : undefined;
  } catch {
    return undefined;
  }
}
