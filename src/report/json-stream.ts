/**
 * JSON written in pieces: the UTF-8 bytes of `JSON.stringify(value, null, 2)`, handed to `write` in chunks of at
 * most about 128 KB, so no single string holds the whole document (V8 strings stop at about 512 MB: a
 * 300k-resource estimate in one string threw "Invalid string length") and nothing is copied for the output.
 *
 * Large containers (arrays and objects holding many values) are walked here; small ones (a resource, a finding)
 * are stringified natively. Each piece is encoded straight into the chunk's buffer: joining the pieces into a
 * string first, and encoding that, copied the whole output twice more (a third of `estimate --format json`).
 * `omit` leaves keys out of the objects at a path without copying the object first, e.g.
 * `{ "stacks.*.resources.*": ["attributes"] }`.
 */
export interface JsonStreamOptions {
  /** Keys to leave out of the objects at a path: dot-separated keys, `*` for any array index or key. */
  omit?: Readonly<Record<string, readonly string[]>>;
}

/** Bytes per chunk handed to `write` (at most; a single piece longer than a third of it gets a chunk of its own). */
const CHUNK_BYTES = 1 << 17;
/** A container with more entries than this (counted through its nesting) is walked rather than stringified whole. */
const NATIVE_BUDGET = 512;

/**
 * Write `value` as the UTF-8 bytes of `JSON.stringify(value, null, 2) + "\n"`, in chunks. Every chunk is a fresh
 * buffer (the callee may keep it) that ends between characters, so each decodes on its own. Throws what
 * JSON.stringify throws.
 */
export function writeJson(value: unknown, write: (chunk: Uint8Array) => void, opts: JsonStreamOptions = {}): void {
  const w = new ChunkedWriter(write);
  const omit = compileOmit(opts.omit ?? {});
  const v = toJsonValue(value, "");
  if (v === undefined) throw new TypeError("writeJson: the value has no JSON form (undefined, a function or a symbol)");
  writeValue(w, v, "", omit);
  w.push("\n");
  w.flush();
}

/** `writeJson` into one string: for tests and small documents only. */
export function jsonText(value: unknown, opts: JsonStreamOptions = {}): string {
  const parts: Uint8Array[] = [];
  writeJson(value, (c) => parts.push(c), opts);
  return Buffer.concat(parts).toString("utf8");
}

/** Encodes pieces into a buffer and hands it over when the next piece might not fit. */
class ChunkedWriter {
  private buf = Buffer.allocUnsafe(CHUNK_BYTES);
  private at = 0;
  constructor(private readonly write: (chunk: Uint8Array) => void) {}
  push(s: string): void {
    // A UTF-16 code unit is at most 3 bytes of UTF-8 (a surrogate pair: 4 bytes for 2 units).
    if (this.at + s.length * 3 > CHUNK_BYTES) {
      this.flush();
      if (s.length * 3 > CHUNK_BYTES) return this.write(Buffer.from(s, "utf8"));
    }
    this.at += this.buf.write(s, this.at, "utf8");
  }
  flush(): void {
    if (this.at === 0) return;
    const chunk = this.buf.subarray(0, this.at);
    this.buf = Buffer.allocUnsafe(CHUNK_BYTES);
    this.at = 0;
    this.write(chunk);
  }
}

/** Omit rules as a trie over path segments (`*` matches any key or index). */
interface OmitNode {
  keys?: ReadonlySet<string>;
  children: Map<string, OmitNode>;
}

function compileOmit(rules: Readonly<Record<string, readonly string[]>>): OmitNode | undefined {
  const entries = Object.entries(rules);
  if (entries.length === 0) return undefined;
  const root: OmitNode = { children: new Map() };
  for (const [path, keys] of entries) {
    let node = root;
    for (const seg of path === "" ? [] : path.split(".")) {
      let next = node.children.get(seg);
      if (!next) node.children.set(seg, (next = { children: new Map() }));
      node = next;
    }
    node.keys = new Set([...(node.keys ?? []), ...keys]);
  }
  return root;
}

function child(node: OmitNode | undefined, key: string): OmitNode | undefined {
  if (!node) return undefined;
  return node.children.get(key) ?? node.children.get("*");
}

