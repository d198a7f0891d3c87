import { HOURS_PER_MONTH, type ResourceEstimate } from "../estimate.js";
import type { ResourceUsage } from "../usage.js";
import { computeHoursOf, scaleRange } from "./compute-hours.js";
import { parseInterruptionBand } from "./interruption-band.js";
import type { InterruptionOverhead, TrainingUnits, UnitCost } from "./unit-figures.js";

/**
 * Cost of one training run, USD: N instances × H hours per run × P USD per instance-hour.
 * - N: usage `instances_per_run`, else the resource's instance count; H: usage `hours_per_run`, else the job's
 *   timeout / max runtime (an upper bound); P: the resource's instance-hour price (spot or on-demand).
 * - On demand: low = expected = high = N × H × P.
 * - Spot: low = N × H × P_spot (no interruption). Expected adds the interruption overhead the Spot Advisor band
 *   implies: E = N × H × band midpoint ÷ 730 interruptions, each losing N × L cluster-hours, L = checkpoint
 *   interval ÷ 2 (usage `checkpoint_interval_hours`, only when the resource declares a checkpoint location), or the
 *   whole run H without checkpoints (restart from zero, the worst case). Expected = P_spot × N × (H + E × L).
 *   High = the on-demand fallback with the retry limit: P_od × N × (H + R × L_max), L_max = the interval (or H),
 *   R = usage `max_retries`; unknown R = unbounded (null).
 * - Without a sourced band the expected overhead is unknown: expected is the no-interruption figure, marked
 *   incomplete (a lower bound). `>20%` has no upper end: its midpoint is unknown, 20% is used, marked incomplete.
 * Monthly = cost per run × usage `runs_per_month`.
 */
export function trainingUnits(r: ResourceEstimate, usage: ResourceUsage): TrainingUnits | undefined {
  const compute = computeHoursOf(r);
  const c = compute.components.find((x) => x.unitPrice !== null) ?? compute.components[0];
  if (!c) return undefined;
  const notes: string[] = [];
  const spot = c.purchaseOption === "spot";
  const unitPrice = c.unitPrice;
  const onDemandUnitPrice = spot ? (c.onDemandUnitPrice ?? null) : c.unitPrice;
  const count = r.facts.instanceCount;
  const instances = usage.instances_per_run ?? (count !== null && count > 0 ? count : null);
  if (instances === null) notes.push("instances per run are unknown: set `instances_per_run` in the usage file");
  let hoursPerRun: number | null = usage.hours_per_run ?? null;
  let hoursSource: TrainingUnits["hoursSource"] = hoursPerRun === null ? "unknown" : "usage";
  if (hoursPerRun === null && typeof r.facts.maxRuntimeSeconds === "number") {
    hoursPerRun = r.facts.maxRuntimeSeconds / 3600;
    hoursSource = "max-runtime";
    notes.push("hours per run = the job's timeout / max runtime (an upper bound of one attempt); set `hours_per_run` for the expected run");
  }
  if (hoursPerRun === null) notes.push("hours per run are unknown: set `hours_per_run` in the usage file");
  if (unitPrice === null) notes.push(`the instance-hour price is unknown${c.unpricedReason ? ` (${c.unpricedReason})` : ""}`);
  const runsPerMonth = usage.runs_per_month ?? null;
  const out: TrainingUnits = {
    instances,
    hoursPerRun,
    hoursSource,
    purchaseOption: spot ? "spot" : "on-demand",
    unitPrice,
    onDemandUnitPrice,
    costPerRun: null,
    complete: false,
    runsPerMonth,
    monthlyCost: null,
    notes,
  };
  if (instances === null || hoursPerRun === null || unitPrice === null) return out;
  const base = instances * hoursPerRun * unitPrice;
  if (!spot) {
    out.costPerRun = { low: base, expected: base, high: base };
    out.complete = true;
  } else {
    const checkpointed = usage.checkpoint_interval_hours !== undefined && usage.checkpoint_interval_hours > 0 && r.facts.checkpointLocation !== undefined;
    if (!checkpointed)
      notes.push(
        r.facts.checkpointLocation === undefined
          ? "spot without a declared checkpoint location: an interruption restarts the run from zero (worst case)"
          : "checkpoint location set but no `checkpoint_interval_hours`: an interruption is assumed to restart the run from zero (worst case)",
      );
    const lostExpected = checkpointed ? usage.checkpoint_interval_hours! / 2 : hoursPerRun;
    const lostMax = checkpointed ? usage.checkpoint_interval_hours! : hoursPerRun;
    const retries = usage.max_retries ?? null;
    if (retries === null) notes.push("no `max_retries`: the ceiling (on-demand fallback × retries) is unbounded");
    const high = onDemandUnitPrice === null || retries === null ? null : onDemandUnitPrice * instances * (hoursPerRun + retries * lostMax);
    const band = c.interruptionBand === undefined ? undefined : parseInterruptionBand(c.interruptionBand);
    let expected = base;
    let complete = true;
    if (band === undefined) {
      complete = false;
      notes.push("no Spot Advisor interruption band for this type and region: the expected interruption overhead is unknown (expected is a lower bound)");
    } else {
      const rate = band.high === null ? band.low : (band.low + band.high) / 2;
      if (band.high === null) {
        complete = false;
        notes.push(`interruption band ${c.interruptionBand} has no upper end: ${band.low * 100}% used, expected is a lower bound`);
      }
      const interruptions = (instances * hoursPerRun * rate) / HOURS_PER_MONTH;
      expected = unitPrice * instances * (hoursPerRun + interruptions * lostExpected);
      const interruption: InterruptionOverhead = {
        band: c.interruptionBand!,
        ratePerInstanceMonth: band,
        expectedInterruptions: interruptions,
        checkpointed,
        expectedLostHoursPerInterruption: lostExpected,
        maxRetries: retries,
      };
      out.interruption = interruption;
    }
    out.costPerRun = { low: base, expected, high: high === null ? null : Math.max(high, expected) };
    out.complete = complete;
  }
  if (runsPerMonth === null) notes.push("set `runs_per_month` for the monthly training cost");
  else out.monthlyCost = scaleRange(out.costPerRun as UnitCost, runsPerMonth);
  return out;
}
