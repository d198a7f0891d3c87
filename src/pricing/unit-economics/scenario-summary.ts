import { allResources, type CostRange, type Estimate } from "../estimate.js";
import type { ResourceUnitEconomics, UnitEconomicsTotals } from "./unit-figures.js";

/**
 * One usage scenario's result (the optional `scenarios` list of the estimate JSON): the monthly total range (USD),
 * whether it is complete, the unit-economics totals, and the unit figures of each resource that has any.
 */
export interface ScenarioSummary {
  name: string;
  total: CostRange;
  complete: boolean;
  unitEconomics?: UnitEconomicsTotals;
  resources: { stack: string; address: string; monthlyCost: CostRange; unitEconomics: ResourceUnitEconomics }[];
}

export function scenarioSummary(name: string, e: Estimate): ScenarioSummary {
  const out: ScenarioSummary = {
    name,
    total: { ...e.totals.range },
    complete: e.totals.notPriced === 0,
    resources: allResources(e)
      .filter((r) => r.unitEconomics)
      .map((r) => ({ stack: r.stack, address: r.address, monthlyCost: { ...r.range }, unitEconomics: r.unitEconomics! })),
  };
  if (e.unitEconomics) out.unitEconomics = e.unitEconomics;
  return out;
}
