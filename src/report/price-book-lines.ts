import type { ComponentEstimate, Estimate } from "../pricing/estimate.js";
import { quantity, usd } from "../money.js";

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
  const list = e.totals.list;
  if (list) {
    const saved = list.monthlyCost - e.totals.monthlyCost;
    out.push(
      `Price book ${pb.label} (as of ${pb.today}): effective ${usd(e.totals.monthlyCost)}/month vs list ${usd(list.monthlyCost)}/month (${saved >= 0 ? "−" : "+"}${usd(Math.abs(saved))}${list.monthlyCost > 0 ? `, ${((Math.abs(saved) / list.monthlyCost) * 100).toFixed(1)}%` : ""})`,
    );
  }
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
  return out;
}
