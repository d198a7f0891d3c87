import { allResources, type Estimate, type ResourceEstimate } from "../pricing/estimate.js";
import { cost, formatCost, rangeCell, rangeNote } from "./cost-cell.js";
import { fitTable, type TableCell, type TableColumn } from "./fit-table.js";
import { quantity, unitPrice, usd } from "../money.js";
import { terminalSafe as t } from "./text-table.js";
import { providerOfType } from "../pricing/catalog/non-aws-providers.js";
import { shortenAddress, wrapHanging } from "./text-width.js";
import { componentPriceBookNote, priceBookLines } from "./price-book-lines.js";

const STATUS_LABEL: Record<ResourceEstimate["status"], string> = {
  priced: "",
  partial: "partly unpriced",
  unpriced: "unpriced",
  "usage-based": "usage-based",
  free: "free",
  "not-aws": "not AWS cost",
  unsupported: "unsupported",
};

/** Options of the terminal renderers. */
export interface TerminalRenderOptions {
  /** Widest a line may be, in terminal columns (see terminalWidth); Infinity (the default) = no limit. */
  width?: number;
}

const COLUMNS: TableColumn[] = [
  { header: "Resource / component", fit: "auto", min: 24, shorten: shortenAddress },
  { header: "Qty/mo", align: "r" },
  { header: "Unit" },
  { header: "Price", align: "r" },
  { header: "Monthly", align: "r" },
  { header: "Price source / status", fit: "wrap", movable: true, min: 20 },
];

/** The columns with a price book: list monthly cost before the effective one. */
const COLUMNS_WITH_LIST: TableColumn[] = [...COLUMNS.slice(0, 4), { header: "List/mo", align: "r" }, { header: "Effective/mo", align: "r" }, COLUMNS[5]!];

/** A row with the list cell inserted before the monthly cost (price book given), else the row itself. */
function withList(row: TableCell[], pb: boolean, list: string): TableCell[] {
  return pb ? [...row.slice(0, 4), list, ...row.slice(4)] : row;
}

/**
 * The terminal rendering of an Estimate: per stack, per resource, per component, then totals and sources.
 * Lines fit `opts.width` columns: long addresses are cut in the middle, component names and messages wrap at
 * word boundaries, the price source moves under its row when the table would be too wide.
 */
