import type { EstimateDiff, ResourceDelta } from "../pricing/diff-estimates.js";
import { allResources, type Estimate, type ResourceEstimate } from "../pricing/estimate.js";
import type { PriceSourceInfo } from "../pricing/price-quote.js";
import type { Enforcement, Finding, Override, Verdict } from "../policy/verdict.js";
import { cost, formatCost, rangeCell, rangeNote, type CostCell } from "./cost-cell.js";
import { escapeHtml, escapeMarkdown as esc, normalizeText } from "./escape-markdown.js";
import { freeChangesLine, isFreeAddOrRemove } from "./free-changes.js";
import { mermaidBars, mermaidPie, type ChartSlice } from "./mermaid-chart.js";
import { shortenAddress } from "./text-width.js";
import { fitSections, type MarkdownSection } from "./truncate-markdown.js";
import { unitEconomicsSection } from "./unit-economics-markdown.js";
import { priceBookSection } from "./price-book-markdown.js";

export interface MarkdownReportInput {
  /** The estimate of the head (or the only) plan. */
  estimate: Estimate;
  /** Base vs head, when a base was priced. */
  diff?: EstimateDiff;
  /** The policy verdict, when policies were evaluated. */
  verdict?: Verdict;
  /** Trusted first line, e.g. the hidden sticky-comment marker. */
  marker?: string;
  /** Project name shown in the heading (untrusted; escaped). */
  project?: string;
  /** Notices under the verdict, already safe Markdown (build them with escapeMarkdown for any untrusted part). */
  notices?: string[];
  /** Trusted Markdown footer (run link, SHAs). */
  footer?: string;
  /** How many changed (or most expensive) resources to list. Default 10. */
  topResources?: number;
  /** Character budget (JS length); the report is shortened by structure to stay below it. Default: none. */
  limit?: number;
  /** Appended when the report was shortened. */
  truncatedNote?: string;
  /** List cheaper equivalents of every GPU resource in the unit-economics section (with a diff: changed ones only, always). */
  alternatives?: boolean;
}

const DEFAULT_TOP = 10;
/** Advisory findings are listed openly up to this many, else collapsed in `<details>`. */
const OPEN_ADVISORIES = 5;
/**
 * Longest resource name in a table cell, in characters (cut in the middle, keeping type and construct hash).
 * With at most 4 columns this keeps every table under ~100 characters of text, so none scrolls sideways.
 */
export const TABLE_ADDRESS_MAX = 56;

/** Render the PR comment / job summary / `--format markdown` report. Pure. */
export function renderMarkdownReport(input: MarkdownReportInput): string {
  const sections = markdownReportSections(input);
  if (input.limit === undefined) return sections.map((s) => s.head + (s.rows ?? []).join("") + (s.tail ?? "")).join("");
  return fitSections(sections, {
    limit: input.limit,
    truncatedNote: input.truncatedNote ?? "\n_Report shortened to fit GitHub's size limit._\n",
  }).text;
}

/**
 * The report as prioritised sections (see truncate-markdown.ts), in display order: verdict and headline
 * (total, delta, coverage), findings by enforcement, the changed (or costliest) resources, cost by stack, then
 * collapsed details (chart, waived findings, policy notes, unpriced resources, price sources, warnings).
 */
