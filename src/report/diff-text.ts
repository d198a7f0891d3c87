import type { EstimateDiff, ResourceDelta } from "../pricing/diff-estimates.js";
import type { Estimate, ResourceEstimate } from "../pricing/estimate.js";
import { cost, formatCost } from "./cost-cell.js";
import type { TerminalRenderOptions } from "./estimate-table.js";
import { fitTable, type TableColumn } from "./fit-table.js";
import { freeChangesLine, isFreeAddOrRemove } from "./free-changes.js";
import { priceBookLines } from "./price-book-lines.js";
import { pricingWarnings } from "./pricing-warnings.js";
import { terminalSafe as t } from "./text-table.js";
import { shortenAddress, wrapHanging } from "./text-width.js";

function pct(base: number, head: number): string {
  if (base === 0) return head === 0 ? "" : "new";
  const p = ((head - base) / base) * 100;
  return `${p >= 0 ? "+" : ""}${p.toFixed(1)}%`;
}

const INCOMPLETE = new Set<ResourceEstimate["status"]>(["unpriced", "partial", "unsupported", "usage-based"]);

/** Why a resource's delta is not the whole story: its price is incomplete on either side. */
function pricingNote(r: ResourceDelta): string {
  const side = (e: ResourceEstimate | undefined) => (e && INCOMPLETE.has(e.status) ? e.status : undefined);
  const h = side(r.head);
  const b = side(r.base);
  if (h && b) return h === b ? `${h} (both)` : `base ${b}, head ${h}`;
  if (h) return `head ${h}`;
  if (b) return `base ${b}`;
  return "";
}

const STACK_COLUMNS: TableColumn[] = [
  { header: "Stack", fit: "middle", min: 16, shorten: shortenAddress },
  { header: "Change" },
  { header: "Base /month", align: "r" },
  { header: "Head /month", align: "r" },
  { header: "Delta", align: "r" },
  { header: "%", align: "r" },
];

const RESOURCE_COLUMNS: TableColumn[] = [
  { header: "Resource", fit: "middle", min: 20, shorten: shortenAddress },
  { header: "Change" },
  { header: "Base /month", align: "r", movable: true, noteLabel: "base" },
  { header: "Head /month", align: "r" },
  { header: "Delta", align: "r" },
  { header: "Pricing", fit: "wrap", movable: true, min: 12 },
];

/** Options of the diff text: the terminal width, and `wide` (list free resources added or removed at $0 too). */
export interface DiffTextOptions extends TerminalRenderOptions {
  wide?: boolean;
  /** The estimates behind the diff: their price-book lines and pricing warnings are shown under it. */
  estimates?: { head: Estimate; base?: Estimate };
}

/**
 * Terminal rendering of a base → head cost diff: totals, per stack, then changed resources (largest first).
 * Free resources added or removed at $0 are counted in one line (listed with `wide`). Lines fit `opts.width`.
 */
export function renderDiffText(d: EstimateDiff, opts: DiffTextOptions = {}): string {
  const width = opts.width ?? Infinity;
  const out: string[] = [];
  const para = (text: string, first = "", rest = first) => out.push(wrapHanging(text, width, first, rest).join("\n") + "\n");
  const money = (n: number) => formatCost(cost(n));
  const delta = (n: number) => formatCost(cost(n), { signed: true });
  para(`costgate diff: ${t(d.base.input)} → ${t(d.head.input)}`);
  const tot = d.totals;
  para(
    `Monthly cost: ${money(tot.baseMonthlyCost)} → ${money(tot.headMonthlyCost)} (${delta(tot.delta)}${tot.deltaPct === null ? "" : `, ${tot.deltaPct >= 0 ? "+" : ""}${tot.deltaPct.toFixed(1)}%`})`,
  );
  out.push("\n");
  out.push(
    fitTable(
      STACK_COLUMNS,
      d.stacks.map((s) => [t(s.name), s.change, money(s.baseMonthlyCost), money(s.headMonthlyCost), delta(s.delta), pct(s.baseMonthlyCost, s.headMonthlyCost)]),
      width,
    ),
  );
  const changed = d.resources.filter((r) => r.change !== "unchanged");
  const free = opts.wide ? [] : changed.filter(isFreeAddOrRemove);
  const listed = opts.wide ? changed : changed.filter((r) => !isFreeAddOrRemove(r));
  const unchanged = d.resources.length - changed.length;
  if (listed.length) {
    out.push("\nResources (largest change first):\n\n");
    out.push(
      fitTable(
        RESOURCE_COLUMNS,
        listed.map((r) => [`${t(r.stack)}/${t(r.address)}`, r.change, r.change === "added" ? "" : money(r.baseMonthlyCost), money(r.headMonthlyCost), delta(r.delta), pricingNote(r)]),
        width,
      ),
    );
  } else out.push(changed.length ? "\nNo priced resource changed cost.\n" : "\nNo resource changed cost.\n");
  if (free.length || unchanged > 0) out.push("\n");
  if (free.length) para(`${t(freeChangesLine(free))} (not listed; --wide lists them)`);
  if (unchanged > 0) para(`${unchanged} unchanged resource${unchanged === 1 ? "" : "s"} not shown.`);
  const incomplete = listed.filter((r) => pricingNote(r) !== "");
  if (incomplete.length) {
    out.push("\n");
    para(`Not fully priced (their unpriced parts are not in the delta): ${incomplete.map((r) => `${t(r.stack)}/${t(r.address)}`).join(", ")}`);
  }
  if (d.head.priceSources.length) {
    out.push("\n");
    para(`Prices (base and head priced with the same sources): ${[...new Set(d.head.priceSources.map((s) => t(s.label)))].join(", ")}`);
  }
  if (opts.estimates) {
    // With a price book the figures above are effective: the head's list beside them and what the book did.
    const [pbHead, ...pbRest] = priceBookLines(opts.estimates.head);
    if (pbHead) {
      out.push("\n");
      para(t(pbHead), "", "  ");
      for (const l of pbRest) para(t(l), "  - ", "    ");
    }
    const warnings = pricingWarnings(opts.estimates.head, opts.estimates.base);
    if (warnings.length) {
      out.push("\nWarnings:\n");
      for (const w of warnings) para(t(w), "  - ", "    ");
    }
  }
  return out.join("");
}
