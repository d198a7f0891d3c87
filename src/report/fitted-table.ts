import { textTable } from "./text-table.js";
import { displayWidth, shortenAddress, wrapHanging } from "./text-width.js";

/**
 * A text table that fits `width` columns (Infinity = no limit, `--wide`): the table itself when it fits, else one
 * block per row — its first cell (a resource address, shortened in the middle) and then each non-empty cell as
 * `header: value`, wrapped with a hanging indent.
 */
export function fittedTable(header: string[], rows: string[][], align: ("l" | "r")[], width: number): string {
  const table = textTable(header, rows, align);
  if (!Number.isFinite(width) || table.split("\n").every((l) => displayWidth(l) <= width)) return table;
  const out: string[] = [];
  for (const row of rows) {
    out.push(shortenAddress(row[0] ?? "", width));
    for (let i = 1; i < row.length; i++) if (row[i]) out.push(...wrapHanging(`${header[i]}: ${row[i]}`, width, "  ", "    "));
  }
  return out.join("\n") + "\n";
}

/** One line of text fitted to `width`: wrapped with a hanging indent (`first` on the first line, `rest` after). */
export function fittedLines(text: string, width: number, first = "", rest = "    "): string {
  return wrapHanging(text, width, first, rest).join("\n") + "\n";
}
