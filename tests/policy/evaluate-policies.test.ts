import { describe, expect, it } from "vitest";
import { evaluatePolicies } from "../../src/policy/evaluate-policies.js";
import { est, gpu, pol, res, rule } from "./build-estimate.js";

const p5 = (address: string, o = {}) => gpu(address, "p5.48xlarge", 8, { monthlyCost: 40_000, ...o });
const denyP5 = (enforcement: string, extra = "") => rule(`{kind: instance-types, deny: [p5]}`, extra, enforcement);

describe("evaluatePolicies: enforcement levels and status", () => {
  it("pass when nothing is found", () => {
    const v = evaluatePolicies([denyP5("hard-mandatory")], est([gpu("aws_instance.a", "g6e.xlarge", 1)]));
    expect(v).toMatchObject({ status: "pass", findings: [], waived: [], schemaVersion: "costgate.verdict/v1", policyFiles: ["policy.yaml"] });
  });

  it("advisory findings alone give status advisory", () => {
    const v = evaluatePolicies([denyP5("advisory")], est([p5("aws_instance.a")]));
    expect(v.status).toBe("advisory");
    expect(v.findings[0]).toMatchObject({ enforcement: "advisory", severity: "high", description: "test rule", policyFile: "policy.yaml" });
  });

  it("soft-mandatory and hard-mandatory findings fail", () => {
    expect(evaluatePolicies([denyP5("soft-mandatory")], est([p5("aws_instance.a")])).status).toBe("fail");
    expect(evaluatePolicies([denyP5("hard-mandatory")], est([p5("aws_instance.a")])).status).toBe("fail");
  });

  it("per-environment enforcement follows the resource's environment tag", () => {
    const p = denyP5("{default: advisory, staging: soft-mandatory, prod: hard-mandatory}");
    const v = evaluatePolicies([p], est([p5("aws_instance.d", { env: "dev" }), p5("aws_instance.s", { env: "Staging" }), p5("aws_instance.p", { env: "prod" })]));
    expect(v.findings.map((f) => [f.address, f.enforcement, f.environment])).toEqual([
      ["aws_instance.p", "hard-mandatory", "prod"],
      ["aws_instance.s", "soft-mandatory", "staging"],
      ["aws_instance.d", "advisory", "dev"],
    ]);
  });

  it("untagged resources take --environment, else the policy's unresolvedEnvironment (prod), with a note", () => {
    const p = denyP5("{default: advisory, prod: hard-mandatory}");
    const e = est([p5("aws_instance.a")]);
    const byFlag = evaluatePolicies([p], e, { environment: "dev" });
    expect(byFlag.findings[0]).toMatchObject({ enforcement: "advisory", environment: "dev" });
    expect(byFlag.notes).toEqual([]);
    const byDefault = evaluatePolicies([p], e);
    expect(byDefault.findings[0]).toMatchObject({ enforcement: "hard-mandatory", environment: "prod" });
    expect(byDefault.notes).toEqual(["1 resource has no `environment` tag and no --environment was given; treated as `prod` (e.g. app/aws_instance.a)"]);
  });

  it("the environment tag key and the unresolved default are settings", () => {
    const p = pol(`settings: {environmentTag: Env, unresolvedEnvironment: dev}
rules:
  - {id: R-1, description: no p5 in dev, severity: high, enforcement: hard-mandatory, scope: {environments: [dev]}, check: {kind: instance-types, deny: [p5]}}
`);
    const v = evaluatePolicies([p], est([p5("aws_instance.tagged", { tags: { Env: "prod" } }), p5("aws_instance.untagged", { stack: "other" })]));
    expect(v.findings.map((f) => f.address)).toEqual(["aws_instance.untagged"]);
  });

  it("untagged resources take their stack's environment when every tagged resource of the stack agrees", () => {
    const p = denyP5("{default: advisory, prod: hard-mandatory}");
    const dev = { tags: { environment: "dev" } };
    const v = evaluatePolicies([p], est([p5("aws_instance.tagged", dev), p5("aws_instance.untagged")]));
    expect(v.findings.map((f) => [f.address, f.environment, f.enforcement])).toEqual([
      ["aws_instance.tagged", "dev", "advisory"],
      ["aws_instance.untagged", "dev", "advisory"],
    ]);
    expect(v.notes).toEqual([]);
    // A stack whose tagged resources disagree gives no stack environment: the default applies, with a note.
    const mixed = evaluatePolicies([p], est([p5("aws_instance.a", dev), p5("aws_instance.b", { tags: { environment: "prod" } }), p5("aws_instance.c")]));
    expect(mixed.findings.find((f) => f.address === "aws_instance.c")).toMatchObject({ environment: "prod", enforcement: "hard-mandatory" });
    expect(mixed.notes?.[0]).toMatch(/1 resource has no `environment` tag/);
  });

  it("a group finding spanning environments gets the strictest level", () => {
    const p = rule(`{kind: budget, limit: 100}`, "", "{default: advisory, prod: hard-mandatory}");
    const v = evaluatePolicies([p], est([res("aws_instance.a", { env: "dev", monthlyCost: 80 }), res("aws_instance.b", { env: "prod", monthlyCost: 80 })]));
    expect(v.findings[0]).toMatchObject({ enforcement: "hard-mandatory", environment: "prod", group: "total" });
  });

  it("enforceFrom: advisory (with when it will block) before the date, enforced from it", () => {
    const p = denyP5("hard-mandatory", "enforceFrom: 2027-01-15");
    const before = evaluatePolicies([p], est([p5("aws_instance.a")]), { today: "2027-01-14" });
    expect(before.status).toBe("advisory");
    expect(before.findings[0]!.message).toBe("p5.48xlarge is denied (matches `p5`) in prod (advisory until 2027-01-15, then hard-mandatory)");
    expect(before.notes).toContain("rule R-1 only warns until 2027-01-15 (enforceFrom); its findings are advisory until then");
    expect(evaluatePolicies([p], est([p5("aws_instance.a")]), { today: "2027-01-15" }).status).toBe("fail");
  });

  it("resources being deleted are out of scope", () => {
    const v = evaluatePolicies([denyP5("hard-mandatory")], est([p5("aws_instance.gone", { action: "delete" })]));
    expect(v.status).toBe("pass");
  });

  it("scope.actions limits a rule to plan actions (e.g. only resources this change creates or updates)", () => {
    const p = denyP5("hard-mandatory", "scope: {actions: [create, update, replace]}");
    const v = evaluatePolicies([p], est([p5("aws_instance.old", { action: "no-op" }), p5("aws_instance.new", { action: "create" })]));
    expect(v.findings.map((f) => f.address)).toEqual(["aws_instance.new"]);
    expect(evaluatePolicies([denyP5("hard-mandatory")], est([p5("aws_instance.old", { action: "no-op" })])).status).toBe("fail");
  });

  it("orders findings hard → soft → advisory, then by severity", () => {
    const p = pol(`rules:
  - {id: A-1, description: advisory rule, severity: critical, enforcement: advisory, check: {kind: instance-types, deny: [p5]}}
  - {id: S-1, description: soft low rule, severity: low, enforcement: soft-mandatory, check: {kind: instance-types, deny: [p5]}}
  - {id: S-2, description: soft high rule, severity: high, enforcement: soft-mandatory, check: {kind: instance-types, deny: [p5]}}
  - {id: H-1, description: hard rule, severity: info, enforcement: hard-mandatory, check: {kind: instance-types, deny: [p5]}}
`);
    expect(evaluatePolicies([p], est([p5("aws_instance.a")])).findings.map((f) => f.ruleId)).toEqual(["H-1", "S-2", "S-1", "A-1"]);
  });

  it("scope selectors combine with AND; lists and globs with OR", () => {
    const p = denyP5(
      "hard-mandatory",
      `scope:
  resourceTypes: ["aws_instance", "aws_sagemaker_*"]
  stacks: ["ml-*"]
  regions: ["us-*"]
  tags: {team: [research, "ml-*"], cost-center: "*"}
  addresses: ["*.gpu*"]`,
    );
    const base = { stack: "ml-dev", region: "us-west-2", tags: { team: "ml-platform", "cost-center": "CC-1" } };
    const v = evaluatePolicies(
      [p],
      est([
        p5("aws_instance.gpu1", base),
        p5("aws_sagemaker_endpoint.gpu2", base),
        p5("aws_eks_node_group.gpu3", base),
        p5("aws_instance.gpu4", { ...base, stack: "web" }),
        p5("aws_instance.gpu5", { ...base, region: "eu-west-1" }),
        p5("aws_instance.gpu6", { ...base, tags: { team: "web", "cost-center": "CC-1" } }),
        p5("aws_instance.gpu7", { ...base, tags: { team: "research" } }),
        p5("aws_instance.cpu8", base),
      ]),
    );
    expect(v.findings.map((f) => f.address).sort()).toEqual(["aws_instance.gpu1", "aws_sagemaker_endpoint.gpu2"]);
  });

  it("workload scope uses the catalog's workload fact", () => {
    const p = rule(`{kind: purchase-option, require: spot}`, "scope: {workloads: [training]}");
    const v = evaluatePolicies([p], est([p5("aws_instance.t", { facts: { workload: "training" } }), p5("aws_instance.u")]));
    expect(v.findings.map((f) => f.address)).toEqual(["aws_instance.t"]);
  });
});
