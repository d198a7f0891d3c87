import type { UnitCost } from "../../pricing/unit-economics/unit-figures.js";
import type { PolicyResource } from "../policy-resource.js";
import type { CheckResult } from "./check-definition.js";

/**
 * Judge one unit figure (USD per unit, a range) against a cap, failing closed like `resource-cost`: over the cap
 * at the expected figure is a finding; an unknown figure, a lower bound (incomplete), an unbounded high end or a
 * high end over the cap is an `unknown` finding (the rule's `onUnknown` decides). Undefined: within the cap over
 * the whole range.
 */
export function judgeUnitCap(opts: {
  resource: PolicyResource;
  figure: UnitCost | null | undefined;
  complete: boolean;
  cap: number;
  /** e.g. `cost per 1M output tokens`. */
  what: string;
  format: (n: number) => string;
  /** Why the figure is missing, e.g. "set monthly_requests and output_tokens_per_request in the usage file". */
  missing: string;
  /** Label of the scenario the figure comes from, e.g. ` (scenario peak)`; empty for the default. */
  scenario?: string;
}): CheckResult | undefined {
  const { resource, figure, cap, what, format } = opts;
  const sc = opts.scenario ?? "";
  if (figure === null || figure === undefined) return { resource, unknown: true, message: `${what}${sc} is unknown (${opts.missing}); cap ${format(cap)}` };
  if (figure.expected > cap) return { resource, message: `${what}${sc} ${format(figure.expected)} exceeds the ${format(cap)} cap` };
  if (!opts.complete) return { resource, unknown: true, message: `${what}${sc} is at least ${format(figure.expected)}: part of the cost or an input is unknown, so it cannot be shown to be within the ${format(cap)} cap` };
  if (figure.high === null) return { resource, unknown: true, message: `${what}${sc} ${format(figure.expected)} expected is within the cap, but its high end is unbounded` };
  if (figure.high > cap) return { resource, unknown: true, message: `${what}${sc} ${format(figure.expected)} expected is within the cap, but could reach ${format(figure.high)}` };
  return undefined;
}
