import { CostgateError } from "../errors.js";
import { isUnknown, UnknownValue } from "./unknown-value.js";

/** Helpers for reading loosely-shaped Terraform JSON values. */

/** True for a string holding an unresolved Terraform expression (`${...}`). */
export function isExpression(v: unknown): v is string {
  return typeof v === "string" && v.includes("${");
}

/** A JSON object (not an array, not null, not an unknown value). */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof UnknownValue);
}

/**
 * True for a value costgate cannot read yet: an unresolved `${...}` expression (cdktf output) or a value
 * Terraform only knows after apply (plan JSON).
 */
export function isUnresolved(v: unknown): v is string | UnknownValue {
  return isExpression(v) || isUnknown(v);
}

/** How an unresolved value is named in a message: the expression, or `known after apply`. */
export function describeUnresolved(v: string | UnknownValue): string {
  return typeof v === "string" ? v : v.toString();
}

/** Terraform JSON blocks may be written as one object or an array of objects; read both as an array. */
export function blocks(v: unknown): Record<string, unknown>[] {
  if (Array.isArray(v)) return v.filter(isObject);
  return isObject(v) ? [v] : [];
}

/** First block of a (possibly array-shaped) nested block. */
export function firstBlock(v: unknown): Record<string, unknown> | undefined {
  return blocks(v)[0];
}

/** A number, or a numeric string; null for expressions, missing or non-numeric values. */
export function toNumber(v: unknown): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return null;
}

/** A literal string (not an expression), else undefined. */
export function literalString(v: unknown): string | undefined {
  return typeof v === "string" && !isExpression(v) ? v : undefined;
}

/**
 * Deepest nesting costgate reads inside one resource. Terraform configurations nest a handful of levels; far
 * deeper input is refused with a clear error, before any recursive walk (or JSON.stringify) exhausts the stack.
 */
export const MAX_NESTING = 200;

/** Thrown by the walkers below; loaders turn it into a CostgateError naming the file and the place. */
export class NestingTooDeep extends Error {
  constructor(readonly pointer: string) {
    super(`nested more than ${MAX_NESTING} levels deep`);
  }
}

/** NestingTooDeep as bad input at the place it happens (`at` + the pointer inside); any other error unchanged. */
export function nestingError(e: unknown, file: string, at: string): unknown {
  if (!(e instanceof NestingTooDeep)) return e;
  return new CostgateError(`value ${e.message}; expected a Terraform configuration value`, file, `${at}${e.pointer === "/" ? "" : e.pointer}`);
}

/**
 * Throw NestingTooDeep when a value nests deeper than MAX_NESTING, before any recursive reader (a
 * JSON.stringify in a message, a search through attributes) can exhaust the stack on it.
 */
export function assertNesting(v: unknown): void {
  // Runs over every resource: a depth count only; the pointer of the offending value is found on failure.
  if (!nestsDeeperThan(v, MAX_NESTING)) return;
  throw new NestingTooDeep(deepestPointer(v));
}

function nestsDeeperThan(x: unknown, levels: number): boolean {
  if (typeof x !== "object" || x === null) return false;
  if (levels === 0) return true;
  if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) if (nestsDeeperThan(x[i], levels - 1)) return true;
  } else for (const k in x as Record<string, unknown>) if (nestsDeeperThan((x as Record<string, unknown>)[k], levels - 1)) return true;
  return false;
}

/** Pointer to the first value MAX_NESTING levels down, for the error message. */
function deepestPointer(v: unknown): string {
  const path: string[] = [];
  let x = v;
  while (path.length < MAX_NESTING && typeof x === "object" && x !== null) {
    const obj = x as Record<string, unknown>;
    const k = Object.keys(obj).find((key) => nestsDeeperThan(obj[key], MAX_NESTING - path.length - 1));
    if (k === undefined) break;
    path.push(k.includes("~") || k.includes("/") ? k.replace(/~/g, "~0").replace(/\//g, "~1") : k);
    x = obj[k];
  }
  return "/" + path.join("/");
}

/** A short rendering of an input value for messages (values may be huge or deeply nested). */
export function showValue(v: unknown, max = 60): string {
  if (Array.isArray(v)) return v.length === 0 ? "[]" : `a list of ${v.length}`;
  if (typeof v === "object" && v !== null) return "an object";
  // JSON.stringify(Infinity) is "null"; 1e999 in a JSON file parses to Infinity.
  const s = typeof v === "number" && !Number.isFinite(v) ? String(v) : (JSON.stringify(v) ?? String(v));
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** Read a string→string tag map; expression values are reported separately. */
export function readTags(v: unknown): { tags: Record<string, string>; unknown: string[] } {
  const tags: Record<string, string> = {};
  const unknown: string[] = [];
  if (!isObject(v)) return { tags, unknown };
  for (const [k, val] of Object.entries(v)) {
    if (isUnresolved(val)) unknown.push(k);
    else if (typeof val === "string" || typeof val === "number" || typeof val === "boolean") tags[k] = String(val);
  }
  return { tags, unknown };
}
