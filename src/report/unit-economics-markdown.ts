import { allResources, type CostRange, type Estimate, type ResourceEstimate } from "../pricing/estimate.js";
import type { EstimateDiff } from "../pricing/diff-estimates.js";
import { unitPrice, usd, usdDelta } from "../money.js";
import { escapeMarkdown as esc } from "./escape-markdown.js";
import type { MarkdownSection } from "./truncate-markdown.js";
import { idleTotal, moneyRange, unitFigureCells, unitRange } from "./unit-figures-format.js";

export interface UnitEconomicsMarkdownOptions {
  /** List cheaper equivalents for every GPU resource (without a diff they are otherwise left out). */
  alternatives?: boolean;
}

/**
 * The "Unit economics" section of the Markdown report (PR comment, job summary, `--format markdown`). With a
 * diff: the changed resources that have unit figures, base → head per unit with the delta, and cheaper equivalents
 * of changed GPU resources. Without: every resource with unit figures (and equivalents with `alternatives`).
 * Null when there is nothing to show.
 */
export function unitEconomicsSection(estimate: Estimate, diff?: EstimateDiff, opts: UnitEconomicsMarkdownOptions = {}): MarkdownSection | null {
  return diff ? changedSection(diff) : estimateSection(estimate, opts);
}

function estimateSection(e: Estimate, opts: UnitEconomicsMarkdownOptions): MarkdownSection | null {
  const rs = allResources(e).filter((r) => r.unitEconomics);
  if (rs.length === 0) return null;
  const multi = e.stacks.length > 1;
  const rows = rs.map((r) => {
    const c = unitFigureCells(r.unitEconomics!);
    return `| <code>${esc(label(r, multi))}</code> | ${cell(c.per1kRequests)} | ${cell(c.per1MInputTokens)} | ${cell(c.per1MOutputTokens)} | ${cell(c.utilisation)} | ${cell(c.perRun)} | ${cell(c.trainingMonthly)} | ${cell(c.idleGpu)} |\n`;
  });
  return {
    id: "unit-economics",
    priority: 480,
    head: `\n### Unit economics\n\n| Resource | Per 1k requests | Per 1M input tokens | Per 1M output tokens | Instances needed / provisioned | Per training run | Training / month | Idle GPU / month |\n|---|---:|---:|---:|---:|---:|---:|---:|\n`,
    rows,
    more: (n) => `| … ${n} more | | | | | | | |\n`,
    tail: totalsLine(e) + apiLines(rs, e) + (opts.alternatives ? alternativesLines(rs, multi) : ""),
  };
}

function changedSection(diff: EstimateDiff): MarkdownSection | null {
  const changed = diff.resources.filter((d) => d.change !== "unchanged" && (d.head?.unitEconomics || d.base?.unitEconomics));
  if (changed.length === 0) return null;
  const multi = new Set(diff.resources.map((d) => d.stack)).size > 1;
  const rows = changed.map((d) => {
    const b = d.base?.unitEconomics;
    const h = d.head?.unitEconomics;
    const name = multi ? `${d.stack}/${d.address}` : d.address;
    return `| <code>${esc(name)}</code> | ${d.change} | ${delta(b?.inference?.per1kRequests, b?.inference?.complete, h?.inference?.per1kRequests, h?.inference?.complete)} | ${delta(b?.inference?.per1MOutputTokens, b?.inference?.complete, h?.inference?.per1MOutputTokens, h?.inference?.complete)} | ${delta(b?.training?.costPerRun, b?.training?.complete, h?.training?.costPerRun, h?.training?.complete)} | ${delta(b?.idleGpu?.idleCost, b?.idleGpu?.complete, h?.idleGpu?.idleCost, h?.idleGpu?.complete, true)} |\n`;
  });
  const heads = changed.map((d) => d.head).filter((r): r is ResourceEstimate => r !== undefined);
  return {
    id: "unit-economics",
    priority: 480,
    head: `\n### Unit economics of changed resources\n\n| Resource | Change | Per 1k requests | Per 1M output tokens | Per training run | Idle GPU / month |\n|---|---|---:|---:|---:|---:|\n`,
    rows,
    more: (n) => `| … ${n} more | | | | | |\n`,
    tail: apiLines(heads, diff.head) + alternativesLines(heads, multi),
  };
}

