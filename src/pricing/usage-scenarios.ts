import type { ResourceUsage, Usage } from "./usage.js";

/** The scenario every rule judges unless it names another, and the one `estimate` shows as the main estimate. */
export const DEFAULT_SCENARIO = "expected";

/** A scenario name: letters, digits, `-` and `_`, starting with a letter (`low`, `expected`, `peak`, `black-friday`). */
export const SCENARIO_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;

/**
 * Named usage scenarios (usage file key `scenarios`): each overrides values of the base usage — a scenario's
 * `resource_type_default_usage` overrides the base defaults key by key; its `resource_usage` entries come after the
 * base entries (so they win over base entries of the same specificity). The base usage is the `expected` scenario,
 * unless the file defines `expected` too, which then overrides the base like any other.
 */
export interface UsageScenarioOverrides {
  typeDefaults: Record<string, ResourceUsage>;
  byAddress: Usage["byAddress"];
}

/** The usage of one scenario: the base with the scenario's overrides applied. `expected` without overrides is the base. */
export function scenarioUsage(base: Usage, name: string): Usage {
  const o = base.scenarios?.[name];
  if (!o) return base;
  const typeDefaults: Record<string, ResourceUsage> = { ...base.typeDefaults };
  for (const [type, values] of Object.entries(o.typeDefaults)) typeDefaults[type] = { ...typeDefaults[type], ...values };
  const out: Usage = { typeDefaults, byAddress: [...base.byAddress, ...o.byAddress] };
  if (base.file !== undefined) out.file = base.file;
  return out;
}

/** The names of the scenarios a usage file defines, `expected` first (always present when any is defined). */
export function scenarioNames(usage: Usage): string[] {
  const names = Object.keys(usage.scenarios ?? {});
  if (names.length === 0) return [];
  return [DEFAULT_SCENARIO, ...names.filter((n) => n !== DEFAULT_SCENARIO)];
}
