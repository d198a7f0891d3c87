import type { CostDeltaCheck } from "../policy-document.js";
import { groupLabel, groupValueOf } from "../groups.js";
import { costIsIncomplete, usd, type PolicyResource } from "../policy-resource.js";
import type { CostBasis, PriceBasis } from "../policy-document.js";
import { basisNote, rangeOnBasis, sumRangesOnBasis } from "./price-basis.js";
import { sameCost } from "../../pricing/diff-estimates.js";
import { describeIncomplete } from "./budget.js";
import { notWeaker, same, upperBound } from "./strictness.js";
import type { CheckDefinition, CheckResult } from "./check-definition.js";

/**
 * The monthly increase from base to head per group stays under an absolute and/or percent cap.
 * "Exceeds" is strictly greater. Decreases never fail. With a $0 base the percent cap is skipped (a percentage
 * of nothing means nothing) and the other cap decides alone; a percent-only rule passes.
 */
export const costDelta: CheckDefinition<CostDeltaCheck> = {
  kind: "cost-delta",
  needsBase: true,
  validate(check) {
    const both = check.maxIncrease.absolute !== undefined && check.maxIncrease.percent !== undefined;
    return both && check.combine === undefined
      ? [{ path: ["maxIncrease"], message: "both `absolute` and `percent` are set, so `combine` is required: any (either cap fails) or all (both must be exceeded)" }]
      : [];
  },
  evaluate(check, ctx) {
    if (!ctx.base) return [];
    const basis = check.costBasis ?? "estimated";
    const price = check.basis ?? "effective";
    const groupBy = check.groupBy ?? "total";
    const groups = new Map<string, { head: PolicyResource[]; base: PolicyResource[] }>();
    const add = (side: "head" | "base", r: PolicyResource) => {
      const v = groupValueOf(r, groupBy);
      if (!groups.has(v)) groups.set(v, { head: [], base: [] });
      groups.get(v)![side].push(r);
    };
    ctx.head.forEach((r) => add("head", r));
    ctx.base.forEach((r) => add("base", r));

    const out: CheckResult[] = [];
    for (const [value, g] of groups) {
      const label = groupLabel(value, groupBy);
      // One pass per side: the expected figures judge the change, the high ends judge maximum capacity below.
      const headRange = sumRangesOnBasis(g.head, basis, price);
      const baseRange = sumRangesOnBasis(g.base, basis, price);
      const head = headRange.expected;
      const base = baseRange.expected;
      const delta = head - base;
      const pct = base > 0 ? (delta / base) * 100 : null;
      const exceeded = exceeds(check, delta, pct);
      const group = { label, ...(groupBy === "stack" ? { stack: value } : {}), resources: g.head };
      const change = `${label} changes by ${delta >= 0 ? "+" : ""}${usd(delta)}/month${basisNote([...g.head, ...g.base], price)}${pct === null ? " (from $0)" : ` (${pct >= 0 ? "+" : ""}${pct.toFixed(1)}%)`}, ${usd(base)} → ${usd(head)}`;
      if (exceeded) {
        out.push({ group, message: `${change}; cap ${caps(check)}`, monthlyCost: delta });
        continue;
      }
      const unclear = changedIncomplete(g.head, g.base);
      if (unclear.length > 0) {
        out.push({
          group,
          unknown: true,
          message: `${change} in priced resources, but the change cannot be shown to be within ${caps(check)}: ${describeIncomplete(unclear)}`,
        });
        continue;
      }
      // Elastic capacity: the cap must hold at the range's high end too (maximum capacity on both sides).
      const headHigh = headRange.high;
      const baseHigh = baseRange.high;
      if (headHigh === null) {
        const open = changedUnbounded(g.head, g.base, basis, price);
        if (open.length > 0)
          out.push({ group, unknown: true, message: `${change}, but changed capacity has no upper bound (${open.map((r) => r.key).slice(0, 3).join(", ")}); cap ${caps(check)}` });
      } else if (baseHigh !== null) {
        const deltaHigh = headHigh - baseHigh;
        const pctHigh = baseHigh > 0 ? (deltaHigh / baseHigh) * 100 : null;
        if (exceeds(check, deltaHigh, pctHigh))
          out.push({ group, unknown: true, message: `${change}; at maximum capacity it could change by +${usd(deltaHigh)}/month (${usd(baseHigh)} → ${usd(headHigh)}); cap ${caps(check)}` });
      }
    }
    return out;
  },
  loosenings(central, project) {
    const out = same("groupBy", central.groupBy ?? "total", project.groupBy ?? "total");
    const c = central.maxIncrease;
    const p = project.maxIncrease;
    out.push(...upperBound("maxIncrease.absolute", c.absolute, p.absolute), ...upperBound("maxIncrease.percent", c.percent, p.percent));
    // Combining two caps with `all` fires less often than either cap alone or than `any`.
    const pBoth = p.absolute !== undefined && p.percent !== undefined;
    const cBoth = c.absolute !== undefined && c.percent !== undefined;
    if (pBoth && project.combine === "all" && (!cBoth || central.combine !== "all"))
      out.push(cBoth ? "weakens combine from any to all" : "adds a second cap under combine: all, so both must be exceeded");
    out.push(...notWeaker("costBasis", ["estimated", "on-demand"], central.costBasis ?? "estimated", project.costBasis ?? "estimated"));
    out.push(...notWeaker("basis", ["effective", "list"], central.basis ?? "effective", project.basis ?? "effective"));
    return out;
  },
};