export function markdownReportSections(input: MarkdownReportInput): MarkdownSection[] {
  const { estimate, diff, verdict } = input;
  const top = input.topResources ?? DEFAULT_TOP;
  const sections: MarkdownSection[] = [];
  const add = (s: MarkdownSection | null) => void (s && sections.push(s));

  add({ id: "verdict", priority: 1000, required: true, head: (input.marker ? `${input.marker}\n` : "") + verdictBlock(input) });
  if (verdict) {
    add(findingsSection("hard-mandatory", verdict.findings, 900, true));
    add(findingsSection("soft-mandatory", verdict.findings, 890, true));
    add(findingsSection("advisory", verdict.findings, 700, false));
  }
  add(diff ? changedResourcesSection(diff, top) : costliestResourcesSection(estimate, top));
  add(stacksSection(estimate, diff));
  add(priceBookSection(estimate, top));
  add(unitEconomicsSection(estimate, diff, { alternatives: input.alternatives ?? false }));
  if (verdict && verdict.policyFiles.length > 0)
    add({
      id: "policies",
      priority: 720,
      head: `\n**Policies:** ${verdict.policyFiles.map((f) => `<code>${esc(f, { maxLength: 120 })}</code>`).join(", ")}\n`,
    });
  add(chartSection(estimate, diff));
  if (verdict) {
    add(waivedSection(verdict.waived));
    add(policyNotesSection(verdict));
  }
  add(notFullyPricedSection(estimate));
  add(priceSourcesSection(estimate, diff));
  add(warningsSection(estimate, diff));
  if (input.footer) add({ id: "footer", priority: 300, head: `\n${input.footer}\n` });
  return sections;
}

// ---------------------------------------------------------------------------------------------- verdict

function verdictBlock(input: MarkdownReportInput): string {
  const { estimate, diff, verdict } = input;
  const project = input.project ? ` · ${esc(input.project, { maxLength: 80 })}` : "";
  const lines: string[] = [`## ${verdictTitle(verdict)}${project}`, ""];
  lines.push(totalsLine(estimate, diff), "", coverageLine(estimate));
  if (diff && !hasPricedChanges(diff)) lines.push("", "No priced resource changed in this pull request.");
  const overrides = distinctOverrides(verdict?.waived ?? []);
  for (const { override, count } of overrides)
    lines.push(
      "",
      `> **Override:** ${count} soft-mandatory finding${s(count)} overridden by ${esc(override.approvedBy, { maxLength: 60 })}` +
        `${override.via ? ` via ${esc(override.via, { maxLength: 80 })}` : ""}. Reason: ${esc(override.reason, { maxLength: 500 })}`,
    );
  for (const n of input.notices ?? []) lines.push("", `> ${n}`);
  return lines.join("\n") + "\n";
}

function verdictTitle(verdict: Verdict | undefined): string {
  if (!verdict) return "💲 costgate: cost estimate";
  const mandatory = verdict.findings.filter((f) => f.enforcement !== "advisory").length;
  const advisory = verdict.findings.length - mandatory;
  const waived = verdict.waived.length ? ` (${verdict.waived.length} waived)` : "";
  if (verdict.status === "fail") return `❌ costgate: blocked by ${mandatory} mandatory finding${s(mandatory)}${waived}`;
  if (verdict.status === "advisory") return `⚠️ costgate: passed with ${advisory} advisory finding${s(advisory)}${waived}`;
  return `✅ costgate: passed${waived}`;
}

/** The headline: total (and base → head with the delta), and the on-demand worst case when spot is used. */
function totalsLine(estimate: Estimate, diff: EstimateDiff | undefined): string {
  const head = estimate.totals;
  const spot =
    Math.abs(head.monthlyCostOnDemand - head.monthlyCost) >= 0.005
      ? ` (${money(cost(head.monthlyCostOnDemand))} at on-demand prices if spot capacity is unavailable)`
      : "";
  // A lower bound says how much is not priced; an elastic total says its range at minimum and maximum capacity.
  const bound =
    head.notPriced > 0
      ? ` — a lower bound: ${head.notPriced} resource${s(head.notPriced)} not fully priced`
      : rangeNote(head.range).replace(/\$/g, "\\$");
  const headCost = money(head.notPriced > 0 ? { expected: head.monthlyCost, lowerBound: true } : cost(head.monthlyCost));
  // With a price book the headline is effective; the list figure follows it.
  const list = head.list ? ` (effective; list ${money(head.notPriced > 0 ? { expected: head.list.monthlyCost, lowerBound: true } : cost(head.list.monthlyCost))})` : "";
  if (!diff) return `**Monthly cost:** ${headCost}${list}${bound}${spot}`;
  const t = diff.totals;
  const pct = t.deltaPct === null ? "" : `, ${signedPct(t.deltaPct)}`;
  const unknown = t.complete ? "" : `; ${t.unknownChanges} changed resource${s(t.unknownChanges)} not fully priced, so the real change is unknown`;
  return `**Monthly cost:** ${money(cost(t.baseMonthlyCost))} → ${headCost} (**${signed(cost(t.delta))}**${pct}${unknown})${list}${bound}${spot}`;
}

