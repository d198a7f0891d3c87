/** The runner refuses a step summary larger than 1 MiB of UTF-8; keep a margin for what else is appended. */
export const GITHUB_SUMMARY_MAX_BYTES = 1024 * 1024 - 16 * 1024;

/**
 * Render Markdown to fit `maxBytes` of UTF-8. `render(limit)` fits a limit in UTF-16 code units (what the report
 * renderer measures); text of CJK names or emoji takes up to 3 bytes per unit, so the limit is lowered in
 * proportion until the bytes fit (a few rounds at most). Returns the rendered text.
 */
export function fitSummaryBytes(render: (limit: number) => string, limit: number, maxBytes: number): string {
  let text = render(limit);
  for (let round = 0; round < 8; round++) {
    const bytes = Buffer.byteLength(text, "utf8");
    if (bytes <= maxBytes) return text;
    limit = Math.max(1000, Math.floor((limit * maxBytes) / bytes) - 1000);
    text = render(limit);
  }
  // Still too big (a required section alone is over the limit): cut at a character boundary.
  const buf = Buffer.from(text, "utf8").subarray(0, maxBytes - 200);
  return `${buf.toString("utf8").replace(/\uFFFD$/, "")}\n\n_Cut to fit the job summary size limit; the JSON report has everything._\n`;
}
