import { describe, expect, it } from "vitest";
import { composePolicies, ruleLoosenings } from "../../src/policy/compose-policies.js";
import { evaluatePolicies } from "../../src/policy/evaluate-policies.js";
import type { PolicyRule } from "../../src/policy/policy-document.js";
import { est, gpu, pol } from "./build-estimate.js";

const central = pol(
  `settings: {unresolvedEnvironment: prod}
rules:
  - id: CG-GPU-002
    description: GPU count caps
    severity: high
    enforcement: soft-mandatory
    check: {kind: gpu-count, maxPerResource: 8}
  - id: CG-TAG-001
    description: Team tag
    severity: high
    enforcement: soft-mandatory
    check: {kind: required-tags, keys: {team: {}}}
`,
  "central.yaml",
  "name: central, layer: central",
);

const project = (rules: string, extra = "") => pol(`${extra}rules:\n${rules}`, "project.yaml", "name: project, layer: project");

describe("composePolicies", () => {
  it("a project may tighten a central rule: its version applies, with a note", () => {
    const p = project(`  - {id: CG-GPU-002, description: tighter caps, severity: critical, enforcement: hard-mandatory, check: {kind: gpu-count, maxPerResource: 4}}`);
    const c = composePolicies([p, central]);
    expect(c.policyFiles).toEqual(["central.yaml", "project.yaml"]);
    expect(c.compositionNotes).toEqual(["project.yaml:4:5: project rule CG-GPU-002 tightens the central rule (central.yaml:5:5); the project version applies"]);
    const v = evaluatePolicies([central, p], est([gpu("aws_instance.a", "g5.12xlarge", 4, { instances: 2, tags: { team: "x" } })]));
    expect(v.findings).toMatchObject([{ ruleId: "CG-GPU-002", enforcement: "hard-mandatory", severity: "critical", policyFile: "project.yaml" }]);
  });

  it("a loosening is reported and the central rule stands", () => {
    const p = project(`  - {id: CG-GPU-002, description: looser caps, severity: low, enforcement: advisory, check: {kind: gpu-count, maxPerResource: 16}}`);
    const c = composePolicies([central, p]);
    expect(c.compositionNotes).toEqual([
      "project.yaml:4:5: project rule CG-GPU-002 would loosen the central rule (weakens severity from high to low; lowers enforcement from soft-mandatory to advisory; raises maxPerResource from 8 to 16); the central rule (central.yaml:5:5) stands",
    ]);
    const v = evaluatePolicies([central, p], est([gpu("aws_instance.a", "p5.48xlarge", 8, { instances: 2, tags: { team: "x" } })]));
    expect(v.findings).toMatchObject([{ ruleId: "CG-GPU-002", enforcement: "soft-mandatory", policyFile: "central.yaml" }]);
    expect(v.compositionNotes).toEqual(c.compositionNotes);
  });

  it("project rules with new ids are added", () => {
    const p = project(`  - {id: RNK-GPU-001, description: inference families, severity: medium, enforcement: soft-mandatory, check: {kind: instance-types, allow: [g6e]}}`);
    expect(composePolicies([central, p]).rules.map((r) => r.rule.id)).toEqual(["CG-GPU-002", "CG-TAG-001", "RNK-GPU-001"]);
  });

  it("the same id twice in one layer is a conflict: the first stands", () => {
    const other = pol(`rules:\n  - {id: CG-TAG-001, description: other team tag, severity: low, enforcement: advisory, check: {kind: required-tags, keys: {squad: }}}`, "other.yaml");
    const c = composePolicies([central, other]);
    expect(c.compositionNotes).toEqual(["conflict: rule CG-TAG-001 is defined in central.yaml:10:5 and other.yaml:4:5; the first stands"]);
    expect(c.rules.find((r) => r.rule.id === "CG-TAG-001")!.policy.file).toBe("central.yaml");
  });

  it("settings: the central value wins; a different project value is reported", () => {
    const p = project(`  - {id: RNK-1, description: inference families, severity: medium, enforcement: advisory, check: {kind: regions, allow: [us-east-1]}}`, "settings: {unresolvedEnvironment: dev, exemptionWarnDays: 30}\n");
    const c = composePolicies([central, p]);
    expect(c.settings).toEqual({ environmentTag: "environment", unresolvedEnvironment: "prod", exemptionWarnDays: 30 });
    expect(c.compositionNotes).toEqual(['project.yaml: setting unresolvedEnvironment="dev" ignored; central.yaml already sets "prod"']);
  });

  it("a project cannot exempt a central rule, but can exempt its own", () => {
    const withEx = pol(
      `rules:
  - {id: RNK-1, description: region rule, severity: medium, enforcement: soft-mandatory, check: {kind: regions, allow: [us-east-1]}}
exemptions:
  - {rule: CG-GPU-002, address: "*", reason: we need many GPUs for this, owner: "@team", expires: 2030-01-01}
  - {rule: RNK-1, address: "*", reason: temporary eu pilot for a customer, owner: "@team", expires: 2030-01-01}
`,
      "project.yaml",
      "name: project, layer: project",
    );
    const c = composePolicies([central, withEx]);
    expect(c.exemptions.map((x) => x.exemption.rule)).toEqual(["RNK-1"]);
    expect(c.exemptionNotes).toEqual([
      "exemption of CG-GPU-002 for `*` (project.yaml:6:5) is in a project policy but exempts central rule CG-GPU-002; only a central policy can exempt it, so it does not apply",
    ]);
  });

  it("a tightened central rule still belongs to central: the project cannot exempt it either", () => {
    const p = pol(
      `rules:
  - {id: CG-GPU-002, description: tighter caps, severity: high, enforcement: soft-mandatory, check: {kind: gpu-count, maxPerResource: 4}}
exemptions:
  - {rule: CG-GPU-002, address: "*", reason: we need many GPUs for this, owner: "@team", expires: 2030-01-01}
`,
      "project.yaml",
      "name: project, layer: project",
    );
    expect(composePolicies([central, p]).exemptions).toEqual([]);
  });
});

