import type { EstimateDiff, ResourceDelta } from "../pricing/diff-estimates.js";
import type { ResourceEstimate } from "../pricing/estimate.js";
import { usd, usdDelta } from "../money.js";
import { terminalSafe as t, textTable } from "./text-table.js";

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

/** Terminal rendering of a base → head cost diff: totals, per stack, then changed resources (largest first). */
export function renderDiffText(d: EstimateDiff): string {
  const out: string[] = [];
  out.push(`costgate diff: ${t(d.base.input)} → ${t(d.head.input)}\n`);
  const tot = d.totals;
  out.push(
    `Monthly cost: ${usd(tot.baseMonthlyCost)} → ${usd(tot.headMonthlyCost)} (${usdDelta(tot.delta)}${tot.deltaPct === null ? "" : `, ${tot.deltaPct >= 0 ? "+" : ""}${tot.deltaPct.toFixed(1)}%`})\n\n`,
  );
  out.push(
    textTable(
      ["Stack", "Change", "Base /month", "Head /month", "Delta", "%"],
      d.stacks.map((s) => [t(s.name), s.change, usd(s.baseMonthlyCost), usd(s.headMonthlyCost), usdDelta(s.delta), pct(s.baseMonthlyCost, s.headMonthlyCost)]),
      ["l", "l", "r", "r", "r", "r"],
    ),
  );
  const changed = d.resources.filter((r) => r.change !== "unchanged");
  const unchanged = d.resources.length - changed.length;
  if (changed.length) {
    out.push("\nResources (largest change first):\n\n");
    out.push(
      textTable(
        ["Resource", "Change", "Base /month", "Head /month", "Delta", "Pricing"],
        changed.map((r) => [`${t(r.stack)}/${t(r.address)}`, r.change, usd(r.baseMonthlyCost), usd(r.headMonthlyCost), usdDelta(r.delta), pricingNote(r)]),
        ["l", "l", "r", "r", "r", "l"],
      ),
    );
  } else out.push("\nNo resource changed cost.\n");
  if (unchanged > 0) out.push(`\n${unchanged} unchanged resource${unchanged === 1 ? "" : "s"} not shown.\n`);
  const incomplete = changed.filter((r) => pricingNote(r) !== "");
  if (incomplete.length)
    out.push(
      `\nNot fully priced (their unpriced parts are not in the delta): ${incomplete.map((r) => `${t(r.stack)}/${t(r.address)}`).join(", ")}\n`,
    );
  if (d.head.priceSources.length) out.push(`\nPrices (base and head priced with the same sources): ${[...new Set(d.head.priceSources.map((s) => t(s.label)))].join(", ")}\n`);
  return out.join("");
}
