import type { Override, Finding, Verdict } from "../policy/verdict.js";
import type { Estimate } from "../pricing/estimate.js";

/** Rule id of the finding a usage discount from the pull request produces. */
export const USAGE_DISCOUNT_RULE_ID = "CG-USAGE-PR";

/** One compute component whose quantity a usage value from the pull request lowers below the trusted figure. */
export interface UsageDiscount {
  stack: string;
  address: string;
  constructPath?: string;
  component: string;
  /** e.g. `hours`, `vCPU-hours`. */
  unit: string;
  /** Monthly quantity the plan (with the trusted usage, if any) says. */
  trustedQuantity: number;
  /** Monthly quantity with the pull request's usage. */
  usageQuantity: number;
  /** USD per month the lower quantity takes off, when both sides are priced. */
  monthlyCost?: number;
}

/** Units of compute time (instance-hours, vCPU-hours, GPU-hours): what a usage file may not silently shrink. */
const COMPUTE_UNIT = /(^|-)(hours?|hrs)$/i;

/**
 * Compare the head priced with the trusted usage (the base commit's usage file, or none: what the plan itself
 * says) against the head priced with the usage the run uses (from the pull request). Every compute component
 * whose monthly quantity is lower with the pull request's usage is a discount. Both estimates must be of the
 * same plan. Components whose trusted quantity is unknown (null) are not compared.
 */
export function findUsageDiscounts(trusted: Estimate, actual: Estimate): UsageDiscount[] {
  const key = (stack: string, address: string, component: string) => JSON.stringify([stack, address, component]);
  const before = new Map<string, { quantity: number | null; cost: number | null }>();
  for (const s of trusted.stacks)
    for (const r of s.resources)
      for (const c of r.components) if (COMPUTE_UNIT.test(c.unit)) before.set(key(s.name, r.address, c.name), { quantity: c.monthlyQuantity, cost: c.monthlyCost });
  const out: UsageDiscount[] = [];
  for (const s of actual.stacks)
    for (const r of s.resources)
      for (const c of r.components) {
        const b = before.get(key(s.name, r.address, c.name));
        if (!b || b.quantity === null || c.monthlyQuantity === null) continue;
        if (!(c.monthlyQuantity < b.quantity * (1 - 1e-9))) continue;
        out.push({
          stack: s.name,
          address: r.address,
          ...(r.constructPath ? { constructPath: r.constructPath } : {}),
          component: c.name,
          unit: c.unit,
          trustedQuantity: b.quantity,
          usageQuantity: c.monthlyQuantity,
          ...(b.cost !== null && c.monthlyCost !== null ? { monthlyCost: b.cost - c.monthlyCost } : {}),
        });
      }
  return out;
}

/**
 * One soft-mandatory finding per resource with a usage discount: it blocks unless the central policy's override
 * label (or another override for `CG-USAGE-PR` or `*`) approves it — a discount is never silent.
 */
export function usageDiscountFindings(discounts: readonly UsageDiscount[], usageFile: string): Finding[] {
  const byResource = new Map<string, UsageDiscount[]>();
  for (const d of discounts) {
    const k = `${d.stack}\u0000${d.address}`;
    byResource.set(k, [...(byResource.get(k) ?? []), d]);
  }
  return [...byResource.values()].map((ds) => {
    const d = ds[0]!;
    const cost = ds.every((x) => x.monthlyCost !== undefined) ? ds.reduce((a, x) => a + x.monthlyCost!, 0) : undefined;
    const parts = ds.map((x) => `${x.component}: ${fmt(x.usageQuantity)} instead of ${fmt(x.trustedQuantity)} ${x.unit}/month`);
    return {
      ruleId: USAGE_DISCOUNT_RULE_ID,
      description: "Usage from the pull request lowers compute below what the plan says",
      severity: "high",
      enforcement: "soft-mandatory",
      policyFile: usageFile,
      stack: d.stack,
      address: d.address,
      ...(d.constructPath ? { constructPath: d.constructPath } : {}),
      message: `the usage file from the pull request (${usageFile}) lowers ${parts.join("; ")}${cost !== undefined ? `, ${usdText(cost)}/month less` : ""}; approve it with an override or put the usage on the base branch`,
      ...(cost !== undefined ? { monthlyCost: cost } : {}),
      kind: "usage-discount",
    } satisfies Finding;
  });
}

/**
 * The verdict with gate findings added (findings the gate itself raises, not a policy rule): soft-mandatory ones
 * are waived by an override for their rule id or `*` (within its `maxMonthlyCost`), and the status is recomputed.
 */
export function addGateFindings(verdict: Verdict, findings: readonly Finding[], overrides: readonly Override[]): Verdict {
  if (findings.length === 0) return verdict;
  const remaining = [...verdict.findings];
  const waived = [...verdict.waived];
  for (const f of findings) {
    const o = overrides.find(
      (x) =>
        (x.ruleId === "*" || x.ruleId === f.ruleId) &&
        f.enforcement === "soft-mandatory" &&
        !(x.maxMonthlyCost !== undefined && f.monthlyCost !== undefined && f.monthlyCost > x.maxMonthlyCost),
    );
    if (o) waived.push({ ...f, override: o });
    else remaining.push(f);
  }
  const mandatory = remaining.some((f) => f.enforcement !== "advisory");
  return { ...verdict, findings: remaining, waived, status: mandatory ? "fail" : remaining.length > 0 ? "advisory" : "pass" };
}

function fmt(n: number): string {
  return Number(n.toPrecision(6)).toLocaleString("en-US");
}

function usdText(n: number): string {
  return `$${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
