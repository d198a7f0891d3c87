import type { ResourceCostCheck } from "../policy-document.js";
import { ceilingOf, costIsIncomplete, hourlyRateOf, incompleteReason, monthlyCostOf, usd } from "../policy-resource.js";
import { notWeaker, upperBound } from "./strictness.js";
import type { CheckDefinition, CheckResult } from "./check-definition.js";

/**
 * Per-resource caps: hourly rate (monthly cost ÷ 730, for all the resource's instances together) and monthly
 * cost, across the cost's range. A resource not fully priced, or whose maximum capacity could exceed a cap (or
 * has no bound), that is not already over a cap at its expected cost, is an `unknown` finding.
 */
export const resourceCost: CheckDefinition<ResourceCostCheck> = {
  kind: "resource-cost",
  evaluate(check, ctx) {
    const basis = check.costBasis ?? "estimated";
    const out: CheckResult[] = [];
    for (const r of ctx.head) {
      const monthly = monthlyCostOf(r.estimate, basis);
      const hourly = hourlyRateOf(r.estimate, basis);
      const ceiling = ceilingOf(r.estimate, basis);
      const over: string[] = [];
      if (check.maxHourly !== undefined && hourly > check.maxHourly) over.push(`${usd(hourly)}/hour exceeds the ${usd(check.maxHourly)}/hour cap`);
      if (check.maxMonthly !== undefined && monthly > check.maxMonthly) over.push(`${usd(monthly)}/month exceeds the ${usd(check.maxMonthly)}/month cap`);
      if (over.length) {
        const excess = check.maxMonthly !== undefined && monthly > check.maxMonthly ? monthly - check.maxMonthly : monthly - (check.maxHourly ?? 0) * 730;
        out.push({ resource: r, message: over.join("; "), monthlyCost: excess });
      } else if (costIsIncomplete(r.estimate) && r.estimate.status !== "free") {
        out.push({
          resource: r,
          unknown: true,
          message: `cost is not fully known (${incompleteReason(r.estimate)}); priced part ${usd(monthly)}/month cannot be shown to be within the cap`,
        });
      } else {
        // Elastic capacity: the cap must hold at the range's high end too.
        const capMonthly = Math.min(check.maxMonthly ?? Infinity, check.maxHourly === undefined ? Infinity : check.maxHourly * 730);
        if (ceiling === undefined && Number.isFinite(capMonthly))
          out.push({ resource: r, unknown: true, message: `${usd(monthly)}/month expected is within the cap, but its capacity has no upper bound` });
        else if (ceiling !== undefined && ceiling > capMonthly)
          out.push({ resource: r, unknown: true, message: `${usd(monthly)}/month expected is within the cap, but it could reach ${usd(ceiling)}/month at maximum capacity` });
      }
    }
    return out;
  },
  loosenings(central, project) {
    return [
      ...upperBound("maxHourly", central.maxHourly, project.maxHourly),
      ...upperBound("maxMonthly", central.maxMonthly, project.maxMonthly),
      ...notWeaker("costBasis", ["estimated", "on-demand"], central.costBasis ?? "estimated", project.costBasis ?? "estimated"),
    ];
  },
};
