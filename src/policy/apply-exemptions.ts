import { CostgateError } from "../errors.js";
import { exemptionLabel, type EffectiveExemption } from "./compose-policies.js";
import type { PendingFinding } from "./pending-finding.js";
import { globMatch } from "./glob.js";
import { usd } from "./policy-resource.js";

const DAY_MS = 86_400_000;

/** Whole days from `today` to `date` (both YYYY-MM-DD, UTC). */
export function daysBetween(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

/**
 * Apply policy exemptions. An exemption covers findings of its rule whose resource address (or group label)
 * matches its pattern, through its expiry date (inclusive, UTC), and — when it has `maxMonthlyCost` — only while
 * the resource or group costs at most that. Expired, non-exemptible, over-bound and unused exemptions are
 * reported and the findings stand.
 */
export function applyExemptions(
  pending: readonly PendingFinding[],
  exemptions: readonly EffectiveExemption[],
  today: string,
  warnDays: number,
): { remaining: PendingFinding[]; waived: PendingFinding[]; notes: string[] } {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) throw new CostgateError(`\`${today}\` is not a date; expected YYYY-MM-DD`, "today");
  const notes: string[] = [];
  const used = new Set<EffectiveExemption>();
  const rejected = new Set<EffectiveExemption>();
  for (const x of exemptions) {
    const label = `${exemptionLabel(x.exemption)} (${x.source})`;
    if (x.exemption.expires < today) {
      notes.push(`${label} expired on ${x.exemption.expires}; it no longer applies`);
      rejected.add(x);
    }
  }
  const remaining: PendingFinding[] = [];
  const waived: PendingFinding[] = [];
  for (const p of pending) {
    let applied: EffectiveExemption | undefined;
    for (const x of exemptions) {
      const ex = x.exemption;
      if (rejected.has(x) || ex.rule !== p.finding.ruleId || !p.targets.some((t) => globMatch(ex.address, t))) continue;
      const label = `${exemptionLabel(ex)} (${x.source})`;
      if (p.rule.rule.exemptible === false) {
        notes.push(`${label} cannot apply: rule ${ex.rule} is not exemptible`);
        rejected.add(x);
        continue;
      }
      if (ex.maxMonthlyCost !== undefined && (p.subjectMonthlyCost === undefined || p.subjectMonthlyCost > ex.maxMonthlyCost)) {
        const cost = p.subjectMonthlyCost === undefined ? "an unknown amount" : `${usd(p.subjectMonthlyCost)}/month`;
        notes.push(`${label} does not cover ${p.targets[0]}: it costs ${cost}, over the exemption's ${usd(ex.maxMonthlyCost)}/month bound`);
        used.add(x);
        continue;
      }
      applied = x;
      break;
    }
    if (!applied) {
      remaining.push(p);
      continue;
    }
    used.add(applied);
    const ex = applied.exemption;
    const daysLeft = daysBetween(today, ex.expires);
    waived.push({
      ...p,
      finding: {
        ...p.finding,
        exemption: {
          reason: ex.reason,
          owner: ex.owner,
          expires: ex.expires,
          pattern: ex.address,
          ...(ex.id ? { id: ex.id } : {}),
          ...(ex.ticket ? { ticket: ex.ticket } : {}),
          daysLeft,
          source: applied.source,
        },
      },
    });
  }
  for (const x of exemptions) {
    if (rejected.has(x)) continue;
    const label = `${exemptionLabel(x.exemption)} (${x.source})`;
    if (!used.has(x)) notes.push(`${label} is unused: no finding of rule ${x.exemption.rule} matches \`${x.exemption.address}\`; remove it if it is no longer needed`);
    else {
      const days = daysBetween(today, x.exemption.expires);
      if (days <= warnDays) notes.push(`${label} expires ${days === 0 ? "today" : `in ${days} day${days === 1 ? "" : "s"}`} (${x.exemption.expires})`);
    }
  }
  return { remaining, waived, notes };
}
