import type { Estimate } from "../pricing/estimate.js";
import type { ScenarioSummary } from "../pricing/unit-economics/scenario-summary.js";
import type { ResourceUnitEconomics } from "../pricing/unit-economics/unit-figures.js";
import { terminalSafe as t } from "./text-table.js";
import { fittedTable } from "./fitted-table.js";
import { moneyRange, unitRange } from "./unit-figures-format.js";

type Figure = (u: ResourceUnitEconomics) => string | undefined;

const FIGURES: [string, Figure][] = [
  ["per 1k requests", (u) => (u.inference ? unitRange(u.inference.per1kRequests, u.inference.complete) : undefined)],
  ["per 1M input tokens", (u) => (u.inference ? unitRange(u.inference.per1MInputTokens, u.inference.complete) : undefined)],
  ["per 1M output tokens", (u) => (u.inference ? unitRange(u.inference.per1MOutputTokens, u.inference.complete) : undefined)],
  ["utilisation", (u) => (u.inference?.capacity?.utilization != null ? `${(u.inference.capacity.utilization * 100).toFixed(1)}%` : undefined)],
  ["per training run", (u) => (u.training ? unitRange(u.training.costPerRun, u.training.complete) : undefined)],
  ["training / month", (u) => (u.training ? moneyRange(u.training.monthlyCost, u.training.complete) : undefined)],
  ["idle GPU / month", (u) => (u.idleGpu ? moneyRange(u.idleGpu.idleCost, u.idleGpu.complete) : undefined)],
];

/**
 * The usage scenarios side by side (terminal): one column per scenario (`expected` first), the monthly total and
 * each resource's unit figures. Empty when the usage file defines no scenarios.
 */
export function renderScenarioTable(e: Estimate, width: number = Infinity): string {
  const sc = e.scenarios;
  if (!sc || sc.length === 0) return "";
  const rows: string[][] = [["Total / month", ...sc.map((s) => moneyRange(s.total, s.complete))]];
  const keys = [...new Set(sc.flatMap((s) => s.resources.map((r) => `${r.stack}/${r.address}`)))];
  const multi = e.stacks.length > 1;
  for (const key of keys) {
    const label = multi ? key : key.slice(key.indexOf("/") + 1);
    for (const [what, fig] of FIGURES) {
      const cells = sc.map((s) => figureOf(s, key, fig));
      if (cells.every((c) => c === undefined)) continue;
      rows.push([`${t(label)} ${what}`, ...cells.map((c) => c ?? "–")]);
    }
  }
  return `\nUsage scenarios (USD):\n` + fittedTable(["", ...sc.map((s) => t(s.name))], rows, ["l", ...sc.map(() => "r" as const)], width);
}

function figureOf(s: ScenarioSummary, key: string, fig: Figure): string | undefined {
  const r = s.resources.find((x) => `${x.stack}/${x.address}` === key);
  return r ? fig(r.unitEconomics) : undefined;
}
