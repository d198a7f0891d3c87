import { checkDefinition } from "./checks/index.js";
import { environmentMatches } from "./environment-name.js";
import { notWeaker } from "./checks/strictness.js";
import type { EnforcementSpec, LoadedPolicy, PolicyExemption, PolicyRule, PolicySettings, RuleScope } from "./policy-document.js";
import { ENFORCEMENTS, SEVERITIES, type Enforcement } from "./verdict.js";

/** A rule as it will be evaluated, with the file it came from. */
export interface EffectiveRule {
  rule: PolicyRule;
  policy: LoadedPolicy;
  /** `file:line:column` of the rule. */
  source: string;
  /** The layer that owns the rule id (a project may tighten a central rule; the id stays central). */
  ownerLayer: "central" | "project";
}

export interface EffectiveExemption {
  exemption: PolicyExemption;
  policy: LoadedPolicy;
  /** `file:line:column` of the exemption. */
  source: string;
}

export interface ComposedPolicies {
  rules: EffectiveRule[];
  exemptions: EffectiveExemption[];
  settings: Required<PolicySettings>;
  compositionNotes: string[];
  /** Exemptions dropped while composing (unknown rule, project exempting a central rule). */
  exemptionNotes: string[];
  policyFiles: string[];
}

export const DEFAULT_SETTINGS: Required<PolicySettings> = {
  environmentTag: "environment",
  unresolvedEnvironment: "prod",
  exemptionWarnDays: 14,
};

/**
 * Compose policy files: central files first, then project files (each in the order given). A project may add
 * rules and may redefine a central rule only to tighten it; a loosening is reported and the central rule stands.
 * The same id in two files of one layer is a conflict: the first stands. Settings: the first file that sets a
 * value wins; a later different value is reported.
 */
export function composePolicies(policies: readonly LoadedPolicy[]): ComposedPolicies {
  const ordered = [...policies.filter((p) => p.layer === "central"), ...policies.filter((p) => p.layer === "project")];
  const compositionNotes: string[] = [];
  const exemptionNotes: string[] = [];
  const byId = new Map<string, EffectiveRule>();
  const settings: Required<PolicySettings> = { ...DEFAULT_SETTINGS };
  const settingFrom = new Map<string, string>();

  for (const p of ordered) {
    for (const [k, v] of Object.entries(p.document.settings ?? {}) as [keyof PolicySettings, never][]) {
      const from = settingFrom.get(k);
      if (from === undefined) {
        settings[k] = v;
        settingFrom.set(k, p.file);
      } else if (settings[k] !== v)
        compositionNotes.push(`${p.file}: setting ${k}=${JSON.stringify(v)} ignored; ${from} already sets ${JSON.stringify(settings[k])}`);
    }
    (p.document.rules ?? []).forEach((rule, i) => {
      const source = `${p.file}:${p.positions.rules[i]}`;
      const prev = byId.get(rule.id);
      if (!prev) {
        byId.set(rule.id, { rule, policy: p, source, ownerLayer: p.layer });
        return;
      }
      if (prev.ownerLayer === p.layer) {
        compositionNotes.push(`conflict: rule ${rule.id} is defined in ${prev.source} and ${source}; the first stands`);
        return;
      }
      // A project redefining a central rule.
      const loose = ruleLoosenings(prev.rule, rule);
      if (loose.length > 0) {
        compositionNotes.push(`${source}: project rule ${rule.id} would loosen the central rule (${loose.join("; ")}); the central rule (${prev.source}) stands`);
        return;
      }
      if (JSON.stringify(prev.rule) !== JSON.stringify(rule)) compositionNotes.push(`${source}: project rule ${rule.id} tightens the central rule (${prev.source}); the project version applies`);
      byId.set(rule.id, { rule, policy: p, source, ownerLayer: "central" });
    });
  }

  const exemptions: EffectiveExemption[] = [];
  for (const p of ordered) {
    (p.document.exemptions ?? []).forEach((exemption, i) => {
      const source = `${p.file}:${p.positions.exemptions[i]}`;
      const rule = byId.get(exemption.rule);
      const label = exemptionLabel(exemption);
      if (!rule) exemptionNotes.push(`${label} (${source}) names rule ${exemption.rule}, which no loaded policy defines; it does not apply`);
      else if (p.layer === "project" && rule.ownerLayer === "central")
        exemptionNotes.push(`${label} (${source}) is in a project policy but exempts central rule ${exemption.rule}; only a central policy can exempt it, so it does not apply`);
      else exemptions.push({ exemption, policy: p, source });
    });
  }
  return { rules: [...byId.values()], exemptions, settings, compositionNotes, exemptionNotes, policyFiles: ordered.map((p) => p.file) };
}

