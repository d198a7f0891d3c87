import { describe, expect, it } from "vitest";
import { evaluatePolicies } from "../../src/policy/evaluate-policies.js";
import { parseOverrideFlag } from "../../src/policy/override-flag.js";
import type { Override } from "../../src/policy/verdict.js";
import { est, gpu, pol, res } from "./build-estimate.js";

const policy = pol(`rules:
  - {id: SOFT-1, description: soft instance rule, severity: high, enforcement: soft-mandatory, check: {kind: instance-types, deny: [p5]}}
  - {id: HARD-1, description: hard region rule, severity: high, enforcement: hard-mandatory, check: {kind: regions, allow: [us-east-1]}}
  - {id: MIX-1, description: per environment rule, severity: high, enforcement: {default: soft-mandatory, prod: hard-mandatory}, check: {kind: instance-types, deny: [g6e]}}
  - id: DLT-1
    description: delta rule
    severity: high
    enforcement: soft-mandatory
    check: {kind: cost-delta, maxIncrease: {absolute: 10000}}
`);
const o = (ruleId: string, extra: Partial<Override> = {}): Override => ({ ruleId, approvedBy: "alice", reason: "launch week load test, scale back Dec 5", ...extra });

describe("overrides", () => {
  const p5 = gpu("aws_instance.a", "p5.48xlarge", 8);
  const west = res("aws_instance.w", { region: "eu-central-1" });

  it("cover soft-mandatory findings, which stay visible as waived with who approved and why", () => {
    const v = evaluatePolicies([policy], est([p5]), { overrides: [o("SOFT-1")] });
    expect(v.status).toBe("pass");
    expect(v.waived[0]).toMatchObject({ ruleId: "SOFT-1", override: o("SOFT-1") });
    expect(v.overrideNotes).toEqual([]);
  });

  it("never cover hard-mandatory findings", () => {
    const v = evaluatePolicies([policy], est([west]), { overrides: [o("HARD-1")] });
    expect(v.status).toBe("fail");
    expect(v.overrideNotes).toEqual(["override of HARD-1 by alice ignored for 1 hard-mandatory finding: hard-mandatory rules cannot be overridden (use an exemption in the policy)"]);
  });

  it('"*" covers every soft-mandatory finding and no hard one', () => {
    const v = evaluatePolicies([policy], est([p5, west]), { overrides: [o("*", { via: "label:cost-override" })] });
    expect(v.status).toBe("fail");
    expect(v.findings.map((f) => f.ruleId)).toEqual(["HARD-1"]);
    expect(v.waived.map((f) => f.ruleId)).toEqual(["SOFT-1"]);
  });

  it("per-environment enforcement: the dev finding is overridable, the prod one is not", () => {
    const dev = gpu("aws_instance.dev", "g6e.xlarge", 1, { env: "dev" });
    const prod = gpu("aws_instance.prod", "g6e.xlarge", 1, { env: "prod" });
    const v = evaluatePolicies([policy], est([dev, prod]), { overrides: [o("MIX-1")] });
    expect(v.findings.map((f) => f.address)).toEqual(["aws_instance.prod"]);
    expect(v.waived.map((f) => f.address)).toEqual(["aws_instance.dev"]);
  });

  it("need an approver and a reason of at least 10 characters; unknown rules and unused overrides are reported", () => {
    const v = evaluatePolicies([policy], est([p5]), { overrides: [o("SOFT-1", { reason: "ok" }), o("NOPE-1"), o("DLT-1"), o("SOFT-1", { approvedBy: " " })] });
    expect(v.status).toBe("fail");
    expect(v.overrideNotes).toEqual([
      "override of SOFT-1 by alice ignored: an override needs an approver and a reason of at least 10 characters",
      "override of NOPE-1 by alice ignored: no loaded policy defines rule NOPE-1",
      "override of SOFT-1 by   ignored: an override needs an approver and a reason of at least 10 characters",
      "override of DLT-1 by alice is unused: no soft-mandatory finding of rule DLT-1",
    ]);
  });

  it("a ceiling binds the override to the approved amount", () => {
    const base = est([res("aws_instance.a", { monthlyCost: 30_000 })]);
    const plus = (n: number) => est([res("aws_instance.a", { monthlyCost: 30_000 }), res("aws_instance.b", { monthlyCost: n })]);
    const ok = evaluatePolicies([policy], plus(12_000), { base, overrides: [o("DLT-1", { maxMonthlyCost: 12_000 })] });
    expect(ok.status).toBe("pass");
    const grown = evaluatePolicies([policy], plus(13_000), { base, overrides: [o("DLT-1", { maxMonthlyCost: 12_000 })] });
    expect(grown.status).toBe("fail");
    expect(grown.overrideNotes).toEqual([
      "override of DLT-1 by alice does not cover total: $13,000/month is over the approved ceiling of $12,000/month; a new approval is needed",
    ]);
  });

  it("parses --override RULE:approver:reason (the reason may contain colons)", () => {
    expect(parseOverrideFlag("CG-DLT-001:alice:load test: week 1")).toEqual({ ruleId: "CG-DLT-001", approvedBy: "alice", reason: "load test: week 1", via: "cli" });
    expect(() => parseOverrideFlag("CG-DLT-001:alice")).toThrow("bad --override `CG-DLT-001:alice`; expected RULE:approver:reason");
  });
});
