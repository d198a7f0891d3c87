import { leavesHead } from "../plan/resource.js";
import { allResources, type Estimate } from "../pricing/estimate.js";
import { applyExemptions } from "./apply-exemptions.js";
import { applyOverrides } from "./apply-overrides.js";
import { checkDefinition } from "./checks/index.js";
import type { CheckContext, CheckResult } from "./checks/check-definition.js";
import { composePolicies, enforcementIn, type EffectiveRule } from "./compose-policies.js";
import type { LoadedPolicy, RuleScope } from "./policy-document.js";
import type { PendingFinding } from "./pending-finding.js";
import { ceilingOf, stackEnvironments, sumRanges, toPolicyResource, type PolicyResource } from "./policy-resource.js";
import { inScope } from "./scope.js";
import { DEFAULT_SCENARIO } from "../pricing/usage-scenarios.js";
import { ENFORCEMENTS, SEVERITIES, VERDICT_SCHEMA_VERSION, type Enforcement, type Finding, type Override, type Verdict } from "./verdict.js";

export interface EvaluateOptions {
  /** The estimate to compare with (the PR's base); cost-delta rules need it, budgets use it for increase-only. */
  base?: Estimate;
  /** Approvals for soft-mandatory findings (CLI `--override`, PR labels/comments via the action). */
  overrides?: Override[];
  /** Today's date (YYYY-MM-DD, UTC) for exemption expiry and `enforceFrom`. Default: the current date. */
  today?: string;
  /** Environment of resources without an environment tag (CLI `--environment`). */
  environment?: string;
  /**
   * Usage scenarios (head, base by name; `expected` is `head`/`base` themselves). A rule with `scenario: <name>`
   * judges that scenario's estimates, `scenario: all` every one; without a scenario a rule judges `expected`.
   */
  scenarios?: Readonly<Record<string, { head: Estimate; base?: Estimate }>>;
}


/**
 * Pure: evaluate policies over an estimate (and a base) into a Verdict. Status is `fail` if any remaining
 * finding is soft- or hard-mandatory, `advisory` if only advisory findings remain, else `pass`.
 */
