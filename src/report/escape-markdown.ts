/**
 * Escaping of untrusted strings (resource addresses, tag values, stack names, policy messages, logins) for
 * GitHub-flavoured Markdown that may also contain inline HTML: PR comments and job summaries.
 *
 * The output is safe inside table cells, list items, `<summary>`/`<code>` elements and headings: it cannot
 * open or close tags, code spans, links, emphasis or table cells, cannot contain the hidden comment marker
 * (`<!--`), cannot mention users or teams, cannot reference issues and cannot autolink URLs.
 */

/** Default cap on one untrusted field, in code points, so one long value cannot crowd out the report. */
export const DEFAULT_FIELD_MAX = 300;

const ZWSP = "\u200B";

/** Markdown punctuation that can start or end inline or block constructs (`$` is GitHub math). */
const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#+\-.!|~$]/g;

// `&#x27;` rather than `&#39;`: a `#` followed by a digit would be taken for an issue reference below.
const HTML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };

/** Line breaks and tabs become spaces (a newline ends a table row or list item). */
const LINE_BREAKS = /[\r\n\t\f\v\u0085\u2028\u2029]+/g;
/** Other control characters and bidi overrides (which can visually reorder text, "Trojan Source"). */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

export interface EscapeOptions {
  /** Cap in code points before escaping; longer values end with `…`. Default 300. */
  maxLength?: number;
}

/** Escape an untrusted string for inline use in GitHub Markdown + HTML. */
export function escapeMarkdown(value: unknown, opts: EscapeOptions = {}): string {
  let s = clip(normalizeText(value), opts.maxLength ?? DEFAULT_FIELD_MAX);
  s = s.replace(MARKDOWN_PUNCTUATION, (c) => `\\${c}`);
  s = s.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
  return breakAutolinks(s);
}

/** Plain-text normalisation shared by every target: one line, no control or bidi characters. */
export function normalizeText(value: unknown): string {
  return String(value ?? "")
    .replace(LINE_BREAKS, " ")
    .replace(INVISIBLE, "");
}

/**
 * Cut to at most `max` code points (never inside a surrogate pair), marking the cut with `…`. The cut is made
 * at the last space when one lies in the final fifth of the kept text, so messages are not cut mid-word.
 */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const points = Array.from(s);
  if (points.length <= max) return s;
  const kept = points.slice(0, Math.max(0, max - 1));
  const space = kept.lastIndexOf(" ");
  const atWord = space > 0 && space >= kept.length - Math.max(1, Math.floor(kept.length / 5)) ? kept.slice(0, space) : kept;
  return atWord.join("").trimEnd() + "…";
}

/**
 * GitHub turns `@user`, `@org/team`, `#123`, `GH-123`, `https://…` and `www.…` into mentions, references
 * and links even after Markdown escaping (they are matched on the rendered text). A zero-width space
 * breaks each pattern without changing what a reader sees.
 */
function breakAutolinks(s: string): string {
  return s
    .replace(/@(?=[A-Za-z0-9\\_-])/g, `@${ZWSP}`)
    .replace(/#(?=[0-9])/g, `#${ZWSP}`)
    .replace(/\b(GH)\\-(?=[0-9])/gi, `$1${ZWSP}\\-`)
    .replace(/:\/\//g, `:${ZWSP}//`)
    .replace(/\b(www)\\\./gi, `$1${ZWSP}\\.`);
}

/** Escape a string for an HTML attribute value or text that is not Markdown-parsed (e.g. `title`). */
export function escapeHtml(value: unknown, opts: EscapeOptions = {}): string {
  return clip(normalizeText(value), opts.maxLength ?? DEFAULT_FIELD_MAX).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}
