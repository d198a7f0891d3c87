import { displayWidth, shortenEnd, shortenMiddle, wrapLines } from "./text-width.js";

/** One column of a terminal table and how it gives way when the table is wider than the terminal. */
export interface TableColumn {
  header: string;
  /** Alignment; numbers are right-aligned. Default "l". */
  align?: "l" | "r";
  /**
   * How a cell that is too wide for its column is made to fit: `middle` cuts out its middle (addresses keep
   * their type and construct hash), `wrap` wraps it at word boundaries inside its cell (continuation lines keep
   * the tree indent), `auto` cuts cells without spaces (identifiers) in the middle and wraps the others,
   * `fixed` never shrinks (amounts). Default `fixed`.
   */
  fit?: Fit;
  /** How `middle`/`auto` cells without spaces are shortened (default: cut in the middle), e.g. shortenAddress. */
  shorten?: (text: string, width: number) => string;
  /** Narrowest the column may become when shrinking (columns). Default 16. */
  min?: number;
  /** When the table is too wide, this column's text moves under its row as a wrapped note instead. */
  movable?: boolean;
  /** Written before this column's value when it moves under the row, e.g. `base` → `base $0.00`. */
  noteLabel?: string;
}

type Fit = "middle" | "wrap" | "auto" | "fixed";

/** A cell: its text, or its text and how it gives way (overriding the column's `fit`, e.g. an address row in a name column). */
export type TableCell = string | { text: string; fit: Fit };

const textOf = (c: TableCell | undefined): string => (c === undefined ? "" : typeof c === "string" ? c : c.text);

const GAP = "  ";

/**
 * Render rows as a text table no wider than `width` columns (Infinity: natural width). In order: movable
 * columns move under their rows, then `middle`/`wrap` columns shrink (widest first) down to their `min`.
 * A row is never wrapped by the terminal: every returned line fits, unless even the fixed columns do not
 * (below MIN_TERMINAL_WIDTH). Returns the table with a trailing newline.
 */
export function fitTable(columns: TableColumn[], rows: TableCell[][], width: number): string {
  const natural = columns.map((c, i) => Math.max(displayWidth(c.header), ...rows.map((r) => displayWidth(textOf(r[i])))));
  const total = (cols: number[]) => cols.reduce((a, i) => a + natural[i]!, 0) + GAP.length * Math.max(0, cols.length - 1);
  let shown = columns.map((_, i) => i);
  let under: number[] = [];
  if (total(shown) > width) {
    under = shown.filter((i) => columns[i]!.movable);
    shown = shown.filter((i) => !columns[i]!.movable);
  }
  const widths = new Map(shown.map((i) => [i, natural[i]!]));
  let excess = [...widths.values()].reduce((a, b) => a + b, 0) + GAP.length * Math.max(0, shown.length - 1) - width;
  while (excess > 0) {
    let widest = -1;
    for (const i of shown) {
      const c = columns[i]!;
      if ((c.fit ?? "fixed") === "fixed" || widths.get(i)! <= (c.min ?? 16)) continue;
      if (widest < 0 || widths.get(i)! > widths.get(widest)!) widest = i;
    }
    if (widest < 0) break;
    widths.set(widest, widths.get(widest)! - 1);
    excess--;
  }
  const pad = (s: string, w: number, align: "l" | "r" | undefined) => {
    const room = Math.max(0, w - displayWidth(s));
    return align === "r" ? " ".repeat(room) + s : s + " ".repeat(room);
  };
  const line = (cells: string[]) =>
    cells
      .map((c, k) => pad(c, widths.get(shown[k]!)!, columns[shown[k]!]!.align))
      .join(GAP)
      .trimEnd();
  const out: string[] = [line(shown.map((i) => shortenEnd(columns[i]!.header, widths.get(i)!)))];
  out.push(shown.map((i) => "─".repeat(widths.get(i)!)).join(GAP));
  for (const row of rows) {
    const cellLines = shown.map((i) => {
      const cell = row[i];
      return fitCell(textOf(cell), widths.get(i)!, typeof cell === "object" ? { ...columns[i]!, fit: cell.fit } : columns[i]!);
    });
    const height = Math.max(...cellLines.map((l) => l.length));
    for (let k = 0; k < height; k++) out.push(line(cellLines.map((l) => l[k] ?? "")));
    const note = under
      .filter((i) => textOf(row[i]))
      .map((i) => (columns[i]!.noteLabel ? `${columns[i]!.noteLabel} ${textOf(row[i])}` : textOf(row[i])))
      .join("; ");
    if (note) {
      const prefix = continuation(textOf(row[shown[0]!])) + "  ";
      for (const l of wrapLines(note, Math.max(10, width - displayWidth(prefix)))) out.push((prefix + l).trimEnd());
    }
  }
  return out.join("\n") + "\n";
}

/** The lines of one cell at width `w`. */
function fitCell(text: string, w: number, column: TableColumn): string[] {
  const fit = column.fit ?? "fixed";
  if (displayWidth(text) <= w || fit === "fixed") return [text];
  const { prefix, body } = splitIndent(text);
  if (fit === "middle" || (fit === "auto" && !/\s/.test(body))) {
    return [prefix + (column.shorten ?? shortenMiddle)(body, Math.max(1, w - displayWidth(prefix)))];
  }
  const cont = continuation(text);
  return wrapLines(body, Math.max(4, w - displayWidth(prefix))).map((l, k) => (k === 0 ? prefix : cont) + l);
}

/** Leading indent and tree glyph (`    ├─ `) of a cell, and the rest. */
function splitIndent(text: string): { prefix: string; body: string } {
  const m = /^(\s*(?:[├└]─ )?)(.*)$/s.exec(text)!;
  return { prefix: m[1]!, body: m[2]! };
}

/** The prefix of a continuation line under a cell: the tree's vertical line where the cell has a `├─`. */
function continuation(text: string): string {
  return splitIndent(text).prefix.replace("├─ ", "│  ").replace("└─ ", "   ");
}
