import type { BudgetCheck } from "../policy-document.js";
import { groupResources, limitFor } from "../groups.js";
import { costIsIncomplete, incompleteReason, monthlyCostOf, usd, type PolicyResource } from "../policy-resource.js";
import { notWeaker, same, upperBound } from "./strictness.js";
import type { CheckDefinition, CheckResult } from "./check-definition.js";

/**
 * Monthly cost per group stays at or under a limit. A group with unpriced parts cannot be shown to be under
 * its limit, so it is reported (an `unknown` finding) unless the priced part alone is already over.
 */
export const budget: CheckDefinition<BudgetCheck> = {
  kind: "budget",
  evaluate(check, ctx) {
    const basis = check.costBasis ?? "estimated";
    const sum = (rs: readonly PolicyResource[]) => rs.reduce((s, r) => s + monthlyCostOf(r.estimate, basis), 0);
    const baseGroups = ctx.base ? new Map(groupResources(ctx.base, check.groupBy).map((g) => [g.value, g])) : undefined;
    const out: CheckResult[] = [];
    for (const g of groupResources(ctx.head, check.groupBy)) {
      const limit = limitFor(g.value, check.limit, check.limits);
      const cost = sum(g.resources);
      const incomplete = g.resources.filter((r) => costIsIncomplete(r.estimate));
      const group = { label: g.label, ...(g.stack ? { stack: g.stack } : {}), resources: g.resources };
      if (cost > limit) {
        const baseGroup = baseGroups?.get(g.value);
        const baseCost = baseGroup ? sum(baseGroup.resources) : 0;
        // Already over in the base and not increased: not this change's doing (unless `always`).
        if ((check.whenAlreadyOver ?? "increase-only") === "increase-only" && baseGroups && baseCost > limit && cost <= baseCost) continue;
        out.push({
          group,
          message: `${g.label} costs ${usd(cost)}/month, over its ${usd(limit)} budget by ${usd(cost - limit)}${
            incomplete.length ? ` (and ${incomplete.length} resource${incomplete.length === 1 ? " is" : "s are"} not fully priced)` : ""
          }`,
          monthlyCost: cost - limit,
          subjectMonthlyCost: cost,
        });
      } else if (incomplete.length > 0) {
        out.push({
          group,
          unknown: true,
          message: `${g.label} cannot be shown to be within its ${usd(limit)} budget: priced part ${usd(cost)}/month, but ${describeIncomplete(incomplete)}`,
          subjectMonthlyCost: cost,
        });
      }
    }
    return out;
  },
  loosenings(central, project) {
    const out = [...same("groupBy", central.groupBy ?? "total", project.groupBy ?? "total"), ...upperBound("limit", central.limit, project.limit)];
    const groups = new Set([...Object.keys(central.limits ?? {}), ...Object.keys(project.limits ?? {})]);
    for (const g of groups) {
      const c = limitFor(g, central.limit, central.limits);
      const p = limitFor(g, project.limit, project.limits);
      if (p > c) out.push(`raises the limit of ${g} from ${c} to ${p}`);
    }
    out.push(...notWeaker("costBasis", ["estimated", "on-demand"], central.costBasis ?? "estimated", project.costBasis ?? "estimated"));
    out.push(
      ...notWeaker("whenAlreadyOver", ["increase-only", "always"], central.whenAlreadyOver ?? "increase-only", project.whenAlreadyOver ?? "increase-only"),
    );
    return out;
  },
};

/** "2 resources are not fully priced (a: unpriced: ..., b: ...)" — at most three named. */
export function describeIncomplete(rs: readonly PolicyResource[]): string {
  const named = rs.slice(0, 3).map((r) => `${r.key} ${incompleteReason(r.estimate)}`);
  const more = rs.length > 3 ? `, and ${rs.length - 3} more` : "";
  return `${rs.length} resource${rs.length === 1 ? " is" : "s are"} not fully priced (${named.join("; ")}${more})`;
}
