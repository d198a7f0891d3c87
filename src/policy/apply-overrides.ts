import type { EffectiveRule } from "./compose-policies.js";
import type { PendingFinding } from "./pending-finding.js";
import { usd } from "./policy-resource.js";
import type { Override } from "./verdict.js";

export const MIN_OVERRIDE_REASON = 10;

function label(o: Override): string {
  return `override of ${o.ruleId} by ${o.approvedBy || "(nobody)"}${o.via ? ` via ${o.via}` : ""}`;
}

/**
 * Apply approvals to soft-mandatory findings. Hard-mandatory findings can never be overridden; advisory
 * findings need no override. An override with a ceiling covers a finding only while its amount is within it.
 */
export function applyOverrides(
  pending: readonly PendingFinding[],
  overrides: readonly Override[],
  rules: readonly EffectiveRule[],
): { remaining: PendingFinding[]; waived: PendingFinding[]; notes: string[] } {
  const notes: string[] = [];
  const ruleIds = new Set(rules.map((r) => r.rule.id));
  const valid = overrides.filter((o) => {
    if (!o.approvedBy?.trim() || (o.reason ?? "").trim().length < MIN_OVERRIDE_REASON) {
      notes.push(`${label(o)} ignored: an override needs an approver and a reason of at least ${MIN_OVERRIDE_REASON} characters`);
      return false;
    }
    if (o.ruleId !== "*" && !ruleIds.has(o.ruleId)) {
      notes.push(`${label(o)} ignored: no loaded policy defines rule ${o.ruleId}`);
      return false;
    }
    return true;
  });
  const used = new Set<Override>();
  const hardHits = new Map<Override, number>();
  const remaining: PendingFinding[] = [];
  const waived: PendingFinding[] = [];
  for (const p of pending) {
    const f = p.finding;
    let applied: Override | undefined;
    for (const o of valid) {
      if (o.ruleId !== "*" && o.ruleId !== f.ruleId) continue;
      if (f.enforcement === "hard-mandatory") {
        if (o.ruleId !== "*") hardHits.set(o, (hardHits.get(o) ?? 0) + 1);
        continue;
      }
      if (f.enforcement !== "soft-mandatory") continue;
      if (o.maxMonthlyCost !== undefined && f.monthlyCost !== undefined && f.monthlyCost > o.maxMonthlyCost) {
        notes.push(`${label(o)} does not cover ${f.address ?? f.group ?? f.stack ?? "the finding"}: ${usd(f.monthlyCost)}/month is over the approved ceiling of ${usd(o.maxMonthlyCost)}/month; a new approval is needed`);
        used.add(o);
        continue;
      }
      applied = o;
      break;
    }
    if (applied) {
      used.add(applied);
      waived.push({ ...p, finding: { ...f, override: applied } });
    } else remaining.push(p);
  }
  for (const [o, n] of hardHits)
    notes.push(`${label(o)} ignored for ${n} hard-mandatory finding${n === 1 ? "" : "s"}: hard-mandatory rules cannot be overridden (use an exemption in the policy)`);
  for (const o of valid) if (!used.has(o) && !hardHits.has(o)) notes.push(`${label(o)} is unused: no soft-mandatory finding of ${o.ruleId === "*" ? "any rule" : `rule ${o.ruleId}`}`);
  return { remaining, waived, notes };
}
