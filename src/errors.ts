/**
 * The one error type costgate shows to users. It always names the file, the place inside it and what was
 * expected, so the CLI and the action can print a single line instead of a stack trace.
 */
export class CostgateError extends Error {
  override readonly name = "CostgateError";
  constructor(
    /** What is wrong and what was expected, in one sentence. */
    readonly detail: string,
    /** The file (or "-" for standard input, or "" when no file is involved). */
    readonly file: string = "",
    /** Where inside the file: a JSON pointer ("/resource/aws_instance/x/count") or "line:column". */
    readonly at: string = "",
  ) {
    super(formatLocation(file, at) + detail);
  }
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
