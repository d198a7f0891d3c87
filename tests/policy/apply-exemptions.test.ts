import { describe, expect, it } from "vitest";
import { evaluatePolicies } from "../../src/policy/evaluate-policies.js";
import { est, gpu, pol, res } from "./build-estimate.js";

const policy = (exemptions: string, ruleExtra = "") =>
  pol(
    `rules:
  - id: CG-GPU-001
    description: No p5 outside prod
    severity: high
    enforcement: hard-mandatory
${ruleExtra}    check: {kind: instance-types, deny: ["p5*"]}
  - id: CG-BUD-001
    description: Stack budget
    severity: high
    enforcement: soft-mandatory
    check: {kind: budget, groupBy: stack, limit: 1000}
exemptions:
${exemptions}`,
    "central.yaml",
  );

const probe = (cost = 8700, stack = "staging-ml-bench") => gpu("aws_instance.h100_probe", "p5.48xlarge", 8, { stack, monthlyCost: cost, env: "staging" });
const ex = (o: Record<string, string | number> = {}) =>
  "  - " +
  JSON.stringify({
    id: "EX-1",
    rule: "CG-GPU-001",
    address: "staging-ml-bench/aws_instance.h100_*",
    reason: "Benchmark p5 vs g6e before the capacity purchase",
    owner: "@ml-research",
    ticket: "FINOPS-1",
    expires: "2026-12-20",
    ...o,
  });

describe("exemptions", () => {
  it("a valid exemption waives the finding and is visible on it (days to expiry, source)", () => {
    const v = evaluatePolicies([policy(ex())], est([probe(500)]), { today: "2026-11-23" });
    expect(v.status).toBe("pass");
    expect(v.findings).toEqual([]);
    expect(v.waived).toHaveLength(1);
    expect(v.waived[0]!.exemption).toEqual({
      id: "EX-1",
      reason: "Benchmark p5 vs g6e before the capacity purchase",
      owner: "@ml-research",
      ticket: "FINOPS-1",
      expires: "2026-12-20",
      pattern: "staging-ml-bench/aws_instance.h100_*",
      daysLeft: 27,
      source: "central.yaml:15:5",
    });
    expect(v.exemptionNotes).toEqual([]);
  });

  it("expiry is inclusive through the expiry date; the day after, the finding stands and the expiry is reported", () => {
    expect(evaluatePolicies([policy(ex())], est([probe(500)]), { today: "2026-12-20" }).status).toBe("pass");
    const v = evaluatePolicies([policy(ex())], est([probe(500)]), { today: "2026-12-21" });
    expect(v.status).toBe("fail");
    expect(v.findings.map((f) => f.ruleId)).toEqual(["CG-GPU-001"]);
    expect(v.exemptionNotes).toEqual(["exemption EX-1 (central.yaml:15:5) expired on 2026-12-20; it no longer applies"]);
  });

  it("warns when an applied exemption is close to expiry", () => {
    const v = evaluatePolicies([policy(ex())], est([probe(500)]), { today: "2026-12-14" });
    expect(v.exemptionNotes).toEqual(["exemption EX-1 (central.yaml:15:5) expires in 6 days (2026-12-20)"]);
    const last = evaluatePolicies([policy(ex())], est([probe(500)]), { today: "2026-12-20" });
    expect(last.exemptionNotes).toEqual(["exemption EX-1 (central.yaml:15:5) expires today (2026-12-20)"]);
  });

  it("an unused exemption is reported", () => {
    const v = evaluatePolicies([policy(ex({ address: "other-stack/*" }))], est([probe(500)]), { today: "2026-11-23" });
    expect(v.status).toBe("fail");
    expect(v.exemptionNotes).toEqual([
      "exemption EX-1 (central.yaml:15:5) is unused: no finding of rule CG-GPU-001 matches `other-stack/*`; remove it if it is no longer needed",
    ]);
  });

  it("a monthly cost bound: applies at or under it, not over it", () => {
    const within = evaluatePolicies([policy(ex({ maxMonthlyCost: 9000 }))], est([probe(900)]), { today: "2026-11-23" });
    expect(within.waived.map((f) => f.ruleId)).toEqual(["CG-GPU-001"]);
    const over = evaluatePolicies([policy(ex({ maxMonthlyCost: 9000 }))], est([probe(9400)]), { today: "2026-11-23" });
    expect(over.findings.map((f) => f.ruleId)).toContain("CG-GPU-001");
    expect(over.exemptionNotes).toEqual([
      "exemption EX-1 (central.yaml:15:5) does not cover staging-ml-bench/aws_instance.h100_probe: it costs $9,400/month, over the exemption's $9,000/month bound",
    ]);
  });

  it("cannot waive a rule marked exemptible: false", () => {
    const v = evaluatePolicies([policy(ex(), "    exemptible: false\n")], est([probe(500)]), { today: "2026-11-23" });
    expect(v.status).toBe("fail");
    expect(v.exemptionNotes).toEqual(["exemption EX-1 (central.yaml:16:5) cannot apply: rule CG-GPU-001 is not exemptible"]);
  });

  it("matches a bare address and group labels for group findings", () => {
    const bare = evaluatePolicies([policy(ex({ address: "aws_instance.h100_probe" }))], est([probe(500)]), { today: "2026-11-23" });
    expect(bare.waived).toHaveLength(1);
    const budgetEx = ex({ id: "EX-2", rule: "CG-BUD-001", address: "stack:staging-ml-*" });
    const v = evaluatePolicies([policy(budgetEx)], est([res("aws_instance.a", { stack: "staging-ml-bench", monthlyCost: 5000 })]), { today: "2026-11-23" });
    expect(v.status).toBe("pass");
    expect(v.waived[0]).toMatchObject({ ruleId: "CG-BUD-001", group: "stack:staging-ml-bench" });
  });

  it("an exemption of a rule no policy defines is reported and does nothing", () => {
    const v = evaluatePolicies([policy(ex({ rule: "CG-NOPE-001" }))], est([probe(500)]), { today: "2026-11-23" });
    expect(v.exemptionNotes).toEqual(["exemption EX-1 (central.yaml:15:5) names rule CG-NOPE-001, which no loaded policy defines; it does not apply"]);
  });
});
