import cliTruncate from "cli-truncate";
import stringWidth from "string-width";
import wrapAnsi from "wrap-ansi";

/**
 * Width-aware text helpers for terminal output. Widths are display columns (East Asian wide characters and
 * emoji count 2), measured with `string-width`; wrapping is `wrap-ansi` (word boundaries, long words broken).
 * `Infinity` as a width means "no limit" (`--wide`).
 */

/** Display width of a string in terminal columns. */
export function displayWidth(s: string): number {
  // Printable ASCII is one column a character: no need for string-width (whose first call costs ~20 ms).
  return isPrintableAscii(s) ? s.length : stringWidth(s);
}

function isPrintableAscii(s: string): boolean {
  return /^[\x20-\x7e]*$/.test(s);
}

/**
 * Shorten `s` to at most `width` columns by cutting out its middle (`aws_sagemaker_endpoi…figuration_C7CC0976`),
 * which keeps a resource's type prefix and its construct hash suffix. Unchanged when it fits.
 */
export function shortenMiddle(s: string, width: number): string {
  if (!Number.isFinite(width) || displayWidth(s) <= width) return s;
  const w = Math.max(1, width);
  // Printable ASCII: what cli-truncate returns, by column = character (it measures and slices with string-width).
  if (w > 1 && isPrintableAscii(s)) return s.slice(0, Math.floor(w / 2)) + "…" + s.slice(s.length - (w - Math.floor(w / 2)) + 1);
  return cliTruncate(s, w, { position: "middle" });
}

/** Shorten `s` to at most `width` columns at its end (`…`). Unchanged when it fits. */
export function shortenEnd(s: string, width: number): string {
  if (!Number.isFinite(width) || displayWidth(s) <= width) return s;
  const w = Math.max(1, width);
  if (w > 1 && isPrintableAscii(s)) return s.slice(0, w - 1) + "…";
  return cliTruncate(s, w, { position: "end" });
}

/** Wrap `s` at word boundaries into lines of at most `width` columns (very long words are broken). */
export function wrapLines(s: string, width: number): string[] {
  if (!Number.isFinite(width) || displayWidth(s) <= width) return [s];
  return wrapAnsi(s, Math.max(1, width), { hard: true, trim: true }).split("\n");
}

/**
 * Wrap `text` with a hanging indent: the first line starts with `first`, the following ones with `rest`, and
 * no line is wider than `width` columns. Returns the lines without trailing newlines.
 */
export function wrapHanging(text: string, width: number, first: string, rest: string = " ".repeat(displayWidth(first))): string[] {
  if (!Number.isFinite(width)) return [first + text];
  const room = Math.max(10, width - Math.max(displayWidth(first), displayWidth(rest)));
  return wrapLines(text, room).map((l, i) => (i === 0 ? first : rest) + l);
}

/**
 * Shorten a resource address (`[stack/]type.name`) to `width` columns, keeping what identifies it: the stack
 * (at most a third of the width, or 18 columns, whichever is more, and never more than half), the resource type and the end of the name (the construct hash), cutting
 * the middle of the name first: `gpu-platform-prod/aws_sagemaker_endpoint_configuration.infer…n_C7CC0976`.
 */
export function shortenAddress(s: string, width: number): string {
  if (!Number.isFinite(width) || displayWidth(s) <= width) return s;
  const slash = s.indexOf("/");
  let stack = slash > 0 ? s.slice(0, slash + 1) : "";
  const address = slash > 0 ? s.slice(slash + 1) : s;
  const stackMax = Math.min(Math.floor(width / 2), Math.max(18, Math.floor(width / 3)));
  if (stack && displayWidth(stack) > stackMax) stack = shortenMiddle(stack.slice(0, -1), Math.max(4, stackMax - 1)) + "/";
  const room = width - displayWidth(stack);
  const dot = address.indexOf(".");
  const type = dot > 0 ? address.slice(0, dot + 1) : "";
  const name = dot > 0 ? address.slice(dot + 1) : address;
  // The name keeps at least half the room (and 12 columns: `…` and an 8-character construct hash); the type gives way.
  const typeRoom = Math.min(displayWidth(type), Math.max(0, room - Math.min(displayWidth(name), Math.max(12, Math.ceil(room / 2)))));
  const shortType = typeRoom >= displayWidth(type) ? type : typeRoom > 2 ? shortenMiddle(type.slice(0, -1), typeRoom - 1) + "." : "";
  return stack + shortType + shortenName(name, Math.max(1, room - displayWidth(shortType)));
}

/** A resource name cut to `width`, keeping a cdktf construct hash suffix (`_C7CC0976`) whole when there is room. */
function shortenName(name: string, width: number): string {
  const hash = /_[0-9A-F]{8}$/.exec(name)?.[0];
  if (!hash || displayWidth(name) <= width || width < hash.length + 4) return shortenMiddle(name, width);
  return shortenEnd(name.slice(0, -hash.length), width - hash.length) + hash;
}