/** Whether an increase (USD/month, and percent of base or null from $0) exceeds the rule's caps. */
function exceeds(check: CostDeltaCheck, delta: number, pct: number | null): boolean {
  const { absolute, percent } = check.maxIncrease;
  const results: boolean[] = [];
  if (absolute !== undefined) results.push(delta > absolute);
  if (percent !== undefined && pct !== null) results.push(pct > percent);
  return delta > 0 && results.length > 0 && ((check.combine ?? "any") === "any" ? results.some(Boolean) : results.every(Boolean));
}

/** Head resources with an unbounded high end that are new or changed. */
function changedUnbounded(head: readonly PolicyResource[], base: readonly PolicyResource[], basis: CostBasis, price: PriceBasis): PolicyResource[] {
  const b = new Map(base.map((r) => [r.key, r]));
  return head.filter((r) => {
    if (rangeOnBasis(r.estimate, basis, price).high !== null) return false;
    const br = b.get(r.key);
    return !br || !sameCost(br.estimate, r.estimate);
  });
}

function caps(check: CostDeltaCheck): string {
  const parts: string[] = [];
  if (check.maxIncrease.absolute !== undefined) parts.push(`+${usd(check.maxIncrease.absolute)}`);
  if (check.maxIncrease.percent !== undefined) parts.push(`+${check.maxIncrease.percent}%`);
  return parts.length > 1 ? `${parts.join(check.combine === "all" ? " and " : " or ")} (combine: ${check.combine ?? "any"})` : parts[0]!;
}

/** Resources that changed between base and head and whose cost is not fully known on either side. */
function changedIncomplete(head: readonly PolicyResource[], base: readonly PolicyResource[]): PolicyResource[] {
  const b = new Map(base.map((r) => [r.key, r]));
  const h = new Map(head.map((r) => [r.key, r]));
  const out: PolicyResource[] = [];
  for (const key of new Set([...h.keys(), ...b.keys()])) {
    const hr = h.get(key);
    const br = b.get(key);
    const incomplete = (hr && costIsIncomplete(hr.estimate)) || (br && costIsIncomplete(br.estimate));
    if (!incomplete) continue;
    if (!(hr && br && sameCost(br.estimate, hr.estimate))) out.push((hr ?? br)!);
  }
  return out;
}