const base: PolicyRule = { id: "R", description: "rule", severity: "high", enforcement: "soft-mandatory", check: { kind: "regions", allow: ["us-east-1"] } };
const with_ = (o: Partial<PolicyRule>): PolicyRule => ({ ...base, ...o });

describe("ruleLoosenings (what a project may not do)", () => {
  const cases: [string, PolicyRule, PolicyRule, string[]][] = [
    ["same rule", base, base, []],
    ["stricter enforcement and severity", base, with_({ enforcement: "hard-mandatory", severity: "critical" }), []],
    ["different kind", base, with_({ check: { kind: "instance-types", deny: ["p5"] } }), ["changes the check kind from regions to instance-types"]],
    ["per-env map weaker in prod", with_({ enforcement: { default: "advisory", prod: "hard-mandatory" } }), with_({ enforcement: { default: "soft-mandatory", prod: "soft-mandatory" } }), ["lowers enforcement in prod from hard-mandatory to soft-mandatory"]],
    ["enforceFrom later", with_({ enforceFrom: "2026-01-01" }), with_({ enforceFrom: "2026-06-01" }), ["delays enforcement to 2026-06-01"]],
    ["exemptible", with_({ exemptible: false }), base, ["makes the rule exemptible"]],
    ["onUnknown", base, with_({ onUnknown: "ignore" }), ["weakens onUnknown from fail to ignore"]],
    ["narrower scope", with_({ scope: { stacks: ["a", "b"] } }), with_({ scope: { stacks: ["a"], regions: ["us-*"] } }), ["drops b from scope.stacks", "narrows scope.regions to us-*"]],
    ["wider scope", with_({ scope: { stacks: ["a"], tags: { team: "x" } } }), with_({ scope: { stacks: ["a", "b"] } }), []],
    ["regions allow widened", base, with_({ check: { kind: "regions", allow: ["us-east-1", "eu-west-1"] } }), ["adds eu-west-1 to allow"]],
  ];
  for (const [name, c, p, expected] of cases) it(name, () => expect(ruleLoosenings(c, p)).toEqual(expected));

  const check = (c: PolicyRule["check"], p: PolicyRule["check"]) => ruleLoosenings(with_({ check: c }), with_({ check: p }));
  it("per check kind", () => {
    expect(check({ kind: "required-tags", keys: { team: null, env: { values: ["dev", "prod"] } } }, { kind: "required-tags", keys: { team: null, env: { values: ["prod"] }, owner: null } })).toEqual([]);
    expect(check({ kind: "required-tags", keys: { team: null, env: { values: ["prod"] } } }, { kind: "required-tags", keys: { env: { values: ["prod", "qa"] } } })).toEqual([
      "drops required tag `team`",
      "adds qa to allowed values of `env`",
    ]);
    expect(check({ kind: "required-tags", keys: { cc: { pattern: "^CC-" } } }, { kind: "required-tags", keys: { cc: { values: ["CC-1"] } } })).toEqual([]);
    expect(check({ kind: "required-tags", keys: { cc: { pattern: "^CC-" } } }, { kind: "required-tags", keys: { cc: { pattern: "^C" } } })).toEqual(['changes the pattern of `cc` from "^CC-" to "^C"']);
    expect(check({ kind: "budget", limit: 100, groupBy: "stack", limits: { big: 500 } }, { kind: "budget", limit: 90, groupBy: "stack", limits: { big: 600 } })).toEqual(["raises the limit of big from 500 to 600"]);
    expect(check({ kind: "budget", limit: 100 }, { kind: "budget", limit: 100, groupBy: "stack" })).toEqual(['changes groupBy from "total" to "stack"']);
    expect(check({ kind: "cost-delta", maxIncrease: { absolute: 10 } }, { kind: "cost-delta", maxIncrease: { absolute: 5, percent: 10 }, combine: "any" })).toEqual([]);
    expect(check({ kind: "cost-delta", maxIncrease: { absolute: 10 } }, { kind: "cost-delta", maxIncrease: { absolute: 5, percent: 10 }, combine: "all" })).toEqual([
      "adds a second cap under combine: all, so both must be exceeded",
    ]);
    expect(check({ kind: "cost-delta", maxIncrease: { absolute: 10, percent: 5 }, combine: "any" }, { kind: "cost-delta", maxIncrease: { absolute: 10, percent: 5 }, combine: "all" })).toEqual([
      "weakens combine from any to all",
    ]);
    expect(check({ kind: "cost-delta", maxIncrease: { absolute: 10, percent: 5 }, combine: "all" }, { kind: "cost-delta", maxIncrease: { absolute: 10 } })).toEqual(["drops maxIncrease.percent (central 5)"]);
    expect(check({ kind: "resource-cost", maxHourly: 40 }, { kind: "resource-cost", maxMonthly: 100 })).toEqual(["drops maxHourly (central 40)"]);
    expect(check({ kind: "gpu-count", maxTotal: 32 }, { kind: "gpu-count", maxTotal: 16, groupBy: "stack" })).toEqual(['changes groupBy from "total" to "stack"']);
    expect(check({ kind: "instance-types", deny: ["p5", "p4de"], allow: ["g*"] }, { kind: "instance-types", deny: ["p5"] })).toEqual(["drops denied p4de", "drops the allow list"]);
    expect(check({ kind: "purchase-option", require: "spot" }, { kind: "purchase-option", require: "spot", allowMixed: true })).toEqual(["allows mixed capacity"]);
    expect(check({ kind: "checkpointing", when: "always" }, { kind: "checkpointing" })).toEqual(["weakens when from always to spot"]);
    expect(check({ kind: "training-limits", maxRuntime: "72h" }, { kind: "training-limits", maxRuntime: "3d" })).toEqual([]);
    expect(check({ kind: "training-limits", maxRuntime: "72h" }, { kind: "training-limits", maxRuntime: "4d" })).toEqual(["raises maxRuntime (s) from 259200 to 345600"]);
    expect(check({ kind: "inference-scaling", require: "scale-to-zero" }, { kind: "inference-scaling", require: "scale-down" })).toEqual(["weakens require from scale-to-zero to scale-down"]);
    expect(check({ kind: "pricing-coverage" }, { kind: "pricing-coverage", gpuOnly: true })).toEqual(["narrows coverage to GPU resources only"]);
  });
});
