/** A plain-text table with left/right aligned columns, for terminal output. */
export function textTable(header: string[], rows: string[][], align: ("l" | "r")[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (align[i] === "r" ? (c ?? "").padStart(widths[i]!) : (c ?? "").padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n") + "\n";
}

/** Strip control characters so untrusted names cannot rewrite the terminal. */
export function terminalSafe(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, "?");
}
