import { isMap, isPair, isScalar, type Node } from "yaml";
import { CostgateError } from "../errors.js";
import { positionOf, type PositionedYaml } from "../yaml-positions.js";
import type { SchemaError } from "./policy-schema.js";

/** Path segments of a JSON pointer (`/rules/0/check` → ["rules", "0", "check"]). */
export function pointerPath(ptr: string): string[] {
  if (!ptr) return [];
  return ptr
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** A path as a reader would write it: `rules[1].check.maxIncrease`. */
export function describePath(path: readonly (string | number)[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number" || /^\d+$/.test(seg)) out += `[${seg}]`;
    else out += out ? `.${seg}` : seg;
  }
  return out || "the document";
}

function show(v: unknown): string {
  // JSON.stringify(NaN) is "null"; YAML's .nan and .inf are numbers.
  const s = typeof v === "number" && !Number.isFinite(v) ? String(v) : JSON.stringify(v);
  if (s === undefined) return String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function typeName(v: unknown): string {
  if (v === null) return "null (empty)";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return `a ${typeof v} (${show(v)})`;
}

const TYPE_WORDS: Record<string, string> = {
  object: "a mapping",
  array: "a list",
  string: "a string",
  number: "a number",
  integer: "a whole number",
  boolean: "true or false",
  null: "empty",
};

function expected(e: SchemaError): string | undefined {
  const p = e.parentSchema as Record<string, unknown> | undefined;
  const hint = p?.["x-expected"];
  return typeof hint === "string" ? hint : undefined;
}

/** One sentence for one schema error: what is wrong, what was expected. */
function describe(e: SchemaError, path: string[]): string {
  const where = describePath(path);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "required":
      return `${where} is missing \`${String(params.missingProperty)}\``;
    case "additionalProperties": {
      const allowed = Object.keys(((e.parentSchema as Record<string, unknown>)?.properties as Record<string, unknown>) ?? {});
      const kind = (e.data as Record<string, unknown> | undefined)?.kind;
      const ctx = path.at(-1) === "check" && typeof kind === "string" ? ` (check kind ${kind})` : "";
      return `unknown key \`${String(params.additionalProperty)}\` in ${where}${ctx}; expected ${
        allowed.length ? `one of ${allowed.join(", ")}` : "no other keys"
      }`;
    }
    case "type": {
      const want = String(params.type)
        .split(",")
        .map((t) => TYPE_WORDS[t] ?? t)
        .join(" or ");
      return `${where} must be ${expected(e) ?? want}, got ${typeName(e.data)}`;
    }
    case "enum":
      return `${show(e.data)} is not allowed for ${where}; expected one of ${(params.allowedValues as unknown[]).map(String).join(", ")}`;
    case "const":
      return `${where} must be ${expected(e) ?? show(params.allowedValue)}, got ${show(e.data)}`;
    case "pattern":
      return `${show(e.data)} is not valid for ${where}; expected ${expected(e) ?? `a string matching /${String(params.pattern)}/`}`;
    case "format":
      return `${show(e.data)} is not a valid ${String(params.format)} for ${where}; expected ${expected(e) ?? String(params.format)}`;
    case "minLength":
      return `${where} is too short; expected ${expected(e) ?? `at least ${String(params.limit)} characters`}`;
    case "maxLength":
      return `${where} is too long; expected at most ${String(params.limit)} characters`;
    case "minimum":
      return `${where} must be at least ${String(params.limit)}, got ${show(e.data)}`;
    case "minItems":
      return `${where} must list at least ${String(params.limit)} entr${params.limit === 1 ? "y" : "ies"}`;
    case "minProperties":
      return `${where} needs ${expected(e) ?? `at least ${String(params.limit)} entries`}`;
    case "discriminator":
      if (params.error === "mapping")
        return `unknown check kind ${show(params.tagValue)} in ${where}; expected one of ${checkKinds(e).join(", ")}`;
      return `${where}.kind must be a string naming the check kind`;
    case "oneOf":
      return `${where} must be ${expected(e) ?? "one of the allowed shapes"}, got ${typeName(e.data)}`;
    default:
      return `${where} ${e.message ?? "is not valid"}`;
  }
}

function checkKinds(e: SchemaError): string[] {
  const variants = ((e.parentSchema as Record<string, unknown>)?.oneOf ?? []) as { properties?: { kind?: { const?: string } } }[];
  return variants.map((v) => v.properties?.kind?.const).filter((k): k is string => typeof k === "string");
}

function isUnder(path: string, parent: string): boolean {
  return path === parent || path.startsWith(parent + "/");
}

/**
 * Reduce ajv's errors (allErrors) to the ones a person should read. A `oneOf` failure is reported once, in its
 * own words, unless one of its branches got further into the value (then that deeper error is clearer).
 */
export function relevantErrors(errors: readonly SchemaError[]): SchemaError[] {
  let out = [...errors];
  for (const one of errors.filter((e) => e.keyword === "oneOf")) {
    const inner = out.filter((e) => e !== one && isUnder(e.instancePath, one.instancePath));
    const deeper = inner.filter((e) => e.instancePath !== one.instancePath);
    out = out.filter((e) => !inner.includes(e) || deeper.includes(e));
    if (deeper.length > 0) out = out.filter((e) => e !== one);
  }
  // A discriminator error already says the kind is wrong; the `kind: must be string` beside it is noise.
  for (const d of out.filter((e) => e.keyword === "discriminator")) {
    out = out.filter((e) => e === d || !(e.instancePath === `${d.instancePath}/kind` && e.keyword === "type"));
  }
  return out;
}

/** `line:column` of a key (not its value) in the mapping at `path`, so an unknown key is pointed at itself. */
function keyPosition(y: PositionedYaml, path: string[], key: string): string | undefined {
  const map = path.length ? y.doc.getIn(path, true) : y.doc.contents;
  if (!isMap(map)) return undefined;
  const pair = map.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
  const range = (pair?.key as Node | undefined)?.range;
  if (!range) return undefined;
  const p = y.lines.linePos(range[0]);
  return `${p.line}:${p.col}`;
}

/** Throw the first schema problem (in document order) as one positioned CostgateError. */
export function throwSchemaErrors(y: PositionedYaml, errors: readonly SchemaError[]): never {
  const located = relevantErrors(errors).map((e) => {
    const path = pointerPath(e.instancePath);
    let pos = positionOf(y, e.keyword === "discriminator" ? [...path, "kind"] : path);
    if (e.keyword === "additionalProperties") pos = keyPosition(y, path, String((e.params as Record<string, unknown>).additionalProperty)) ?? pos;
    const [line, col] = pos.split(":").map(Number) as [number, number];
    return { message: describe(e, path), pos, line, col };
  });
  located.sort((a, b) => a.line - b.line || a.col - b.col);
  const first = located[0]!;
  const more = located.length - 1;
  throw new CostgateError(`${first.message}${more > 0 ? ` (and ${more} more problem${more === 1 ? "" : "s"} in this file)` : ""}`, y.file, first.pos);
}