/** The value JSON.stringify would serialize for `value` under `key`: toJSON applied; undefined when it is left out. */
function toJsonValue(value: unknown, key: string): unknown {
  if (value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function")
    value = (value as { toJSON(k: string): unknown }).toJSON(key);
  if (value === undefined || typeof value === "function" || typeof value === "symbol") return undefined;
  return value;
}

function writeValue(w: ChunkedWriter, v: unknown, indent: string, omit: OmitNode | undefined): void {
  if (v === null || typeof v !== "object") {
    w.push(JSON.stringify(v));
    return;
  }
  if (omit === undefined && fitsBudget(v)) return writeNative(w, v, indent);
  if (omit !== undefined && omit.keys && omit.children.size === 0 && !Array.isArray(v)) {
    // The objects of an omit rule (a resource): a short-lived copy without those keys, stringified natively.
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(v)) if (!omit.keys.has(key)) copy[key] = (v as Record<string, unknown>)[key];
    return writeNative(w, copy, indent);
  }
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) return w.push("[]");
    w.push("[");
    for (let i = 0; i < v.length; i++) {
      w.push(i === 0 ? `\n${inner}` : `,\n${inner}`);
      const item = toJsonValue(v[i], String(i));
      if (item === undefined) w.push("null");
      else writeValue(w, item, inner, child(omit, String(i)));
    }
    w.push(`\n${indent}]`);
    return;
  }
  const skip = omit?.keys;
  let first = true;
  for (const key of Object.keys(v)) {
    if (skip?.has(key)) continue;
    const item = toJsonValue((v as Record<string, unknown>)[key], key);
    if (item === undefined) continue;
    w.push(first ? `{\n${inner}${JSON.stringify(key)}: ` : `,\n${inner}${JSON.stringify(key)}: `);
    first = false;
    const sub = child(omit, key);
    // A leaf of the omit rules with nothing below it: the object itself is small, stringify it natively.
    writeValue(w, item, inner, sub && (sub.keys || sub.children.size) ? sub : undefined);
  }
  w.push(first ? "{}" : `\n${indent}}`);
}

/**
 * One native JSON.stringify, indented to sit at `indent`: `v` is stringified nested in one single-item array per
 * level of `indent`, so JSON.stringify itself indents every line of it, and the arrays' brackets are sliced off
 * (a slice shares the string: no copy). Re-indenting the text afterwards (`replaceAll`) copied every resource of
 * an estimate once more and was the largest single cost of `estimate --format json`.
 */
function writeNative(w: ChunkedWriter, v: object, indent: string): void {
  const depth = indent.length >> 1;
  if (depth === 0) return w.push(JSON.stringify(v, null, 2));
  if (indent.length % 2 !== 0 || depth > 32) return w.push(JSON.stringify(v, null, 2).replaceAll("\n", `\n${indent}`));
  let wrapped: unknown = v;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const s = JSON.stringify(wrapped, null, 2);
  const cut = wrapperLength(depth);
  w.push(s.slice(cut.prefix, s.length - cut.suffix));
}

const wrapperLengths: { prefix: number; suffix: number }[] = [];

/** Lengths of what `depth` single-item arrays add before (`[\n  [\n    `) and after (`\n  ]\n]`) their item. */
function wrapperLength(depth: number): { prefix: number; suffix: number } {
  let got = wrapperLengths[depth];
  if (!got) {
    let wrapped: unknown = 0;
    for (let i = 0; i < depth; i++) wrapped = [wrapped];
    const s = JSON.stringify(wrapped, null, 2);
    const at = s.indexOf("0");
    wrapperLengths[depth] = got = { prefix: at, suffix: s.length - at - 1 };
  }
  return got;
}

/** Whether `v` holds at most NATIVE_BUDGET values through its nesting (then one native stringify is cheapest). */
function fitsBudget(v: object): boolean {
  let left = NATIVE_BUDGET;
  const stack: object[] = [v];
  while (stack.length > 0) {
    const o = stack.pop()!;
    if (Array.isArray(o)) {
      left -= o.length;
      if (left < 0) return false;
      for (const x of o) if (x !== null && typeof x === "object") stack.push(x);
    } else {
      for (const k in o) {
        if (--left < 0) return false;
        const x = (o as Record<string, unknown>)[k];
        if (x !== null && typeof x === "object") stack.push(x);
      }
    }
  }
  return true;
}