/** `52 resources — 8 priced, 44 free.` (zero counts left out) and the caveat when some are not counted. */
function coverageLine(estimate: Estimate): string {
  const t = estimate.totals;
  const parts = (
    [
      [t.priced, "priced"],
      [t.partial, "partially priced"],
      [t.unpriced, "unpriced"],
      [t.usageBased, "usage-based"],
      [t.free, "free"],
      [t.unsupported, "unsupported"],
      [t.notAws, "not AWS cost (other providers)"],
    ] as const
  )
    .filter(([n]) => n > 0)
    .map(([n, what]) => `${n} ${what}`);
  const caveat = t.unpriced + t.partial + t.unsupported > 0 ? " Unpriced and unsupported resources are not counted in the totals (never as \\$0)." : "";
  return `**Coverage:** ${t.resources} resource${s(t.resources)}${parts.length ? ` — ${parts.join(", ")}` : ""}.${caveat}`;
}

function distinctOverrides(waived: Finding[]): { override: Override; count: number }[] {
  const byKey = new Map<string, { override: Override; count: number }>();
  for (const f of waived) {
    if (!f.override) continue;
    const o = f.override;
    const key = JSON.stringify([o.approvedBy, o.via ?? "", o.reason]);
    const e = byKey.get(key);
    if (e) e.count++;
    else byKey.set(key, { override: o, count: 1 });
  }
  return [...byKey.values()];
}

// --------------------------------------------------------------------------------------------- findings

const ENFORCEMENT_TITLES: Record<Enforcement, string> = {
  "hard-mandatory": "Hard-mandatory findings (block the PR; cannot be overridden)",
  "soft-mandatory": "Soft-mandatory findings (block the PR unless overridden)",
  advisory: "Advisory findings",
};

/**
 * Findings of one enforcement level as a list (not a table: rule ids and messages then never wrap into narrow
 * columns): `- **CG-GPU-001** · high · <code>stack/address</code>: message`. Advisory findings beyond
 * OPEN_ADVISORIES are collapsed.
 */
function findingsSection(enforcement: Enforcement, findings: Finding[], priority: number, required: boolean): MarkdownSection | null {
  const mine = findings.filter((f) => f.enforcement === enforcement);
  if (mine.length === 0) return null;
  const title = `${ENFORCEMENT_TITLES[enforcement]} (${mine.length})`;
  const collapsed = enforcement === "advisory" && mine.length > OPEN_ADVISORIES;
  return {
    id: `findings-${enforcement}`,
    priority,
    required,
    head: collapsed ? `\n<details><summary>${escapeHtml(title)}</summary>\n\n` : `\n### ${title}\n\n`,
    // Policy messages state their amounts; `monthlyCost` stays in the JSON report and SARIF.
    rows: mine.map((f) => `- **${esc(f.ruleId, { maxLength: 80 })}** · ${esc(f.severity)} · ${findingTarget(f)}: ${esc(f.message, { maxLength: 500 })}\n`),
    more: (n) => `- … ${n} more ${enforcement} finding${s(n)}; see the job summary\n`,
    ...(collapsed ? { tail: "\n</details>\n" } : {}),
  };
}

function findingTarget(f: Finding): string {
  // Lists wrap, so the full address is shown (tables cut it, see address()).
  if (f.address) return `<code>${esc(f.stack ? `${f.stack}/${f.address}` : f.address)}</code>`;
  if (f.stack) return `stack ${esc(f.stack)}`;
  return "whole plan";
}

