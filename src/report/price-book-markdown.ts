import { allResources, type Estimate, type ResourceEstimate } from "../pricing/estimate.js";
import { usd } from "../money.js";
import { effectiveVersusList } from "./price-book-lines.js";
import { cost, formatCost, rangeCell } from "./cost-cell.js";
import { escapeMarkdown as esc, normalizeText } from "./escape-markdown.js";
import { shortenAddress } from "./text-width.js";
import type { MarkdownSection } from "./truncate-markdown.js";

/** Longest resource name in the table (as the report's other tables). */
const ADDRESS_MAX = 56;

/**
 * The PR comment's price-book section: list vs effective per resource (the ones the price book changed, largest
 * list cost first) with the rules and commitments applied, each commitment's unused part as its own line, and
 * rules out of date. Null when no price book was applied. Every untrusted string (ids, reasons, addresses) is
 * escaped.
 */
export function priceBookSection(estimate: Estimate, top: number): MarkdownSection | null {
  const pb = estimate.priceBook;
  if (!pb) return null;
  const changed = allResources(estimate)
    .filter((r) => r.list && r.components.some((c) => c.priceBookRule || c.commitments))
    .sort((a, b) => b.list!.monthlyCost - a.list!.monthlyCost || cmp(`${a.stack}/${a.address}`, `${b.stack}/${b.address}`));
  const multiStack = estimate.stacks.length > 1;
  const rows = changed.slice(0, top).map((r) => `| ${address(multiStack ? `${r.stack}/${r.address}` : r.address)} | ${money(rangeCell(r.list!.range, r.complete))} | ${money(rangeCell(r.range, r.complete))} | ${applied(r)} |\n`);
  for (const k of pb.commitments)
    rows.push(`| _unused ${k.kind === "reservation" ? "reservation" : "Savings Plan"}_ <code>${esc(k.id, { maxLength: 40 })}</code> | | ${money(cost(k.unused.expected))} | ${esc(k.reason, { maxLength: 80 })} |\n`);
  const notes = pb.outOfDate.map(
    (o) => `- <code>${esc(o.id, { maxLength: 40 })}</code> ${o.status === "expired" ? `expired on ${o.date}` : `applies from ${o.date}`}: not applied${o.matches ? ` (${o.matches === 1 ? "the price it matches takes" : `the ${o.matches} prices it matches take`} the next rule, else list)` : ""} — ${esc(o.reason, { maxLength: 120 })}\n`,
  );
  for (const id of pb.unmatched ?? []) notes.push(`- <code>${esc(id, { maxLength: 40 })}</code> matched no price in this estimate (check its match and unit)\n`);
  return {
    id: "price-book",
    priority: 760,
    head:
      `\n### Your prices (price book <code>${esc(pb.label, { maxLength: 80 })}</code>, as of ${pb.today})\n\n` +
      `${capitalized(effectiveVersusList(estimate, (t) => t.replace(/\$/g, "\\$")))}; unused commitments included.\n\n` +
      `| Resource | List | Effective | Price book |\n|---|---:|---:|---|\n`,
    rows,
    more: (n) => `| … ${n} more | | | |\n`,
    tail: notes.length ? `\n${notes.join("")}` : "",
  };
}

/** The rules and commitments applied to a resource's components, escaped: `edp −8%; g5-ri 1,460 hours`. */
function applied(r: ResourceEstimate): string {
  const parts = new Set<string>();
  for (const c of r.components) {
    const rule = c.priceBookRule;
    if (rule) parts.add(rule.kind === "discount" ? `${rule.id} −${rule.discountPercent}%` : `${rule.id} ${usd(rule.usdPerUnit!)}/${c.unit === "hours" ? "h" : "unit"}${rule.listUnknown ? " (list unknown)" : ""}`);
    for (const k of c.commitments ?? []) parts.add(`${k.id} covers ${Math.round(k.covered.expected).toLocaleString("en-US")} ${c.unit}`);
  }
  return esc([...parts].join("; "), { maxLength: 160 });
}

function address(name: string): string {
  return `<code>${esc(shortenAddress(normalizeText(name), ADDRESS_MAX))}</code>`;
}
const money = (c: Parameters<typeof formatCost>[0]) => formatCost(c).replace(/\$/g, "\\$");
const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
