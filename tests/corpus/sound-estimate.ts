import { expect } from "vitest";
import type { Estimate, ResourceEstimate } from "../../src/pricing/estimate.js";

const finiteNonNegative = (n: unknown) => typeof n === "number" && Number.isFinite(n) && n >= 0;

/**
 * What every estimate must be, whatever the input: costs finite and never negative, totals that add up, and
 * nothing silently $0 — a component without a cost says why (unpriced reason, or usage-based without usage),
 * and a resource that is not fully priced carries a note saying what is missing.
 */
export function assertSoundEstimate(e: Estimate): void {
  const all: ResourceEstimate[] = e.stacks.flatMap((s) => s.resources);
  for (const r of all) {
    const where = `${r.stack}/${r.address}`;
    expect(finiteNonNegative(r.monthlyCost), `${where} monthlyCost ${r.monthlyCost}`).toBe(true);
    expect(finiteNonNegative(r.monthlyCostOnDemand), `${where} monthlyCostOnDemand`).toBe(true);
    let sum = 0;
    for (const c of r.components) {
      const what = `${where}: ${c.name}`;
      if (c.monthlyCost === null) {
        expect(c.unpricedReason !== undefined || (c.monthlyQuantity === null && c.usageKey !== undefined), `${what} has no cost and no reason`).toBe(true);
      } else {
        expect(finiteNonNegative(c.monthlyCost), `${what} monthlyCost ${c.monthlyCost}`).toBe(true);
        expect(c.unitPrice !== null && c.price !== undefined, `${what} is costed without a price and its source`).toBe(true);
        sum += c.monthlyCost;
      }
    }
    expect(r.monthlyCost).toBeCloseTo(sum, 6);
    if (r.status === "unpriced" || r.status === "partial" || r.status === "unsupported" || r.status === "usage-based")
      expect(r.notes.length, `${where} is ${r.status} without a note`).toBeGreaterThan(0);
    // "priced" may leave usage-based components at no usage, but has nothing unpriced.
    if (r.status === "priced") expect(r.components.every((c) => c.unpricedReason === undefined), `${where} is priced with unpriced parts`).toBe(true);
  }
  expect(finiteNonNegative(e.totals.monthlyCost)).toBe(true);
  expect(e.totals.monthlyCost).toBeCloseTo(
    all.reduce((a, r) => a + r.monthlyCost, 0),
    6,
  );
  expect(e.totals.resources).toBe(all.length);
  const counted = e.totals.priced + e.totals.partial + e.totals.unpriced + e.totals.usageBased + e.totals.free + e.totals.unsupported;
  expect(counted).toBe(all.length);
}