export function renderEstimateTable(e: Estimate, opts: TerminalRenderOptions = {}): string {
  const width = opts.width ?? Infinity;
  // With a price book: a list column beside the (effective) monthly cost, and the rule in the source column.
  const pb = e.priceBook !== undefined;
  const listCell = (x: { list?: { range: Estimate["totals"]["range"] } }, complete: boolean): string => (x.list ? formatCost(rangeCell(x.list.range, complete)) : "");
  // Stack and resource rows are names that are cut in the middle (even with spaces); component names wrap.
  const rows: TableCell[][] = [];
  for (const s of e.stacks) {
    rows.push(withList([{ text: t(s.name), fit: "middle" }, "", "", "", formatCost(rangeCell(s.range, s.notPriced === 0)), ""], pb, listCell(s, s.notPriced === 0)));
    for (const r of s.resources) {
      if ((r.status === "free" || r.status === "not-aws") && r.components.length === 0) continue;
      const status = [STATUS_LABEL[r.status], r.action === "delete" ? "deleted" : ""].filter(Boolean).join(", ");
      const shown = r.components.length && r.status !== "unpriced";
      rows.push(withList([{ text: `  ${t(r.address)}`, fit: "middle" }, "", "", "", shown ? formatCost(rangeCell(r.range, r.complete)) : r.status === "unpriced" ? "-" : "", status], pb, shown ? listCell(r, r.complete) : ""));
      r.components.forEach((c, i) => {
        const last = i === r.components.length - 1;
        const source = c.unpricedReason
          ? "unpriced"
          : c.monthlyCost === null
            ? `usage-based (set ${c.usageKey ?? "usage"})`
            : c.price
              ? `${c.price.label}${c.price.estimated && c.price.source !== "spot-discount" ? " (estimated)" : ""}${c.purchaseOption === "spot" && c.onDemandMonthlyCost != null ? `; on-demand ${usd(c.onDemandMonthlyCost)}` : ""}`
              : "";
        const note = componentPriceBookNote(c);
        const listCost = c.list ? c.list.monthlyCost : c.monthlyCost;
        rows.push(withList([
          `    ${last ? "└─" : "├─"} ${t(c.name)}`,
          c.monthlyQuantity === null ? "-" : quantity(c.monthlyQuantity),
          c.unit,
          unitPrice(c.unitPrice),
          c.monthlyCost === null ? "-" : formatCost(cost(c.monthlyCost)),
          note ? t(source ? `${source}; ${note}` : note) : source,
        ], pb, listCost === null ? "-" : formatCost(cost(listCost))));
      });
    }
  }
  const all = allResources(e);
  const out: string[] = [];
  const para = (text: string, first = "", rest = first) => out.push(wrapHanging(text, width, first, rest).join("\n") + "\n");
  para(`costgate estimate: ${t(e.input)} (${e.stacks.length} stack${e.stacks.length === 1 ? "" : "s"}, ${all.length} resource${all.length === 1 ? "" : "s"})`);
  out.push("\n");
  out.push(fitTable(pb ? COLUMNS_WITH_LIST : COLUMNS, rows, width));
  const tot = e.totals;
  out.push("\n");
  para(
    `Total monthly cost: ${totalText(tot)}` +
      (tot.monthlyCostOnDemand !== tot.monthlyCost ? ` (at on-demand prices, if spot is unavailable: ${formatCost(cost(tot.monthlyCostOnDemand))})` : ""),
  );
  para(
    `${tot.resources} resource${tot.resources === 1 ? "" : "s"}: ${tot.priced} priced, ${tot.partial} partly unpriced, ${tot.unpriced} unpriced, ${tot.usageBased} usage-based, ${tot.free} free, ${tot.unsupported} unsupported${tot.notAws ? `, ${tot.notAws} not AWS cost` : ""}`,
  );
  const book = priceBookLines(e);
  if (book.length) {
    out.push("\n");
    para(t(book[0]!));
    for (const line of book.slice(1)) para(t(line), "  - ", "    ");
  }
  const unpriced = all.filter((r) => r.status === "unpriced" || r.status === "partial");
  if (unpriced.length) {
    out.push(`\nNot counted in the total (unpriced):\n`);
    for (const r of unpriced) for (const n of r.notes.filter((n) => !n.includes("usage-based"))) para(`${t(r.stack)}/${t(r.address)}: ${t(n)}`, "  - ", "    ");
  }
  const unsupported = all.filter((r) => r.status === "unsupported");
  if (unsupported.length) {
    const types = [...new Set(unsupported.map((r) => r.type))].sort();
    out.push("\n");
    para(`Unsupported resource types (not priced, not assumed free): ${types.map(t).join(", ")}`);
  }
  const notAws = notAwsLine(all);
  if (notAws) {
    out.push("\n");
    para(notAws);
  }
  if (e.priceSources.length) {
    out.push(`\nPrices:\n`);
    for (const s of e.priceSources) para(`${s.label}: ${t(s.description)}`, "  - ", "    ");
  }
  if (e.warnings.length) {
    out.push(`\nWarnings:\n`);
    for (const w of e.warnings) para(t(w), "  - ", "    ");
  }
  return out.join("");
}


/** `≥ $3,210.00 + 17 resources not fully priced`, or `$3,210.00` with the elastic range when there is one. */
export function totalText(tot: Estimate["totals"]): string {
  if (tot.notPriced > 0) return `≥ ${formatCost(cost(tot.monthlyCost))} + ${tot.notPriced} resource${tot.notPriced === 1 ? "" : "s"} not fully priced`;
  return formatCost(cost(tot.monthlyCost)) + rangeNote(tot.range);
}

/** `Not AWS cost: 12 resources of other providers (helm ×5, kubernetes ×6, random ×1).`, or undefined. */
export function notAwsLine(resources: readonly ResourceEstimate[]): string | undefined {
  const by = new Map<string, number>();
  for (const r of resources) if (r.status === "not-aws") by.set(providerOfType(r.type), (by.get(providerOfType(r.type)) ?? 0) + 1);
  if (by.size === 0) return undefined;
  const n = [...by.values()].reduce((a, b) => a + b, 0);
  const list = [...by].sort(([a], [b]) => (a < b ? -1 : 1)).map(([p, k]) => `${p} ×${k}`).join(", ");
  return `Not AWS cost: ${n} resource${n === 1 ? "" : "s"} of other providers (${list}), which create no AWS bill by themselves.`;
}