/** Waived findings, collapsed, as a list: rule, target, who waived it (override or exemption) and why. */
function waivedSection(waived: Finding[]): MarkdownSection | null {
  if (waived.length === 0) return null;
  return {
    id: "waived",
    priority: 650,
    head: `\n<details><summary>Waived findings (${waived.length})</summary>\n\n`,
    rows: waived.map((f) => {
      const by = f.override
        ? `override by ${esc(f.override.approvedBy, { maxLength: 60 })}${f.override.via ? ` (${esc(f.override.via, { maxLength: 60 })})` : ""}`
        : f.exemption
          ? `exemption ${esc(f.exemption.id ?? f.exemption.pattern, { maxLength: 60 })}, owner ${esc(f.exemption.owner, { maxLength: 40 })}, until ${esc(f.exemption.expires, { maxLength: 20 })}`
          : "waived";
      const reason = f.override?.reason ?? f.exemption?.reason ?? "";
      return `- **${esc(f.ruleId, { maxLength: 80 })}** · ${esc(f.enforcement)} · ${findingTarget(f)} · ${by}: ${esc(reason, { maxLength: 300 })}\n`;
    }),
    more: (n) => `- … ${n} more\n`,
    tail: "\n</details>\n",
  };
}

function policyNotesSection(verdict: Verdict): MarkdownSection | null {
  const notes = [...(verdict.overrideNotes ?? []), ...verdict.compositionNotes, ...verdict.exemptionNotes, ...(verdict.notes ?? [])];
  if (notes.length === 0) return null;
  return {
    id: "policy-notes",
    priority: 600,
    head: `\n<details><summary>Policy notes (${notes.length})</summary>\n\n`,
    rows: notes.map((n) => `- ${esc(n, { maxLength: 400 })}\n`),
    more: (n) => `- … ${n} more\n`,
    tail: "\n</details>\n",
  };
}

// ------------------------------------------------------------------------------------------------- cost

function stacksSection(estimate: Estimate, diff: EstimateDiff | undefined): MarkdownSection | null {
  if (diff) {
    if (diff.stacks.length === 0) return null;
    const t = diff.totals;
    return {
      id: "stacks",
      priority: 750,
      head: `\n### Cost by stack\n\n| Stack | Base | Head | Δ |\n|---|---:|---:|---:|\n`,
      rows: diff.stacks.map((st) => {
        const tag = st.change === "added" ? " (new)" : st.change === "removed" ? " (removed)" : "";
        return `| ${esc(st.name, { maxLength: 60 })}${tag} | ${money(cost(st.baseMonthlyCost))} | ${money(cost(st.headMonthlyCost))} | ${signed(cost(st.delta))} |\n`;
      }),
      more: (n) => `| … ${n} more stack${s(n)} | | | |\n`,
      tail: `| **Total** | **${money(cost(t.baseMonthlyCost))}** | **${money(cost(t.headMonthlyCost))}** | **${signed(cost(t.delta))}** |\n`,
    };
  }
  if (estimate.stacks.length === 0) return null;
  return {
    id: "stacks",
    priority: 750,
    head: `\n### Cost by stack\n\n| Stack | Resources | Monthly |\n|---|---:|---:|\n`,
    rows: estimate.stacks.map((st) => `| ${esc(st.name, { maxLength: 60 })} | ${st.resources.length} | ${money(cost(st.monthlyCost))} |\n`),
    more: (n) => `| … ${n} more stack${s(n)} | | |\n`,
    tail: `| **Total** | **${estimate.totals.resources}** | **${money(cost(estimate.totals.monthlyCost))}** |\n`,
  };
}

/**
 * The one table of changed resources (largest change first, at most `top`). Free resources added or removed
 * at $0 are counted in one line under it, like the unchanged ones.
 */
