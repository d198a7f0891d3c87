import type { CommitmentCoverage, CommitmentSummary, ComponentEstimate, ResourceEstimate } from "../estimate.js";
import { HOURS_PER_MONTH } from "../estimate.js";
import { priceKeyFromId } from "../price-key.js";
import type { PriceBookCommitment } from "./price-book.js";
import { matchesFilter } from "./rule-match.js";
import { atLeastListHigh } from "./apply-rates.js";

/** The three ends a quantity or cost is judged at. */
const ENDS = ["low", "expected", "high"] as const;
type End = (typeof ENDS)[number];
/** A value per end; null: unbounded. */
type PerEnd = Record<End, number | null>;

/** A component a commitment may cover, with what is still uncovered at each end. */
interface Eligible {
  resource: number;
  component: number;
  c: ComponentEstimate;
  key: string;
  uncovered: PerEnd;
  coverage: CommitmentCoverage[];
}

/**
 * Allocate commitments to on-demand instance-hours (components in `hours` whose price names an instance type,
 * purchase option on-demand, priced, with a known quantity) and re-price what they cover. Order, so the result is the same on every run:
 * reservations before Savings Plans (as AWS applies them), each kind in file order; within one commitment,
 * resources by stack then address (code-unit order), components in their order. Each end of a range (low,
 * expected, high) is allocated on its own; an unbounded high end takes what is left and stays unbounded.
 * Unknown quantities are never covered (they stay unknown). Returns new components for the resources (by
 * index) and one summary per commitment, whose unused part is real spend no resource carries.
 */
export function allocateCommitments(
  resources: readonly ResourceEstimate[],
  commitments: readonly PriceBookCommitment[],
): { components: Map<number, ComponentEstimate[]>; summaries: CommitmentSummary[] } {
  const order = resources.map((r, i) => ({ r, i })).sort((a, b) => cmp(a.r.stack, b.r.stack) || cmp(a.r.address, b.r.address));
  const eligible: Eligible[] = [];
  for (const { r, i } of order) {
    r.components.forEach((c, j) => {
      if (c.purchaseOption !== "on-demand" || c.unit !== "hours" || c.unitPrice === null || c.monthlyQuantity === null || !c.priceKey) return;
      const q = c.monthlyQuantity;
      // Capacity whose high end runs another instance type: no commitment on this type is used at that end.
      const highRunsOther = c.highEndInstanceType !== undefined && c.highEndInstanceType !== priceKeyFromId(c.priceKey)?.instanceType;
      eligible.push({
        resource: i,
        component: j,
        c,
        key: `${r.stack}/${r.address}`,
        uncovered: { low: c.quantityRange?.low ?? q, expected: q, high: highRunsOther ? 0 : c.quantityRange ? c.quantityRange.high : q },
        coverage: [],
      });
    });
  }
  const sorted = [...commitments.filter((c) => c.kind === "reservation"), ...commitments.filter((c) => c.kind === "savings-plan")];
  const summaries: CommitmentSummary[] = [];
  for (const k of sorted) summaries.push(allocateOne(k, eligible));
  const components = new Map<number, ComponentEstimate[]>();
  for (const e of eligible) {
    if (e.coverage.length === 0) continue;
    const list = components.get(e.resource) ?? resources[e.resource]!.components.slice();
    list[e.component] = covered(e);
    components.set(e.resource, list);
  }
  // Keep the file order of commitments in the summary.
  summaries.sort((a, b) => commitments.findIndex((c) => c.id === a.id) - commitments.findIndex((c) => c.id === b.id));
  return { components, summaries };
}

function allocateOne(k: PriceBookCommitment, eligible: Eligible[]): CommitmentSummary {
  const hourly = k.kind === "reservation" ? k.instances! * k.usdPerHour! : k.commitmentUsdPerHour!;
  const monthlyCommitment = hourly * HOURS_PER_MONTH;
  // What is left at each end: instance-hours for a reservation, USD for a Savings Plan.
  const left: Record<End, number> = {
    low: k.kind === "reservation" ? k.instances! * HOURS_PER_MONTH : monthlyCommitment,
    expected: 0,
    high: 0,
  };
  left.expected = left.low;
  left.high = left.low;
  const covers: string[] = [];
  for (const e of eligible) {
    const filter = priceKeyFromId(e.c.priceKey!);
    // Only instance usage: a price that names an instance type (EC2, SageMaker ml.*, RDS db.*, cache.* nodes).
    // Cluster-hours, NAT gateway-hours, public IPv4 or load balancer-hours are never covered, whatever the match.
    if (!filter?.instanceType || !matchesFilter(k.match, filter)) continue;
    // A discount is off the list price; with no list price (a fixed rate priced it) there is nothing to discount.
    const list = e.c.list ? e.c.list.unitPrice : e.c.unitPrice;
    if (k.usdPerHour === undefined && list === null) continue;
    const rate = k.usdPerHour ?? list! * (1 - k.discountPercent! / 100);
    const got: PerEnd = { low: 0, expected: 0, high: 0 };
    for (const end of ENDS) {
      const capacity = k.kind === "reservation" ? left[end] : rate > 0 ? left[end] / rate : Infinity;
      const want = e.uncovered[end];
      const take = want === null ? (Number.isFinite(capacity) ? capacity : 0) : Math.min(want, capacity);
      if (take <= 0) continue;
      got[end] = take;
      if (want !== null) e.uncovered[end] = want - take;
      left[end] -= k.kind === "reservation" ? take : take * rate;
    }
    if (got.low === 0 && got.expected === 0 && got.high === 0) continue;
    e.coverage.push({ id: k.id, kind: k.kind, usdPerUnit: rate, covered: { low: got.low!, expected: got.expected!, high: got.high } });
    if (!covers.includes(e.key)) covers.push(e.key);
  }
  const unusedValue = (end: End) => Math.max(0, k.kind === "reservation" ? left[end] * k.usdPerHour! : left[end]);
  const unused = { atLow: unusedValue("low"), expected: unusedValue("expected"), atHigh: unusedValue("high") };
  return {
    id: k.id,
    kind: k.kind,
    reason: k.reason,
    monthlyCommitment,
    used: { atLow: monthlyCommitment - unused.atLow, expected: monthlyCommitment - unused.expected, atHigh: monthlyCommitment - unused.atHigh },
    unused,
    covers,
  };
}

/** The component with its covered hours at the commitments' rates and the rest at its contracted unit price. */
function covered(e: Eligible): ComponentEstimate {
  const c = e.c;
  const unit = c.unitPrice!;
  const cost = (end: End): number | null => {
    const rest = e.uncovered[end];
    if (rest === null) return null;
    let sum = rest * unit;
    for (const k of e.coverage) sum += (k.covered[end] ?? 0) * k.usdPerUnit;
    return sum;
  };
  const out: ComponentEstimate = {
    ...c,
    list: c.list ?? { unitPrice: c.unitPrice, monthlyCost: c.monthlyCost, ...(c.costRange ? { costRange: c.costRange } : {}) },
    monthlyCost: cost("expected"),
    commitments: e.coverage,
  };
  // Capacity that may run other instance types: at the high end it may run a type the commitment does not cover.
  if (c.quantityRange || c.costRange) out.costRange = atLeastListHigh(c, { low: cost("low")!, high: cost("high") }, c.costRange);
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
