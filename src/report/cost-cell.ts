import type { CostRange } from "../pricing/estimate.js";
import { usd, usdDelta } from "../money.js";

/**
 * A monthly cost as a report shows it: the expected amount and, for elastic capacity, its range; a cost that
 * is not fully known is a lower bound. Amounts are full-precision USD.
 */
export interface CostCell {
  expected: number;
  /** Lowest plausible monthly cost; omitted when it equals `expected`. */
  low?: number;
  /** Highest plausible monthly cost; `null` = unbounded. */
  high?: number | null;
  /** Part of the cost is unknown: `expected` is what is priced, the real cost is at least that. */
  lowerBound?: boolean;
}

/** A cost cell from a plain amount. */
export const cost = (expected: number): CostCell => ({ expected });

/** A cost cell from an estimate's range (`complete` false: a lower bound). */
export function rangeCell(r: CostRange, complete: boolean): CostCell {
  return complete ? { expected: r.expected, low: r.low, high: r.high } : { expected: r.expected, lowerBound: true };
}

/**
 * Format a cost cell: `$1,234.00`; a range `$1,200.00 – $4,800.00`; an unbounded one `$1,200.00 – unbounded`;
 * a lower bound `≥ $3,210.00`. `signed` formats deltas (`+$12.00`).
 */
export function formatCost(c: CostCell, opts: { signed?: boolean } = {}): string {
  const f = opts.signed ? usdDelta : usd;
  if (c.lowerBound) return `≥ ${f(c.expected)}`;
  const low = c.low ?? c.expected;
  if (c.high === null) return `${f(low)} – unbounded`;
  const high = c.high ?? c.expected;
  return low === high ? f(c.expected) : `${f(low)} – ${f(high)}`;
}

/** ` (range $low – $high at minimum and maximum capacity)` for elastic totals; empty when exact. */
export function rangeNote(r: CostRange): string {
  if (r.low === r.expected && r.high === r.expected) return "";
  return ` (range ${formatCost({ expected: r.expected, low: r.low, high: r.high })} at minimum and maximum capacity)`;
}
