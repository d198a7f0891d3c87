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
  return clip(normalizeText(s).replace(/[^\p{L}\p{N} _./:()\[\]\u2026-]/gu, "_"), 60);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Most bars a bar chart shows (largest absolute values). */
export const MAX_BARS = 8;

/**
 * A mermaid bar chart (`xychart-beta`, rendered by GitHub) of signed values, e.g. the monthly cost change by
 * stack: increases above the axis, decreases below. Largest absolute values first, at most MAX_BARS. Labels
 * are reduced to a safe character set (see mermaidLabel). Returns "" when no value is non-zero.
 */
export function mermaidBars(title: string, axis: string, bars: ChartSlice[]): string {
  const shown = bars
    .filter((b) => Number.isFinite(b.value) && b.value !== 0)
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value) || cmp(a.label, b.label))
    .slice(0, MAX_BARS);
  if (shown.length === 0) return "";
  const labels = shown.map((b) => `"${clip(mermaidLabel(b.label), 30)}"`).join(", ");
  return [
    "```mermaid",
    "xychart-beta",
    `    title "${mermaidLabel(title)}"`,
    `    x-axis [${labels}]`,
    `    y-axis "${mermaidLabel(axis)}"`,
    `    bar [${shown.map((b) => b.value.toFixed(2)).join(", ")}]`,
    "```",
    "",
  ].join("\n");
}
