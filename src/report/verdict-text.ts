import type { Estimate } from "../pricing/estimate.js";
import type { Enforcement, Finding, Verdict } from "../policy/verdict.js";
import { usd, usdDelta } from "../money.js";
import type { TerminalRenderOptions } from "./estimate-table.js";
import { priceBookLines } from "./price-book-lines.js";
import { pricingWarnings } from "./pricing-warnings.js";
import { terminalSafe as t } from "./text-table.js";
import { shortenAddress, wrapHanging } from "./text-width.js";

const SECTIONS: { level: Enforcement; title: string }[] = [
  { level: "hard-mandatory", title: "Hard-mandatory (blocks; cannot be overridden)" },
  { level: "soft-mandatory", title: "Soft-mandatory (blocks unless an approver overrides it)" },
  { level: "advisory", title: "Advisory (does not block)" },
];

/** Where a finding points: `stack/address`, a group label, or the whole plan. */
export function findingTarget(f: Finding): string {
  if (f.address) return f.stack ? `${f.stack}/${f.address}` : f.address;
  return f.group ?? f.stack ?? "(whole plan)";
}

/** A finding's target for a terminal line: cut in the middle when it would take more than half the width. */
function target(f: Finding, width: number): string {
  return shortenAddress(t(findingTarget(f)), Math.max(24, Math.floor(width / 2)));
}

function findingLines(f: Finding, width: number): string[] {
  const detail = [t(f.description), ...(f.monthlyCost !== undefined ? [`${usd(f.monthlyCost)}/month`] : []), t(f.policyFile)];
  return [
    ...wrapHanging(`${t(f.ruleId)} [${f.severity}] ${target(f, width)}: ${t(f.message)}`, width, "  ", "      "),
    ...wrapHanging(detail.join(" · "), width, "      "),
  ];
}

function waivedLine(f: Finding, width: number): string {
  const head = `  ${t(f.ruleId)} ${target(f, width)}: `;
  if (f.exemption) {
    const x = f.exemption;
    const days = x.daysLeft === undefined ? "" : x.daysLeft === 0 ? ", expires today" : `, ${x.daysLeft} day${x.daysLeft === 1 ? "" : "s"} left`;
    return `${head}exempted${x.id ? ` by ${t(x.id)}` : ""} (owner ${t(x.owner)}, until ${x.expires}${days}${x.ticket ? `, ${t(x.ticket)}` : ""}): ${t(x.reason)}`;
  }
  const o = f.override!;
  return `${head}overridden by ${t(o.approvedBy)}${o.via ? ` via ${t(o.via)}` : ""}${o.maxMonthlyCost !== undefined ? ` (up to ${usd(o.maxMonthlyCost)}/month)` : ""}: ${t(o.reason)}`;
}

function noteBlock(title: string, notes: readonly string[] | undefined, width: number): string[] {
  if (!notes || notes.length === 0) return [];
  return ["", `${title}:`, ...notes.flatMap((n) => wrapHanging(t(n), width, "  - ", "    "))];
}

/** One-line summary: `FAIL — 2 blocking findings (1 hard-mandatory, 1 soft-mandatory), 1 advisory`. */
export function verdictSummary(v: Verdict): string {
  const n = (level: Enforcement) => v.findings.filter((f) => f.enforcement === level).length;
  const hard = n("hard-mandatory");
  const soft = n("soft-mandatory");
  const advisory = n("advisory");
  const parts: string[] = [];
  if (hard + soft > 0) {
    const kinds = [hard ? `${hard} hard-mandatory` : "", soft ? `${soft} soft-mandatory` : ""].filter(Boolean).join(", ");
    parts.push(`${hard + soft} blocking finding${hard + soft === 1 ? "" : "s"} (${kinds})`);
  }
  if (advisory > 0) parts.push(`${advisory} advisory`);
  if (v.waived.length > 0) parts.push(`${v.waived.length} waived`);
  const label = v.status === "fail" ? "FAIL" : v.status === "advisory" ? "PASS with advisories" : "PASS";
  return parts.length ? `${label} — ${parts.join(", ")}` : `${label} — no findings`;
}

/**
 * Terminal rendering of a verdict, with the head cost (and the change from base) for context. Messages wrap at
 * word boundaries under their finding so no line is wider than `opts.width` columns.
 */
export function renderVerdictText(v: Verdict, cost?: { head: Estimate; base?: Estimate }, opts: TerminalRenderOptions = {}): string {
  const width = opts.width ?? Infinity;
  const wrap = (text: string, first = "", rest = first) => wrapHanging(text, width, first, rest);
  const out: string[] = [...wrap(`costgate check: ${verdictSummary(v)}`), ...wrap(`Policies: ${v.policyFiles.map(t).join(", ") || "(none)"}`, "", "  ")];
  if (cost) {
    const head = cost.head.totals.monthlyCost;
    if (cost.base) {
      const base = cost.base.totals.monthlyCost;
      const pct = base === 0 ? "" : `, ${head - base >= 0 ? "+" : ""}${(((head - base) / base) * 100).toFixed(1)}%`;
      out.push(...wrap(`Monthly cost: ${usd(base)} → ${usd(head)} (${usdDelta(head - base)}${pct})`));
    } else out.push(...wrap(`Monthly cost: ${usd(head)}`));
    const incomplete = cost.head.totals.unpriced + cost.head.totals.partial + cost.head.totals.unsupported;
    if (incomplete > 0) out.push(...wrap(`(${incomplete} resource${incomplete === 1 ? " is" : "s are"} not fully priced and not counted in full; see \`costgate estimate\`)`, "  ", "   "));
    // With a price book the figures above are effective: say so, with list beside them and what the book did.
    const [pbHead, ...pbRest] = priceBookLines(cost.head);
    if (pbHead) out.push(...wrap(t(pbHead), "", "  "), ...pbRest.flatMap((l) => wrap(t(l), "  - ", "    ")));
  }
  for (const s of SECTIONS) {
    const fs = v.findings.filter((f) => f.enforcement === s.level);
    if (fs.length === 0) continue;
    out.push("", `${s.title}:`, ...fs.flatMap((f) => findingLines(f, width)));
  }
  if (v.waived.length) out.push("", "Waived (exempted or overridden; not blocking):", ...v.waived.flatMap((f) => wrap(waivedLine(f, width).slice(2), "  ", "      ")));
  out.push(
    ...noteBlock("Exemptions", v.exemptionNotes, width),
    ...noteBlock("Overrides", v.overrideNotes, width),
    ...noteBlock("Policy composition", v.compositionNotes, width),
    ...noteBlock("Notes", v.notes, width),
    // What pricing had to assume or could not see (a missing region, an expired price-book rule, …).
    ...noteBlock("Warnings", cost ? pricingWarnings(cost.head, cost.base) : [], width),
  );
  out.push(
    "",
    ...wrap(v.status === "fail"
      ? "Result: blocked (exit 1). Fix the findings, or add an exemption to the policy; soft-mandatory findings can also be overridden by an approver."
      : v.status === "advisory"
        ? "Result: passed with advisory findings (exit 0)."
        : "Result: passed (exit 0).", "", "  "),
  );
  return out.join("\n") + "\n";
}
