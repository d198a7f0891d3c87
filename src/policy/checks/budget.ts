import type { BudgetCheck } from "../policy-document.js";
import { groupResources, limitFor } from "../groups.js";
import { costIsIncomplete, incompleteReason, mayBeCompute, usd, type PolicyResource } from "../policy-resource.js";
import type { CostBasis, PriceBasis } from "../policy-document.js";
import { basisNote, rangeOnBasis, sumRangesOnBasis } from "./price-basis.js";
import { notWeaker, same, upperBound } from "./strictness.js";
import type { CheckDefinition, CheckResult } from "./check-definition.js";

/**
 * Monthly cost per group stays at or under a limit across its whole range. Over at the expected cost: a finding.
 * Not fully priced, or a high end (maximum elastic capacity) that is unbounded or over the limit: an `unknown`
 * finding (the rule's `onUnknown` decides; it fails by default).
 */
export const budget: CheckDefinition<BudgetCheck> = {
  kind: "budget",
  evaluate(check, ctx) {
    const basis = check.costBasis ?? "estimated";
    const price = check.basis ?? "effective";
    const baseGroups = ctx.base ? new Map(groupResources(ctx.base, check.groupBy).map((g) => [g.value, g])) : undefined;
    const out: CheckResult[] = [];
    for (const g of groupResources(ctx.head, check.groupBy)) {
      const limit = limitFor(g.value, check.limit, check.limits);
      const range = sumRangesOnBasis(g.resources, basis, price);
      const at = basisNote(g.resources, price);
      const cost = range.expected;
      const incomplete = g.resources.filter((r) => costIsIncomplete(r.estimate));
      const group = { label: g.label, ...(g.stack ? { stack: g.stack } : {}), resources: g.resources };
      if (cost > limit) {
        const baseGroup = baseGroups?.get(g.value);
        const baseCost = baseGroup ? sumRangesOnBasis(baseGroup.resources, basis, price).expected : 0;
        // Already over in the base and not increased: not this change's doing (unless `always`).
        if ((check.whenAlreadyOver ?? "increase-only") === "increase-only" && baseGroups && baseCost > limit && cost <= baseCost) continue;
        out.push({
          group,
          message: `${g.label} costs ${usd(cost)}/month${at}, over its ${usd(limit)} budget by ${usd(cost - limit)}${
            incomplete.length ? ` (and ${incomplete.length} resource${incomplete.length === 1 ? " is" : "s are"} not fully priced)` : ""
          }`,
          monthlyCost: cost - limit,
        });
      } else if (incomplete.length > 0) {
        // Unknown compute fails closed; unpriced storage and networking only warn, with the priced lower bound.
        const onlyNonCompute = !check.strict && !incomplete.some((r) => mayBeCompute(r.estimate));
        out.push({
          group,
          unknown: true,
          ...(onlyNonCompute ? { advisory: true } : {}),
          message: `${g.label} cannot be shown to be within its ${usd(limit)} budget: priced part ${usd(cost)}/month (a lower bound), but ${describeIncomplete(incomplete)}${
            onlyNonCompute ? "; none of them runs compute, so this only warns (strict: true makes it fail)" : ""
          }`,
        });
      } else if (range.high === null || range.high > limit) {
        // Elastic capacity: the expected cost fits, but the range's high end does not (or has no bound).
        out.push({
          group,
          unknown: true,
          message: `${g.label} costs ${usd(cost)}/month expected${at}, within its ${usd(limit)} budget, but ${
            range.high === null ? `its capacity has no upper bound (${unbounded(g.resources, basis, price)})` : `could reach ${usd(range.high)}/month at maximum capacity`
          }`,
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
    out.push(...notWeaker("basis", ["effective", "list"], central.basis ?? "effective", project.basis ?? "effective"));
    if (central.strict === true && project.strict !== true) out.push("drops strict");
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

/** The resources whose high end is unbounded, named (at most three). */
export function unbounded(rs: readonly PolicyResource[], basis: CostBasis, price: PriceBasis = "effective"): string {
  const open = rs.filter((r) => rangeOnBasis(r.estimate, basis, price).high === null).map((r) => r.key);
  return open.slice(0, 3).join(", ") + (open.length > 3 ? `, and ${open.length - 3} more` : "");
}
