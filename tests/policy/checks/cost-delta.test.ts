import { describe, expect, it } from "vitest";
import { evaluatePolicies } from "../../../src/policy/evaluate-policies.js";
import { est, res, rule } from "../build-estimate.js";

const base30k = est([res("aws_instance.a", { monthlyCost: 30_000 })], "base");
const head = (extra: number, o = {}) => est([res("aws_instance.a", { monthlyCost: 30_000 }), res("aws_instance.b", { monthlyCost: extra, ...o })]);

describe("cost-delta", () => {
  it("absolute cap: strictly greater fails, equal passes; the finding carries the delta", () => {
    const p = rule(`{kind: cost-delta, maxIncrease: {absolute: 1000}}`);
    expect(evaluatePolicies([p], head(1000), { base: base30k }).status).toBe("pass");
    const v = evaluatePolicies([p], head(1000.01), { base: base30k });
    expect(v.status).toBe("fail");
    expect(v.findings[0]!.monthlyCost).toBeCloseTo(1000.01, 6);
    expect(v.findings[0]!.message).toMatch(/^total changes by \+\$1,000\/month \(\+3\.3%\), \$30,000 → \$31,000; cap \+\$1,000$/);
  });

  it("percent cap", () => {
    const p = rule(`{kind: cost-delta, maxIncrease: {percent: 10}}`);
    expect(evaluatePolicies([p], head(3000), { base: base30k }).status).toBe("pass");
    expect(evaluatePolicies([p], head(3001), { base: base30k }).status).toBe("fail");
  });

  it("combine any fails on either cap; combine all needs both", () => {
    const any = rule(`{kind: cost-delta, maxIncrease: {absolute: 10000, percent: 25}, combine: any}`);
    const all = rule(`{kind: cost-delta, maxIncrease: {absolute: 10000, percent: 25}, combine: all}`);
    // +9,000 = +30%: percent exceeded only.
    expect(evaluatePolicies([any], head(9000), { base: base30k }).status).toBe("fail");
    expect(evaluatePolicies([all], head(9000), { base: base30k }).status).toBe("pass");
    // +12,000 = +40%: both.
    expect(evaluatePolicies([all], head(12_000), { base: base30k }).status).toBe("fail");
  });

  it("decreases never fail", () => {
    const p = rule(`{kind: cost-delta, maxIncrease: {absolute: 0, percent: 0}, combine: any}`);
    expect(evaluatePolicies([p], est([res("aws_instance.a", { monthlyCost: 10 })]), { base: base30k }).status).toBe("pass");
  });

  it("base $0: percent is skipped and the absolute cap decides; a percent-only rule passes", () => {
    const empty = est([], "base");
    const all = rule(`{kind: cost-delta, maxIncrease: {absolute: 10000, percent: 25}, combine: all}`);
    const v = evaluatePolicies([all], est([res("aws_instance.b", { monthlyCost: 12_000 })]), { base: empty });
    expect(v.status).toBe("fail");
    expect(v.findings[0]!.message).toContain("(from $0)");
    expect(evaluatePolicies([rule(`{kind: cost-delta, maxIncrease: {percent: 1}}`)], est([res("aws_instance.b", { monthlyCost: 12_000 })]), { base: empty }).status).toBe("pass");
  });

  it("per stack", () => {
    const p = rule(`{kind: cost-delta, groupBy: stack, maxIncrease: {absolute: 100}}`);
    const base = est([res("aws_instance.a", { stack: "s1", monthlyCost: 100 }), res("aws_instance.b", { stack: "s2", monthlyCost: 100 })]);
    const h = est([res("aws_instance.a", { stack: "s1", monthlyCost: 300 }), res("aws_instance.b", { stack: "s2", monthlyCost: 150 })]);
    const v = evaluatePolicies([p], h, { base });
    expect(v.findings.map((f) => [f.group, f.stack])).toEqual([["stack:s1", "s1"]]);
  });

  it("is skipped with a note when no base is given", () => {
    const v = evaluatePolicies([rule(`{kind: cost-delta, maxIncrease: {absolute: 1}}`)], head(5000));
    expect(v.status).toBe("pass");
    expect(v.notes).toContain("rule R-1 (cost-delta) was not evaluated: it compares with a base estimate (pass --base)");
  });

  it("a changed resource that is not fully priced makes the delta unknown (fail closed)", () => {
    const p = rule(`{kind: cost-delta, maxIncrease: {absolute: 1000}}`);
    const v = evaluatePolicies([p], head(10, { status: "unpriced" }), { base: base30k });
    expect(v.status).toBe("fail");
    expect(v.findings[0]).toMatchObject({ unknown: true });
    // An unpriced resource present unchanged in base and head does not affect the delta.
    const u = res("aws_instance.u", { status: "unsupported" });
    const same = evaluatePolicies([p], est([res("aws_instance.a", { monthlyCost: 30_000 }), u]), { base: est([res("aws_instance.a", { monthlyCost: 30_000 }), u]) });
    expect(same.status).toBe("pass");
  });
});
