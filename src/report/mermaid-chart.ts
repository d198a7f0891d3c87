import { clip, normalizeText } from "./escape-markdown.js";

export interface ChartSlice {
  label: string;
  value: number;
}

/** Most slices a pie shows; the rest are summed into "other". */
export const MAX_SLICES = 8;

/**
 * A mermaid pie chart (GitHub renders ```mermaid fences). Labels are untrusted (stack names, addresses), so
 * they are reduced to a safe character set: a quote or backtick could end the label or the fence.
 * Returns "" when there is nothing to draw (fewer than two positive slices).
 */
export function mermaidPie(title: string, slices: ChartSlice[]): string {
  const positive = slices.filter((s) => Number.isFinite(s.value) && s.value > 0).sort((a, b) => b.value - a.value || cmp(a.label, b.label));
  if (positive.length < 2) return "";
  const shown = positive.length > MAX_SLICES ? positive.slice(0, MAX_SLICES - 1) : positive;
  const rest = positive.slice(shown.length).reduce((sum, s) => sum + s.value, 0);
  const rows = [...shown, ...(rest > 0 ? [{ label: `other (${positive.length - shown.length})`, value: rest }] : [])];
  const lines = rows.map((s) => `    "${mermaidLabel(s.label)}" : ${s.value.toFixed(2)}`);
  return ["```mermaid", `pie showData title ${mermaidLabel(title)}`, ...lines, "```", ""].join("\n");
}

/** Keep letters, digits and a few separators; everything else becomes `_`. Capped at 60 code points. */
export function mermaidLabel(s: string): string {
  return clip(normalizeText(s).replace(/[^\p{L}\p{N} _./:()\[\]-]/gu, "_"), 60);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