/** `base → head (Δ)` for one unit figure; one side only when the other has none. Unknown is `?`. */
function delta(base: CostRange | null | undefined, bComplete: boolean | undefined, head: CostRange | null | undefined, hComplete: boolean | undefined, money = false): string {
  const fmt = (r: CostRange | null | undefined, complete: boolean | undefined) => (r === undefined ? "–" : money ? moneyRange(r, complete ?? false) : unitRange(r, complete ?? false));
  if (base === undefined && head === undefined) return "";
  if (base === undefined) return cell(fmt(head, hComplete));
  if (head === undefined) return cell(`${fmt(base, bComplete)} → –`);
  const known = base !== null && head !== null && bComplete && hComplete;
  const d = known ? head!.expected - base!.expected : null;
  return cell(`${fmt(base, bComplete)} → ${fmt(head, hComplete)}${d === null ? " (Δ ?)" : ` (${d === 0 ? "±0" : money ? usdDelta(d) : `${d > 0 ? "+" : "-"}${unitPrice(Math.abs(d))}`})`}`);
}

function totalsLine(e: Estimate): string {
  const t = e.unitEconomics;
  if (!t) return "";
  const unknown = t.idleGpuUnknown ? ` (+ ${t.idleGpuUnknown} GPU resource${t.idleGpuUnknown === 1 ? "" : "s"} without \`gpu_utilization\`)` : "";
  return `\nIdle GPU cost: **${cell(idleTotal(e))}**/month${unknown}. Per-unit figures put the whole monthly cost on that unit; see the README's "Unit economics".\n`;
}

function apiLines(rs: readonly ResourceEstimate[], e: Estimate): string {
  const api = rs.filter((r) => r.unitEconomics?.inference?.apiComparison);
  if (api.length === 0) return "";
  const src = e.unitEconomics?.sources.join("; ") ?? "";
  const lines = api.map((r) => {
    const inf = r.unitEconomics!.inference!;
    return `- <code>${esc(r.address)}</code> ${cell(usd(inf.monthlyCost.expected))}/month self-hosted; same volume on ${inf.apiComparison!.map((a) => `${esc(a.model)} ${cell(usd(a.monthlyCost))}`).join(", ")}\n`;
  });
  return `\n**Per-token API comparison** (low confidence: ${esc(src, { maxLength: 400 })}):\n\n${lines.join("")}`;
}

function alternativesLines(rs: readonly ResourceEstimate[], multi: boolean): string {
  const with_ = rs.filter((r) => r.unitEconomics?.alternatives?.length);
  if (with_.length === 0) return "";
  const lines: string[] = [];
  for (const r of with_)
    for (const a of r.unitEconomics!.alternatives!)
      lines.push(`- <code>${esc(label(r, multi))}</code> → <code>${esc(a.instanceType)}</code> ${a.purchaseOption} ${cell(unitPrice(a.unitPrice))}/h: **${cell(usdDelta(a.monthlyDifference))}/month** — ${esc(a.reason, { maxLength: 200 })} (${esc(a.priceLabel, { maxLength: 160 })})\n`);
  return `\n**Cheaper equivalents** (from the snapshot's instance specs):\n\n${lines.join("")}`;
}

function label(r: ResourceEstimate, multi: boolean): string {
  return multi ? `${r.stack}/${r.address}` : r.address;
}

/** Text built only from costgate's own number formatting (no untrusted text), with `$` escaped (GitHub math). */
function cell(s: string): string {
  return s.replace(/\$/g, "\\$");
}