function changedResourcesSection(diff: EstimateDiff, top: number): MarkdownSection | null {
  const changed = diff.resources.filter((r) => r.change !== "unchanged");
  const free = changed.filter(isFreeAddOrRemove);
  const listed = changed.filter((r) => !isFreeAddOrRemove(r));
  const unchanged = diff.resources.length - changed.length;
  const multiStack = new Set(diff.resources.map((r) => r.stack)).size > 1;
  const shown = listed.slice(0, top);
  const notes = [
    listed.length > shown.length ? `${listed.length - shown.length} more changed resource${s(listed.length - shown.length)} not listed` : "",
    free.length ? esc(freeChangesLine(free)) : "",
    unchanged ? `${unchanged} unchanged` : "",
  ].filter(Boolean);
  const tail = notes.length ? `\n_${notes.join("; ")}._\n` : "";
  if (shown.length === 0) return tail ? { id: "changed-resources", priority: 800, head: `\n### Changed resources\n${tail}` } : null;
  return {
    id: "changed-resources",
    priority: 800,
    head: `\n### Changed resources (${listed.length})\n\n| Resource | Change | Head /month | Δ /month |\n|---|---|---:|---:|\n`,
    rows: shown.map((r) => changedRow(r, multiStack)),
    more: (n) => `| … ${n} more | | | |\n`,
    tail,
  };
}

function changedRow(r: ResourceDelta, multiStack: boolean): string {
  const status = (r.head ?? r.base)?.status;
  const note = status && status !== "priced" && status !== "free" ? ` (${status})` : "";
  const headCell = r.head ? money(rangeCell(r.head.range, r.head.complete)) : money(cost(0));
  const delta = r.complete ? signed(cost(r.delta)) : `${signed(cost(r.delta))} (unknown)`;
  return `| ${address(multiStack ? `${r.stack}/${r.address}` : r.address)} | ${r.change}${note} | ${headCell} | ${delta} |\n`;
}

function costliestResourcesSection(estimate: Estimate, top: number): MarkdownSection | null {
  const costly = allResources(estimate)
    .filter((r) => r.monthlyCost > 0)
    .sort((a, b) => b.monthlyCost - a.monthlyCost || cmp(`${a.stack}/${a.address}`, `${b.stack}/${b.address}`));
  if (costly.length === 0) return null;
  const multiStack = estimate.stacks.length > 1;
  return {
    id: "costliest-resources",
    priority: 800,
    head: `\n### Most expensive resources\n\n| Resource | Monthly |\n|---|---:|\n`,
    rows: costly.slice(0, top).map((r) => `| ${address(multiStack ? `${r.stack}/${r.address}` : r.address)} | ${money(rangeCell(r.range, r.complete))} |\n`),
    more: (n) => `| … ${n} more | |\n`,
  };
}

const STATUS_ORDER: ResourceEstimate["status"][] = ["unsupported", "unpriced", "partial", "usage-based"];

/** Resources whose cost is incomplete, collapsed, as a list with the reason (never counted as $0). */
function notFullyPricedSection(estimate: Estimate): MarkdownSection | null {
  const rows = allResources(estimate)
    .filter((r) => STATUS_ORDER.includes(r.status))
    .sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || cmp(`${a.stack}/${a.address}`, `${b.stack}/${b.address}`));
  if (rows.length === 0) return null;
  return {
    id: "not-fully-priced",
    priority: 400,
    head: `\n<details><summary>Resources not fully priced (${rows.length})</summary>\n\n`,
    rows: rows.map((r) => `- ${address(`${r.stack}/${r.address}`)} · ${r.status}${r.notes.length ? `: ${esc(r.notes.join("; "), { maxLength: 300 })}` : ""}\n`),
    more: (n) => `- … ${n} more\n`,
    tail: "\n</details>\n",
  };
}