export function evaluatePolicies(policies: readonly LoadedPolicy[], head: Estimate, opts: EvaluateOptions = {}): Verdict {
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const composed = composePolicies(policies);
  const env = { tag: composed.settings.environmentTag, unresolved: composed.settings.unresolvedEnvironment, ...(opts.environment ? { flag: opts.environment } : {}) };
  const headAll = allResources(head);
  const headEnv = { ...env, stacks: stackEnvironments(headAll, env.tag) };
  const headResources = headAll.map((r) => toPolicyResource(r, headEnv));
  const baseAll = opts.base ? allResources(opts.base) : undefined;
  const baseEnv = baseAll ? { ...env, stacks: stackEnvironments(baseAll, env.tag) } : env;
  const baseResources = baseAll?.map((r) => toPolicyResource(r, baseEnv));
  const notes: string[] = [];

  const defaulted = headResources.filter((r) => r.environmentSource === "default" && !leavesHead(r.estimate.action));
  if (defaulted.length > 0 && composed.rules.length > 0)
    notes.push(
      `${defaulted.length} resource${defaulted.length === 1 ? " has" : "s have"} no \`${env.tag}\` tag and no --environment was given; treated as \`${env.unresolved}\` (e.g. ${defaulted
        .slice(0, 3)
        .map((r) => r.key)
        .join(", ")})`,
    );

  // Resources being deleted or only read are in no rule's scope: leave them out once, not once per rule.
  // Rules without selectors then share one list (checks only read ctx.head and ctx.base).
  const activeHead = headResources.filter(isActive);
  const activeBase = baseResources?.filter(isActive);
  // Other usage scenarios' resources, built when a rule first asks for them.
  const scenarioResources = new Map<string, { head: PolicyResource[]; base?: PolicyResource[] }>([[DEFAULT_SCENARIO, { head: activeHead, ...(activeBase ? { base: activeBase } : {}) }]]);
  const resourcesOf = (name: string) => {
    let got = scenarioResources.get(name);
    const sc = opts.scenarios?.[name];
    if (!got && sc) {
      const policyResources = (e: Estimate) => {
        const all = allResources(e);
        const envOf = { ...env, stacks: stackEnvironments(all, env.tag) };
        return all.map((r) => toPolicyResource(r, envOf)).filter(isActive);
      };
      got = { head: policyResources(sc.head), ...(sc.base ? { base: policyResources(sc.base) } : {}) };
      scenarioResources.set(name, got);
    }
    return got;
  };
  // Rules with the same selectors (the default policy has three rules on `workloads: [training]`, three on
  // `environments: [dev, staging]`…) share one filtered list per resource list, filtered once. Checks only read it.
  const scopedLists = new WeakMap<readonly PolicyResource[], Map<string, PolicyResource[]>>();
  const scoped = (list: PolicyResource[], scope: RuleScope | undefined): PolicyResource[] => {
    if (!scope) return list;
    let byScope = scopedLists.get(list);
    if (!byScope) scopedLists.set(list, (byScope = new Map()));
    const key = JSON.stringify(scope);
    let out = byScope.get(key);
    if (!out) byScope.set(key, (out = list.filter((r) => inScope(scope, r))));
    return out;
  };
  const pending: PendingFinding[] = [];
  for (const rule of composed.rules) {
    const def = checkDefinition(rule.rule.check.kind);
    if (def.needsBase && !baseResources) {
      notes.push(`rule ${rule.rule.id} (${rule.rule.check.kind}) was not evaluated: it compares with a base estimate (pass --base)`);
      continue;
    }
    const scope = rule.rule.scope;
    const judged = judgedScenarios(rule.rule.scenario, opts.scenarios);
    let deferred = false;
    for (const name of judged) {
      const rs = resourcesOf(name);
      if (!rs) {
        // A rule that names a scenario the usage file does not define cannot pass: fail closed.
        pending.push(toPending(rule, { group: { label: `scenario ${name}`, resources: [] }, unknown: true, message: `scenario \`${name}\` is not defined in the usage file; the rule cannot be judged` }, today)!.pending);
        continue;
      }
      const ctx: CheckContext = { head: scoped(rs.head, scope) };
      if (rs.base) ctx.base = scoped(rs.base, scope);
      const results = def.evaluate(rule.rule.check, ctx);
      for (const result of results) {
        const p = toPending(rule, judged.length > 1 || name !== DEFAULT_SCENARIO ? { ...result, message: `[scenario ${name}] ${result.message}` } : result, today);
        if (!p) continue;
        if (p.deferred) deferred = true;
        pending.push(p.pending);
      }
    }
    if (deferred) notes.push(`rule ${rule.rule.id} only warns until ${rule.rule.enforceFrom} (enforceFrom); its findings are advisory until then`);
  }

  const afterExemptions = applyExemptions(pending, composed.exemptions, today, composed.settings.exemptionWarnDays);
  const afterOverrides = applyOverrides(afterExemptions.remaining, opts.overrides ?? [], composed.rules);
  const findings = afterOverrides.remaining.map((p) => p.finding).sort(byImportance);
  const waived = [...afterExemptions.waived, ...afterOverrides.waived].map((p) => p.finding).sort(byImportance);
  const mandatory = findings.some((f) => f.enforcement !== "advisory");
  return {
    schemaVersion: VERDICT_SCHEMA_VERSION,
    status: mandatory ? "fail" : findings.length > 0 ? "advisory" : "pass",
    findings,
    waived,
    exemptionNotes: [...composed.exemptionNotes, ...afterExemptions.notes],
    compositionNotes: composed.compositionNotes,
    policyFiles: composed.policyFiles,
    overrideNotes: afterOverrides.notes,
    notes,
  };
}

