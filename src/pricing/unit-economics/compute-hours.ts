import type { ComponentEstimate, CostRange, ResourceEstimate } from "../estimate.js";

/**
 * The instance-hours of a resource (components in `hours`: EC2 instances, SageMaker hosting/training): their
 * monthly cost range in USD and instance-hours range, and whether every one is priced with a known quantity.
 */
export interface ComputeHours {
  components: ComponentEstimate[];
  /** USD per month (high null: unbounded or a component unpriced). */
  cost: CostRange;
  /** Instance-hours per month (high null: unbounded or unknown). */
  hours: CostRange;
  complete: boolean;
}

export function computeHoursOf(r: ResourceEstimate): ComputeHours {
  const components = r.components.filter((c) => c.unit === "hours");
  const cost: CostRange = { low: 0, expected: 0, high: 0 };
  const hours: CostRange = { low: 0, expected: 0, high: 0 };
  let complete = components.length > 0;
  for (const c of components) {
    const q = c.monthlyQuantity;
    if (q === null) {
      complete = false;
      hours.high = null;
    } else {
      hours.low += c.quantityRange?.low ?? q;
      hours.expected += q;
      hours.high = hours.high === null ? null : c.quantityRange ? (c.quantityRange.high === null ? null : hours.high + c.quantityRange.high) : hours.high + q;
    }
    if (c.monthlyCost === null) {
      complete = false;
      cost.high = null;
      continue;
    }
    cost.low += c.costRange?.low ?? c.monthlyCost;
    cost.expected += c.monthlyCost;
    cost.high = cost.high === null ? null : c.costRange ? (c.costRange.high === null ? null : cost.high + c.costRange.high) : cost.high + c.monthlyCost;
  }
  if (!complete) cost.high = null;
  return { components, cost, hours, complete };
}

/** Divide a cost range by a positive volume (USD per unit); the high end stays null when unbounded. */
export function perUnit(cost: CostRange, units: number): CostRange {
  return { low: cost.low / units, expected: cost.expected / units, high: cost.high === null ? null : cost.high / units };
}

/** Multiply a range by a non-negative factor. */
export function scaleRange(r: CostRange, k: number): CostRange {
  return { low: r.low * k, expected: r.expected * k, high: r.high === null ? null : r.high * k };
}
