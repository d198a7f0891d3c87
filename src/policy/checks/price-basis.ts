import { addRange, zeroRange, type CostRange, type ResourceEstimate } from "../../pricing/estimate.js";
import type { CostBasis, PriceBasis } from "../policy-document.js";
import { costRangeOf, type PolicyResource } from "../policy-resource.js";

/**
 * A resource's monthly cost range on a price basis (`effective`: after the price book, the estimate's own
 * figures; `list`: the list figures the price book kept beside them — the same figures when no price book was
 * applied) and a cost basis (estimated or on-demand).
 */
export function rangeOnBasis(r: ResourceEstimate, cost: CostBasis, price: PriceBasis): CostRange {
  if (price === "list" && r.list) return cost === "on-demand" ? r.list.rangeOnDemand : r.list.range;
  return costRangeOf(r, cost);
}

/** Sum of resources' ranges on a price and cost basis (high null when any is unbounded or unknown). */
export function sumRangesOnBasis(rs: readonly PolicyResource[], cost: CostBasis, price: PriceBasis): CostRange {
  const sum = zeroRange();
  for (const r of rs) addRange(sum, rangeOnBasis(r.estimate, cost, price));
  return sum;
}

/** " (list prices)" for messages when a rule judges list prices of an estimate a price book changed; else "". */
export function basisNote(rs: readonly PolicyResource[], price: PriceBasis): string {
  return price === "list" && rs.some((r) => r.estimate.list !== undefined) ? " at list prices" : "";
}
