import { allResources, type ComponentEstimate, type Estimate } from "../pricing/estimate.js";
import { quantity, usd } from "../money.js";
import { formatCost } from "./cost-cell.js";

/**
 * Resources whose effective and list figures are lower bounds: not fully priced (effective), or priced by a fixed
 * rate whose list price is unknown (list). The saving is only stated when both are complete.
 */
export function priceBookGaps(e: Estimate): { effective: number; list: number } {
  let effective = 0;
  let list = 0;
  for (const r of allResources(e)) {
    if (!r.complete) effective++;
    if (!r.complete || r.components.some((c) => c.priceBookRule?.listUnknown)) list++;
  }
  return { effective, list };
}

/**
 * `effective $X/month vs list $Y/month (−$Z, n%)`: lower bounds are `≥`, and the saving is left out when either side
 * is not fully known (it would be a guess).
 */
export function effectiveVersusList(e: Estimate, money: (s: string) => string = (s) => s): string {
  const listTotal = e.totals.list!.monthlyCost;
  const gaps = priceBookGaps(e);
  const effective = money(formatCost({ expected: e.totals.monthlyCost, lowerBound: gaps.effective > 0 }));
  const list = money(formatCost({ expected: listTotal, lowerBound: gaps.list > 0 }));
  if (gaps.effective > 0 || gaps.list > 0) return `effective ${effective}/month vs list ${list}/month (saving not known: ${gaps.list} resource${gaps.list === 1 ? "" : "s"} without a known list price)`;
  const saved = listTotal - e.totals.monthlyCost;
  return `effective ${effective}/month vs list ${list}/month (${saved >= 0 ? "−" : "+"}${money(usd(Math.abs(saved)))}${listTotal > 0 ? `, ${((Math.abs(saved) / listTotal) * 100).toFixed(1)}%` : ""})`;
}

/**
 * What the price book did to one component, for a report's source column: the rule (`edp −10%`, `p5-rate
 * $31.46/unit`) and the commitments covering it (`p5-sp covers 1,460 h`). Empty when no price book touched it.
 * Untrusted text (ids) is returned raw: callers escape for their format.
 */
export function componentPriceBookNote(c: ComponentEstimate): string {
  const parts: string[] = [];
  const r = c.priceBookRule;
  if (r) parts.push(r.kind === "discount" ? `${r.id} −${r.discountPercent}%` : `${r.id} ${usd(r.usdPerUnit!)}/unit${r.listUnknown ? " (list unknown)" : ""}`);
  for (const k of c.commitments ?? []) parts.push(`${k.id} covers ${quantity(k.covered.expected)} ${c.unit} at ${usd(k.usdPerUnit)}`);
  return parts.length ? `price book: ${parts.join("; ")}` : "";
}

/**
 * The price-book summary lines of an estimate (raw text): total at list vs effective, each commitment with its
 * unused part, rules out of date. Empty when no price book was applied.
 */
export function priceBookLines(e: Estimate): string[] {
  const pb = e.priceBook;
  if (!pb) return [];
  const out: string[] = [];
  if (e.totals.list) out.push(`Price book ${pb.label} (as of ${pb.today}): ${effectiveVersusList(e)}`);
  for (const r of pb.rulesApplied) out.push(`rule ${r.id}: ${r.components} component${r.components === 1 ? "" : "s"} (${r.reason})`);
  for (const k of pb.commitments) {
    const unused = k.unused.expected;
    out.push(
      `${k.kind === "reservation" ? "reservation" : "Savings Plan"} ${k.id}: ${usd(k.monthlyCommitment)}/month committed, ${usd(k.used.expected)} used, ${usd(unused)} unused${
        k.unused.atLow !== unused || k.unused.atHigh !== unused ? ` (${usd(k.unused.atHigh)} – ${usd(k.unused.atLow)} across capacity)` : ""
      } (${k.reason})`,
    );
  }
  for (const o of pb.outOfDate)
    out.push(o.status === "expired" ? `rule ${o.id} expired on ${o.date}: not applied (${o.reason})` : `rule ${o.id} applies from ${o.date}: not applied yet (${o.reason})`);
  for (const id of pb.unmatched ?? []) out.push(`rule ${id} matched no price in this estimate (check its match and unit)`);
  return out;
}