export function exemptionLabel(e: PolicyExemption): string {
  return e.id ? `exemption ${e.id}` : `exemption of ${e.rule} for \`${e.address}\``;
}

/**
 * Level of an enforcement spec in one environment (the `default` for environments it does not name). A key
 * names an environment by any of its spellings (`prod` applies to `production`, see environmentMatches).
 */
export function enforcementIn(spec: EnforcementSpec, environment: string | undefined): Enforcement {
  if (typeof spec === "string") return spec;
  if (environment !== undefined) {
    for (const [k, v] of Object.entries(spec)) if (k !== "default" && k.toLowerCase() === environment) return v;
    for (const [k, v] of Object.entries(spec)) if (k !== "default" && environmentMatches(k, environment)) return v;
  }
  return spec.default;
}

/** Ways a project rule is looser than the central rule with the same id (empty: at least as strict). */
export function ruleLoosenings(central: PolicyRule, project: PolicyRule): string[] {
  if (central.check.kind !== project.check.kind) return [`changes the check kind from ${central.check.kind} to ${project.check.kind}`];
  const out: string[] = [];
  out.push(...notWeaker("severity", SEVERITIES, central.severity, project.severity));
  const envs = new Set<string | undefined>([undefined]);
  for (const spec of [central.enforcement, project.enforcement])
    if (typeof spec === "object") for (const k of Object.keys(spec)) if (k !== "default") envs.add(k.toLowerCase());
  for (const env of envs) {
    const c = enforcementIn(central.enforcement, env);
    const p = enforcementIn(project.enforcement, env);
    if (ENFORCEMENTS.indexOf(p) < ENFORCEMENTS.indexOf(c)) out.push(`lowers enforcement${env ? ` in ${env}` : ""} from ${c} to ${p}`);
  }
  if (project.enforceFrom !== undefined && (central.enforceFrom === undefined || project.enforceFrom > central.enforceFrom))
    out.push(`delays enforcement to ${project.enforceFrom}`);
  if (central.exemptible === false && project.exemptible !== false) out.push("makes the rule exemptible");
  out.push(...notWeaker("onUnknown", ["ignore", "advisory", "fail"], central.onUnknown ?? "fail", project.onUnknown ?? "fail"));
  // `all` judges every scenario; any single scenario judges less.
  const cs = central.scenario ?? "expected";
  const ps = project.scenario ?? "expected";
  if (cs !== ps && ps !== "all") out.push(`changes the judged scenario from ${cs} to ${ps}`);
  out.push(...scopeLoosenings(central.scope ?? {}, project.scope ?? {}));
  out.push(...checkDefinition(central.check.kind).loosenings(central.check, project.check));
  return out;
}

const LIST_SELECTORS = ["resourceTypes", "stacks", "addresses", "environments", "workloads", "regions", "actions"] as const;

/** A project scope must cover at least what the central scope covers (a narrower scope checks less). */
function scopeLoosenings(c: RuleScope, p: RuleScope): string[] {
  const out: string[] = [];
  for (const k of LIST_SELECTORS) {
    const cv = c[k] as string[] | undefined;
    const pv = p[k] as string[] | undefined;
    if (pv === undefined) continue;
    if (cv === undefined) out.push(`narrows scope.${k} to ${pv.join(", ")}`);
    else {
      const missing = cv.filter((x) => !pv.includes(x));
      if (missing.length) out.push(`drops ${missing.join(", ")} from scope.${k}`);
    }
  }
  for (const [key, want] of Object.entries(p.tags ?? {})) {
    const pv = Array.isArray(want) ? want : [want];
    const cw = c.tags && Object.hasOwn(c.tags, key) ? c.tags[key] : undefined;
    if (cw === undefined) {
      out.push(`narrows scope.tags to ${key}`);
      continue;
    }
    const cv = Array.isArray(cw) ? cw : [cw];
    if (!pv.includes("*") && cv.some((x) => !pv.includes(x))) out.push(`narrows scope.tags.${key}`);
  }
  return out;
}