function priceSourcesSection(estimate: Estimate, diff: EstimateDiff | undefined): MarkdownSection | null {
  const byId = new Map<string, PriceSourceInfo>();
  for (const src of [...estimate.priceSources, ...(diff?.base.priceSources ?? [])]) if (!byId.has(src.id)) byId.set(src.id, src);
  const sources = [...byId.values()];
  if (sources.length === 0) return null;
  return {
    id: "price-sources",
    priority: 350,
    head: `\n<details><summary>Price sources (${sources.length})</summary>\n\n`,
    rows: sources.map((p) => {
      const date = p.label.includes(p.asOf) ? "" : ` (as of ${esc(p.asOf, { maxLength: 30 })})`;
      return `- ${esc(p.label, { maxLength: 80 })}${date}: ${esc(p.description, { maxLength: 300 })}\n`;
    }),
    more: (n) => `- … ${n} more\n`,
    tail: "\n</details>\n",
  };
}

function warningsSection(estimate: Estimate, diff: EstimateDiff | undefined): MarkdownSection | null {
  const warnings = [...new Set([...estimate.warnings, ...(diff?.base.warnings ?? [])])];
  if (warnings.length === 0) return null;
  return {
    id: "warnings",
    priority: 450,
    head: `\n<details><summary>Warnings (${warnings.length})</summary>\n\n`,
    rows: warnings.map((w) => `- ${esc(w, { maxLength: 400 })}\n`),
    more: (n) => `- … ${n} more\n`,
    tail: "\n</details>\n",
  };
}

/**
 * The chart, collapsed. On a diff: the monthly change by stack when two or more stacks changed, else by
 * resource (bars above and below zero). Without a base: the cost by stack (or by resource) as a pie.
 */
function chartSection(estimate: Estimate, diff: EstimateDiff | undefined): MarkdownSection | null {
  let title: string;
  let chart: string;
  if (diff) {
    const byStack: ChartSlice[] = diff.stacks.map((st) => ({ label: st.name, value: st.delta }));
    const useStacks = byStack.filter((x) => x.value !== 0).length >= 2;
    title = useStacks ? "Monthly cost change by stack (USD)" : "Monthly cost change by resource (USD)";
    chart = mermaidBars(
      title,
      "USD per month",
      (useStacks ? byStack : diff.resources.map((r) => ({ label: r.address, value: r.delta }))).map((b) => ({ ...b, label: shortenAddress(b.label, 30) })),
    );
  } else {
    const byStack: ChartSlice[] = estimate.stacks.map((st) => ({ label: st.name, value: st.monthlyCost }));
    const useStacks = byStack.filter((x) => x.value > 0).length >= 2;
    title = useStacks ? "Monthly cost by stack (USD)" : "Monthly cost by resource (USD)";
    chart = mermaidPie(title, useStacks ? byStack : allResources(estimate).map((r) => ({ label: r.address, value: r.monthlyCost })));
  }
  if (!chart) return null;
  return { id: "chart", priority: 100, head: `\n<details><summary>Chart: ${title.replace(/ \(USD\)$/, "").toLowerCase()}</summary>\n\n${chart}\n</details>\n` };
}

// ----------------------------------------------------------------------------------------------- format

/** Whether anything that costs money (or whose pricing status) changed between base and head. */
export function hasPricedChanges(diff: EstimateDiff): boolean {
  return diff.resources.some((r) => {
    if (r.change === "unchanged") return false;
    if (r.delta !== 0) return true;
    // Added or removed free resources (IAM, security groups) change nothing priced.
    const statuses = [r.base?.status, r.head?.status].filter(Boolean);
    return r.change === "changed" || statuses.some((x) => x !== "free");
  });
}

/** A resource name in a cell: cut in the middle to TABLE_ADDRESS_MAX, escaped, in `<code>`. */
function address(name: string): string {
  return `<code>${esc(shortenAddress(normalizeText(name), TABLE_ADDRESS_MAX))}</code>`;
}

// In Markdown a `$` may open GitHub math; the escaped form renders as a plain dollar sign.
const money = (c: CostCell) => formatCost(c).replace(/\$/g, "\\$");
const signed = (c: CostCell) => formatCost(c, { signed: true }).replace(/\$/g, "\\$");
const signedPct = (p: number) => `${p > 0 ? "+" : ""}${p.toFixed(1)}%`;
const s = (n: number) => (n === 1 ? "" : "s");
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