/** The scenarios a rule judges: its `scenario` (default `expected`), or every defined one for `all`. */
function judgedScenarios(scenario: string | undefined, defined: EvaluateOptions["scenarios"]): string[] {
  if (scenario === undefined || scenario === DEFAULT_SCENARIO) return [DEFAULT_SCENARIO];
  if (scenario === "all") return defined ? [DEFAULT_SCENARIO, ...Object.keys(defined).filter((n) => n !== DEFAULT_SCENARIO)] : [DEFAULT_SCENARIO];
  return [scenario];
}

/** Hard before soft before advisory; then higher severity; then rule id and place. */
export function byImportance(a: Finding, b: Finding): number {
  return (
    ENFORCEMENT_RANK[b.enforcement] - ENFORCEMENT_RANK[a.enforcement] ||
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.stack ?? "", b.stack ?? "") ||
    cmp(a.address ?? a.group ?? "", b.address ?? b.group ?? "")
  );
}

const ENFORCEMENT_RANK = Object.fromEntries(ENFORCEMENTS.map((x, i) => [x, i])) as Record<Enforcement, number>;
const SEVERITY_RANK = Object.fromEntries(SEVERITIES.map((x, i) => [x, i])) as Record<Finding["severity"], number>;

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Strictest level over the environments a finding touches (a group spanning dev and prod gets prod's level). */
function strictestLevel(rule: EffectiveRule, environments: readonly (string | undefined)[]): { level: Enforcement; environment?: string } {
  let best: { level: Enforcement; environment?: string } | undefined;
  for (const e of environments.length ? environments : [undefined]) {
    const level = enforcementIn(rule.rule.enforcement, e);
    if (!best || ENFORCEMENTS.indexOf(level) > ENFORCEMENTS.indexOf(best.level)) best = { level, ...(e !== undefined ? { environment: e } : {}) };
  }
  return best!;
}

/** In scope of a rule without selectors: every resource but those being deleted or only read. */
function isActive(r: PolicyResource): boolean {
  return inScope(undefined, r);
}

function toPending(rule: EffectiveRule, result: CheckResult, today: string): { pending: PendingFinding; deferred: boolean } | undefined {
  const r = rule.rule;
  const onUnknown = r.onUnknown ?? "fail";
  if (result.unknown && onUnknown === "ignore") return undefined;
  const envs = result.resource ? [result.resource.environment] : [...new Set((result.group?.resources ?? []).map((x) => x.environment))];
  let { level, environment } = strictestLevel(rule, envs);
  let message = result.message;
  if ((result.unknown && onUnknown === "advisory") || result.advisory) level = "advisory";
  let deferred = false;
  if (r.enforceFrom !== undefined && today < r.enforceFrom && level !== "advisory") {
    message += ` (advisory until ${r.enforceFrom}, then ${level})`;
    level = "advisory";
    deferred = true;
  }
  const e = result.resource?.estimate;
  // Built key by key in this order (a finding per resource can mean tens of thousands): the JSON key order.
  const finding = { ruleId: r.id, description: r.description, severity: r.severity, enforcement: level, policyFile: rule.policy.file } as Finding;
  if (e) {
    finding.stack = e.stack;
    finding.address = e.address;
  } else if (result.group?.stack) finding.stack = result.group.stack;
  if (e?.constructPath) finding.constructPath = e.constructPath;
  finding.message = message;
  if (result.monthlyCost !== undefined) finding.monthlyCost = result.monthlyCost;
  finding.kind = r.check.kind;
  if (result.group) finding.group = result.group.label;
  if (result.resource) finding.environment = result.resource.environment;
  else if (environment !== undefined) finding.environment = environment;
  if (result.unknown) finding.unknown = true;
  const pending = { finding, rule } as PendingFinding;
  // Bounded exemptions compare with the most the subject can cost: unknown when unbounded or not fully priced.
  const ceiling = result.resource ? ceilingOf(result.resource.estimate) : result.group ? (sumRanges(result.group.resources).high ?? undefined) : undefined;
  if (ceiling !== undefined) pending.subjectMonthlyCost = ceiling;
  pending.targets = e ? [result.resource!.key, e.address] : [result.group?.label ?? "total"];
  return { pending, deferred };
}
