import { usdBrief } from "../../money.js";
import type { TrainingRunCostCheck } from "../policy-document.js";
import { upperBound } from "./strictness.js";
import type { CheckDefinition, CheckResult } from "./check-definition.js";
import { judgeUnitCap } from "./unit-cap.js";

/**
 * The cost of one training run (USD: instances × hours per run × price, with the spot interruption overhead;
 * ceiling at the on-demand fallback and the retry limit — src/pricing/unit-economics/training-units.ts) stays under
 * a cap across its range. Applies to resources whose workload is training or that have training figures. An
 * unknown run cost (no hours per run, no instance count, an unbounded retry ceiling) fails closed.
 */
export const trainingRunCost: CheckDefinition<TrainingRunCostCheck> = {
  kind: "training-run-cost",
  evaluate(check, ctx) {
    const out: CheckResult[] = [];
    for (const r of ctx.head) {
      const t = r.estimate.unitEconomics?.training;
      if (!t && (r.estimate.facts.workload !== "training" || !r.estimate.components.some((c) => c.unit === "hours"))) continue;
      const missing = t?.notes.length ? t.notes.join("; ") : "no training figures: set `hours_per_run` in the usage file";
      const f = judgeUnitCap({ resource: r, figure: t?.costPerRun, complete: t?.complete ?? false, cap: check.maxPerRun, what: "cost per training run", format: usdBrief, missing });
      if (f) out.push(t?.costPerRun && !f.unknown ? { ...f, monthlyCost: (t.costPerRun.expected - check.maxPerRun) * (t.runsPerMonth ?? 1) } : f);
    }
    return out;
  },
  loosenings(central, project) {
    return upperBound("maxPerRun", central.maxPerRun, project.maxPerRun);
  },
};
