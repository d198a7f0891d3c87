/**
 * Structural truncation of a Markdown report to a character budget (GitHub comments: 65,536). The report is
 * a list of sections; rows are dropped from the least important sections first, then whole optional
 * sections, so the result never ends inside a table, tag, code fence or entity and always keeps the
 * required sections (the hidden marker and the verdict).
 */

/** GitHub rejects issue comments longer than this (HTTP 422 "Body is too long"). */
export const GITHUB_COMMENT_MAX_CHARS = 65_536;
/** The runner rejects a step summary over 1 MiB; keep well under it. */
export const GITHUB_SUMMARY_MAX_CHARS = 1_000_000;

export interface MarkdownSection {
  /** Stable name, for tests and debugging. */
  id: string;
  /** Higher is more important; sections are shortened lowest priority first. */
  priority: number;
  /** Required sections are never dropped (their rows may still be shortened down to `minRows`). */
  required?: boolean;
  /** Text before the rows (heading, table header). Ends with a newline when rows follow. */
  head: string;
  /** Rows that may be dropped from the end, one line each including its newline. */
  rows?: string[];
  /** Rows always kept when the section is kept. Default 1 when there are rows. */
  minRows?: number;
  /** Text after the rows (closing tags, blank line). */
  tail?: string;
  /** The line that replaces dropped rows, e.g. `| … | 12 more |\n`. */
  more?: (omitted: number) => string;
}

export interface FitOptions {
  /** Maximum length in UTF-16 code units (JS `.length`); the result is strictly shorter than this. */
  limit: number;
  /** Appended when anything was shortened or dropped. */
  truncatedNote?: string;
}

export interface FitResult {
  text: string;
  truncated: boolean;
  /** Ids of sections dropped entirely. */
  dropped: string[];
}

/**
 * Join sections, shortening them structurally until the text is shorter than `limit`. Candidate cuts are measured
 * by length (prefix sums of row lengths), and the text is built once: a 10k-resource report tried a dozen cuts
 * per section, each joining every row again.
 */
export function fitSections(sections: MarkdownSection[], opts: FitOptions): FitResult {
  const rowsKept = sections.map((s) => s.rows?.length ?? 0);
  const kept = sections.map(() => true);
  const rowLengths = sections.map((s) => {
    const rows = s.rows ?? [];
    const prefix = new Array<number>(rows.length + 1);
    prefix[0] = 0;
    for (let i = 0; i < rows.length; i++) prefix[i + 1] = prefix[i]! + rows[i]!.length;
    return prefix;
  });
  const sectionLength = (i: number): number => {
    const s = sections[i]!;
    const omitted = (s.rows?.length ?? 0) - rowsKept[i]!;
    return s.head.length + rowLengths[i]![rowsKept[i]!]! + (omitted > 0 && s.more ? s.more(omitted).length : 0) + (s.tail?.length ?? 0);
  };
  const length = (withNote: boolean): number => {
    let n = withNote ? (opts.truncatedNote ?? "").length : 0;
    for (let i = 0; i < sections.length; i++) if (kept[i]) n += sectionLength(i);
    return n;
  };
  const render = (withNote: boolean) => {
    let out = "";
    sections.forEach((s, i) => {
      if (kept[i]) out += renderSection(s, rowsKept[i]!);
    });
    return withNote ? out + (opts.truncatedNote ?? "") : out;
  };
  if (length(false) < opts.limit) return { text: render(false), truncated: false, dropped: [] };

  const budget = opts.limit;
  const fits = () => length(true) < budget;
  const order = sections.map((s, i) => i).sort((a, b) => sections[a]!.priority - sections[b]!.priority || b - a);

  for (const i of order) {
    if (fits()) break;
    const s = sections[i]!;
    const n = s.rows?.length ?? 0;
    const min = Math.min(n, s.minRows ?? (n > 0 ? 1 : 0));
    if (n > min) rowsKept[i] = largestFitting(min, n, (k) => ((rowsKept[i] = k), fits()));
    if (!fits() && !s.required) kept[i] = false;
  }
  let text = render(true);
  if (text.length >= budget) text = hardCut(text, budget);
  return { text, truncated: true, dropped: sections.filter((_, i) => !kept[i]).map((s) => s.id) };
}

function renderSection(s: MarkdownSection, rows: number): string {
  const all = s.rows ?? [];
  const omitted = all.length - rows;
  return s.head + all.slice(0, rows).join("") + (omitted > 0 && s.more ? s.more(omitted) : "") + (s.tail ?? "");
}

/** The largest k in [lo, hi] for which ok(k) holds (ok is monotone: true up to some k); lo if none. */
function largestFitting(lo: number, hi: number, ok: (k: number) => boolean): number {
  let best = lo;
  let a = lo;
  let b = hi;
  while (a <= b) {
    const mid = (a + b) >> 1;
    if (ok(mid)) {
      best = mid;
      a = mid + 1;
    } else b = mid - 1;
  }
  return best;
}

/**
 * Last resort when the required sections alone are too long: cut at a line boundary, close an open code
 * fence and never split a surrogate pair. Required sections come first, so the marker and verdict survive.
 */
export function hardCut(text: string, limit: number): string {
  const suffix = "\n\n…(truncated)\n";
  const fenceClose = "\n```";
  let cut = text.slice(0, Math.max(0, limit - 1 - suffix.length - fenceClose.length));
  const nl = cut.lastIndexOf("\n");
  if (nl > 0) cut = cut.slice(0, nl);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  const fences = cut.match(/^```/gm)?.length ?? 0;
  return cut + (fences % 2 === 1 ? fenceClose : "") + suffix;
}
