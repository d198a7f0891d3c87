import { usd, usdDelta } from "../money.js";

/**
 * A monthly cost as a report shows it. Today only `expected` is set; when the pricing model gives ranges,
 * `low`/`high` are filled in and every renderer that formats costs through `formatCost` shows them
 * (`$1,200 – $4,800`, or `≥ $3,210` when the high end is unbounded). Amounts are full-precision USD.
 */
export interface CostCell {
  expected: number;
  /** Lowest plausible monthly cost; omitted when it equals `expected`. */
  low?: number;
  /** Highest plausible monthly cost; `null` = unbounded (the cost is a lower bound). */
  high?: number | null;
}

/** A cost cell from a plain amount. */
export const cost = (expected: number): CostCell => ({ expected });

/**
 * Format a cost cell: `$1,234.00`; a range `$1,200.00 – $4,800.00`; an unbounded one `≥ $3,210.00`.
 * `signed` formats deltas (`+$12.00`).
 */
export function formatCost(c: CostCell, opts: { signed?: boolean } = {}): string {
  const f = opts.signed ? usdDelta : usd;
  if (c.high === null) return `≥ ${f(c.low ?? c.expected)}`;
  const low = c.low ?? c.expected;
  const high = c.high ?? c.expected;
  return low === high ? f(c.expected) : `${f(low)} – ${f(high)}`;
}
