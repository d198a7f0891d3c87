import { describe, expect, it } from "vitest";
import { evaluatePolicies } from "../../../src/policy/evaluate-policies.js";
import { est, res, rule } from "../build-estimate.js";

describe("resource-cost", () => {
  it("hourly rate is monthly ÷ 730 for the whole resource; above the cap fails", () => {
    const p = rule(`{kind: resource-cost, maxHourly: 40}`);
    expect(evaluatePolicies([p], est([res("aws_instance.a", { monthlyCost: 40 * 730 })])).status).toBe("pass");
    const v = evaluatePolicies([p], est([res("aws_instance.a", { monthlyCost: 41 * 730 })]));
    expect(v.findings[0]!.message).toBe("$41.00/hour exceeds the $40.00/hour cap");
    expect(v.findings[0]!.monthlyCost).toBeCloseTo(730, 6);
  });

  it("monthly cap", () => {
    const v = evaluatePolicies([rule(`{kind: resource-cost, maxMonthly: 5000}`)], est([res("aws_instance.a", { monthlyCost: 5000 }), res("aws_instance.b", { monthlyCost: 7500 })]));
    expect(v.findings.map((f) => [f.address, f.monthlyCost])).toEqual([["aws_instance.b", 2500]]);
  });

  it("an unpriced resource under the cap is unknown; free resources are not", () => {
    const p = rule(`{kind: resource-cost, maxMonthly: 5000}`);
    const v = evaluatePolicies([p], est([res("aws_instance.u", { status: "partial", monthlyCost: 10, notes: ["EBS: no price"] }), res("aws_iam_role.r", { status: "free" })]));
    expect(v.findings).toHaveLength(1);
    expect(v.findings[0]).toMatchObject({ address: "aws_instance.u", unknown: true });
  });
});
