/**
 * The one error type costgate shows to users. It always names the file, the place inside it and what was
 * expected, so the CLI and the action can print a single line instead of a stack trace.
 */
export class CostgateError extends Error {
  override readonly name = "CostgateError";
  /** What is wrong and what was expected, in one sentence (as one line: see `oneLine`). */
  readonly detail: string;
  constructor(
    detail: string,
    /** The file (or "-" for standard input, or "" when no file is involved). */
    readonly file: string = "",
    /** Where inside the file: a JSON pointer ("/resource/aws_instance/x/count") or "line:column". */
    readonly at: string = "",
  ) {
    const shown = oneLine(detail, MAX_DETAIL);
    super(formatLocation(oneLine(file, MAX_PLACE), oneLine(at, MAX_PLACE)) + shown);
    this.detail = shown;
  }
}

const MAX_DETAIL = 2000;
const MAX_PLACE = 500;

/**
 * Make text from the input safe to print as one line: control characters (newlines, terminal escapes, line
 * separators) are shown as escapes, and very long text is cut in the middle. Messages quote names and values
 * from untrusted plans and policies; they must not spoof extra lines or flood a terminal.
 */
export function oneLine(text: string, max: number): string {
  let s = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(text)
    ? text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => (c === "\n" ? "\\n" : c === "\t" ? "\\t" : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`))
    : text;
  if (s.length > max) {
    const keep = max - 40;
    s = `${s.slice(0, Math.ceil(keep / 2))}…(${s.length - keep} characters cut)…${s.slice(s.length - Math.floor(keep / 2))}`;
  }
  return s;
}

function formatLocation(file: string, at: string): string {
  if (!file && !at) return "";
  if (!at) return `${file}: `;
  // Positions read file:line:column; JSON pointers read file at /a/b.
  if (/^\d+:\d+$/.test(at)) return `${file}:${at}: `;
  return `${file || "<input>"} at ${at}: `;
}

export function isCostgateError(e: unknown): e is CostgateError {
  return e instanceof CostgateError;
}

/** Escape one JSON pointer segment (RFC 6901). */
export function pointerSegment(s: string | number): string {
  const str = String(s);
  // Fast path: most segments (resource types and names) need no escaping.
  return str.includes("~") || str.includes("/") ? str.replace(/~/g, "~0").replace(/\//g, "~1") : str;
}

export function pointer(...segments: (string | number)[]): string {
  return segments.length === 0 ? "" : "/" + segments.map(pointerSegment).join("/");
}
