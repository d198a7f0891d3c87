import type { Estimate } from "../pricing/estimate.js";
import type { Enforcement, Finding, Verdict } from "../policy/verdict.js";
import { usd, usdDelta } from "../money.js";
import { terminalSafe as t } from "./text-table.js";

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

function findingLines(f: Finding): string[] {
  const detail = [t(f.description), ...(f.monthlyCost !== undefined ? [`${usd(f.monthlyCost)}/month`] : []), t(f.policyFile)];
  return [`  ${t(f.ruleId)} [${f.severity}] ${t(findingTarget(f))}: ${t(f.message)}`, `      ${detail.join(" · ")}`];
}

function waivedLine(f: Finding): string {
  const head = `  ${t(f.ruleId)} ${t(findingTarget(f))}: `;
  if (f.exemption) {
    const x = f.exemption;
    const days = x.daysLeft === undefined ? "" : x.daysLeft === 0 ? ", expires today" : `, ${x.daysLeft} day${x.daysLeft === 1 ? "" : "s"} left`;
    return `${head}exempted${x.id ? ` by ${t(x.id)}` : ""} (owner ${t(x.owner)}, until ${x.expires}${days}${x.ticket ? `, ${t(x.ticket)}` : ""}): ${t(x.reason)}`;
  }
  const o = f.override!;
  return `${head}overridden by ${t(o.approvedBy)}${o.via ? ` via ${t(o.via)}` : ""}${o.maxMonthlyCost !== undefined ? ` (up to ${usd(o.maxMonthlyCost)}/month)` : ""}: ${t(o.reason)}`;
}

function noteBlock(title: string, notes: readonly string[] | undefined): string[] {
  if (!notes || notes.length === 0) return [];
  return ["", `${title}:`, ...notes.map((n) => `  - ${t(n)}`)];
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

/** Terminal rendering of a verdict, with the head cost (and the change from base) for context. */
export function renderVerdictText(v: Verdict, cost?: { head: Estimate; base?: Estimate }): string {
  const out: string[] = [`costgate check: ${verdictSummary(v)}`, `Policies: ${v.policyFiles.map(t).join(", ") || "(none)"}`];
  if (cost) {
    const head = cost.head.totals.monthlyCost;
    if (cost.base) {
      const base = cost.base.totals.monthlyCost;
      const pct = base === 0 ? "" : `, ${head - base >= 0 ? "+" : ""}${(((head - base) / base) * 100).toFixed(1)}%`;
      out.push(`Monthly cost: ${usd(base)} → ${usd(head)} (${usdDelta(head - base)}${pct})`);
    } else out.push(`Monthly cost: ${usd(head)}`);
    const incomplete = cost.head.totals.unpriced + cost.head.totals.partial + cost.head.totals.unsupported;
    if (incomplete > 0) out.push(`  (${incomplete} resource${incomplete === 1 ? " is" : "s are"} not fully priced and not counted in full; see \`costgate estimate\`)`);
  }
  for (const s of SECTIONS) {
    const fs = v.findings.filter((f) => f.enforcement === s.level);
    if (fs.length === 0) continue;
    out.push("", `${s.title}:`, ...fs.flatMap(findingLines));
  }
  if (v.waived.length) out.push("", "Waived (exempted or overridden; not blocking):", ...v.waived.map(waivedLine));
  out.push(...noteBlock("Exemptions", v.exemptionNotes), ...noteBlock("Overrides", v.overrideNotes), ...noteBlock("Policy composition", v.compositionNotes), ...noteBlock("Notes", v.notes));
  out.push(
    "",
    v.status === "fail"
      ? "Result: blocked (exit 1). Fix the findings, or add an exemption to the policy; soft-mandatory findings can also be overridden by an approver."
      : v.status === "advisory"
        ? "Result: passed with advisory findings (exit 0)."
        : "Result: passed (exit 0).",
  );
  return out.join("\n") + "\n";
}
