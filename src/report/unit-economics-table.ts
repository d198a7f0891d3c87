import { allResources, type Estimate } from "../pricing/estimate.js";
import { unitPrice, usd, usdDelta } from "../money.js";
import { terminalSafe as t } from "./text-table.js";
import { fittedLines, fittedTable } from "./fitted-table.js";
import { idleTotal, unitFigureCells, unitNotes } from "./unit-figures-format.js";

export interface UnitEconomicsTableOptions {
  /** List cheaper equivalents (`--alternatives`). */
  alternatives?: boolean;
  /** Columns to fit (the estimate table's width); Infinity or absent = no limit (`--wide`). */
  width?: number;
}

/**
 * The terminal section for unit economics (appended to `costgate estimate`'s table): per resource, cost per 1k
 * requests and per 1M input/output tokens, instances needed vs provisioned, cost per training run and per month,
 * idle GPU cost; then notes, the labelled per-token API comparison and, with `alternatives`, cheaper equivalents.
 * Empty when the estimate has no unit figures.
 */
export function renderUnitEconomicsTable(e: Estimate, opts: UnitEconomicsTableOptions = {}): string {
  const resources = allResources(e).filter((r) => r.unitEconomics);
  if (resources.length === 0 || !e.unitEconomics) return "";
  const multi = e.stacks.length > 1;
  const name = (r: (typeof resources)[number]) => t(multi ? `${r.stack}/${r.address}` : r.address);
  const rows = resources.map((r) => {
    const c = unitFigureCells(r.unitEconomics!);
    return [name(r), c.per1kRequests, c.per1MInputTokens, c.per1MOutputTokens, c.utilisation, c.perRun, c.trainingMonthly, c.idleGpu];
  });
  const out: string[] = ["\n" + fittedLines("Unit economics (USD; ranges low – expected – high, ≥ = lower bound, ? = unknown):", opts.width ?? Infinity)];
  const w = opts.width ?? Infinity;
  out.push(fittedTable(["Resource", "Per 1k requests", "Per 1M input tok", "Per 1M output tok", "Instances needed / provisioned", "Per training run", "Training / month", "Idle GPU / month"], rows, ["l", "r", "r", "r", "r", "r", "r", "r"], w));
  const tot = e.unitEconomics;
  out.push("\n" + fittedLines(`Idle GPU cost: ${idleTotal(e)}/month${tot.idleGpuUnknown ? ` (+ ${tot.idleGpuUnknown} GPU resource${tot.idleGpuUnknown === 1 ? "" : "s"} without gpu_utilization)` : ""}`, w));
  for (const r of resources) {
    const u = r.unitEconomics!;
    for (const n of unitNotes(u)) out.push(fittedLines(`${name(r)}: ${t(n)}`, w, "  - "));
  }
  const api = resources.filter((r) => r.unitEconomics!.inference?.apiComparison);
  if (api.length) {
    out.push("\n" + fittedLines(`Same volume on an on-demand per-token API (low confidence; ${t(tot.sources.join("; "))}):`, w));
    for (const r of api) {
      const inf = r.unitEconomics!.inference!;
      out.push(fittedLines(`${name(r)} (${usd(inf.monthlyCost.expected)}/month self-hosted): ${inf.apiComparison!.map((a) => `${t(a.model)} ${usd(a.monthlyCost)}`).join(", ")}`, w, "  "));
    }
  }
  if (opts.alternatives) {
    const alts = resources.filter((r) => r.unitEconomics!.alternatives?.length);
    out.push(`\nCheaper equivalents (snapshot specs and prices):\n`);
    if (alts.length === 0) out.push("  none found\n");
    for (const r of alts)
      for (const a of r.unitEconomics!.alternatives!)
        out.push(fittedLines(`${name(r)} → ${t(a.instanceType)} ${a.purchaseOption} ${unitPrice(a.unitPrice)}/h: ${usdDelta(a.monthlyDifference)}/month — ${t(a.reason)} [${t(a.priceLabel)}]`, w, "  "));
  }
  return out.join("");
}
