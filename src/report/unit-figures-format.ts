import { quantity, unitPrice, usd } from "../money.js";
import { allResources, type CostRange, type Estimate } from "../pricing/estimate.js";
import type { ResourceUnitEconomics } from "../pricing/unit-economics/unit-figures.js";

/**
 * Display strings for one resource's unit figures (shared by the terminal table and Markdown). Per-unit prices keep
 * up to 6 decimals ($1.10595); ranges show low – expected – high, `– unbounded`, and `≥` for lower bounds; an
 * unknown figure is `?` with the reason in the notes (never $0).
 */
export interface UnitFigureCells {
  per1kRequests: string;
  per1MInputTokens: string;
  per1MOutputTokens: string;
  utilisation: string;
  perRun: string;
  trainingMonthly: string;
  idleGpu: string;
}

/**
 * A range with `fmt` for each figure: `$1.10595` when exact, `low – high` (with the expected figure between when it
 * differs from both ends), `– unbounded` for no upper bound, `≥ expected` for a lower bound. (The shape of the
 * report's cost cells, with the per-unit precision they lack.)
 */
export function rangeText(r: CostRange, complete: boolean, fmt: (n: number) => string): string {
  if (!complete) return `≥ ${fmt(r.expected)}`;
  if (r.high === null) return r.low === r.expected ? `${fmt(r.expected)} – unbounded` : `${fmt(r.low)} – ${fmt(r.expected)} – unbounded`;
  if (r.low === r.high) return fmt(r.expected);
  return r.low === r.expected || r.high === r.expected ? `${fmt(r.low)} – ${fmt(r.high)}` : `${fmt(r.low)} – ${fmt(r.expected)} – ${fmt(r.high)}`;
}

export function unitRange(r: CostRange | null, complete: boolean): string {
  return r === null ? "?" : rangeText(r, complete, (n) => unitPrice(n));
}

export function moneyRange(r: CostRange | null, complete: boolean): string {
  return r === null ? "?" : rangeText(r, complete, usd);
}

export function unitFigureCells(u: ResourceUnitEconomics): UnitFigureCells {
  const inf = u.inference;
  const tr = u.training;
  const cap = inf?.capacity;
  return {
    per1kRequests: inf ? unitRange(inf.per1kRequests, inf.complete) : "",
    per1MInputTokens: inf ? unitRange(inf.per1MInputTokens, inf.complete) : "",
    per1MOutputTokens: inf ? unitRange(inf.per1MOutputTokens, inf.complete) : "",
    utilisation: cap
      ? `${quantity(cap.instancesNeeded)} needed / ${provisioned(cap.instancesProvisioned)} (${cap.utilization === null ? "?" : `${(cap.utilization * 100).toFixed(1)}%`})`
      : "",
    perRun: tr ? unitRange(tr.costPerRun, tr.complete) : "",
    trainingMonthly: tr ? (tr.monthlyCost === null ? "?" : `${moneyRange(tr.monthlyCost, tr.complete)} (${quantity(tr.runsPerMonth)} runs)`) : "",
    idleGpu: u.idleGpu ? (u.idleGpu.idleCost === null ? "? (set gpu_utilization)" : moneyRange(u.idleGpu.idleCost, u.idleGpu.complete)) : "",
  };
}

function provisioned(r: CostRange): string {
  if (r.high !== null && r.low === r.high) return quantity(r.expected);
  return `${quantity(r.low)}–${quantity(r.expected)}–${r.high === null ? "unbounded" : quantity(r.high)}`;
}

/** Notes of a resource's unit figures (what is missing or assumed), deduplicated. */
export function unitNotes(u: ResourceUnitEconomics): string[] {
  return [...new Set([...(u.inference?.notes ?? []), ...(u.training?.notes ?? [])])];
}

/** The idle GPU total: a range, `≥` when some GPU resources have no utilisation, `unknown` when none has. */
export function idleTotal(e: Estimate): string {
  const t = e.unitEconomics!;
  const known = allResources(e).some((r) => r.unitEconomics?.idleGpu?.idleCost);
  return known ? moneyRange(t.idleGpuCost, t.idleGpuCost.high !== null) : "unknown";
}
