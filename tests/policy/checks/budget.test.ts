import { describe, expect, it } from "vitest";
import { evaluatePolicies } from "../../../src/policy/evaluate-policies.js";
import { est, res, rule } from "../build-estimate.js";

describe("budget", () => {
  it("total: passes at the limit, fails strictly above with the over-budget amount", () => {
    const p = rule(`{kind: budget, limit: 1000}`);
    expect(evaluatePolicies([p], est([res("aws_instance.a", { monthlyCost: 600 }), res("aws_instance.b", { monthlyCost: 400 })])).status).toBe("pass");
    const v = evaluatePolicies([p], est([res("aws_instance.a", { monthlyCost: 600 }), res("aws_instance.b", { monthlyCost: 400.5 })]));
    expect(v.status).toBe("fail");
    expect(v.findings[0]).toMatchObject({ group: "total", monthlyCost: 0.5, kind: "budget" });
    expect(v.findings[0]!.message).toBe("total costs $1,001/month, over its $1,000 budget by $0.50");
  });

  it("per stack, with per-stack limits (exact and glob)", () => {
    const p = rule(`{kind: budget, groupBy: stack, limit: 100, limits: {big: 1000, "ml-*": 500}}`);
    const v = evaluatePolicies(
      [p],
      est([
        res("aws_instance.a", { stack: "big", monthlyCost: 900 }),
        res("aws_instance.b", { stack: "ml-dev", monthlyCost: 600 }),
        res("aws_instance.c", { stack: "small", monthlyCost: 150 }),
      ]),
    );
    expect(v.findings.map((f) => [f.group, f.stack, f.monthlyCost])).toEqual([
      ["stack:ml-dev", "ml-dev", 100],
      ["stack:small", "small", 50],
    ]);
  });

  it("per tag value (team), untagged resources form their own group", () => {
    const p = rule(`{kind: budget, groupBy: "tag:team", limit: 100, limits: {research: 300}}`);
    const v = evaluatePolicies(
      [p],
      est([
        res("aws_instance.a", { tags: { team: "research" }, monthlyCost: 250 }),
        res("aws_instance.b", { tags: { team: "web" }, monthlyCost: 120 }),
        res("aws_instance.c", { monthlyCost: 101 }),
      ]),
    );
    expect(v.findings.map((f) => f.group)).toEqual(["tag:team=(untagged)", "tag:team=web"]);
  });

  it("on-demand cost basis counts spot at its on-demand price", () => {
    const r = res("aws_instance.spot", { monthlyCost: 300, monthlyCostOnDemand: 1000 });
    expect(evaluatePolicies([rule(`{kind: budget, limit: 500}`)], est([r])).status).toBe("pass");
    expect(evaluatePolicies([rule(`{kind: budget, limit: 500, costBasis: on-demand}`)], est([r])).status).toBe("fail");
  });

  it("fails closed when part of the group is unpriced and the priced part is within the limit", () => {
    const v = evaluatePolicies(
      [rule(`{kind: budget, limit: 1000}`)],
      est([
        res("aws_instance.a", { monthlyCost: 100 }),
        res("aws_sagemaker_endpoint.x", { status: "unpriced", notes: ["no price for ml.p6.48xlarge"], facts: { instanceTypes: ["ml.p6.48xlarge"], purchaseOption: "on-demand" } }),
      ]),
    );
    expect(v.status).toBe("fail");
    expect(v.findings[0]).toMatchObject({ unknown: true, group: "total" });
    expect(v.findings[0]!.message).toContain("cannot be shown to be within its $1,000 budget");
    expect(v.findings[0]!.message).toContain("app/aws_sagemaker_endpoint.x unpriced: no price for ml.p6.48xlarge");
  });

  it("unpriced resources that run no compute only warn (with the priced lower bound), unless the rule is strict", () => {
    const resources = () =>
      est([res("aws_instance.a", { monthlyCost: 100 }), res("aws_opensearch_domain.logs", { status: "unsupported" }), res("aws_s3_bucket.data", { status: "usage-based" })]);
    const lenient = evaluatePolicies([rule(`{kind: budget, limit: 1000}`)], resources());
    expect(lenient.status).toBe("advisory");
    expect(lenient.findings[0]).toMatchObject({ enforcement: "advisory", unknown: true });
    expect(lenient.findings[0]!.message).toContain("priced part $100.00/month (a lower bound)");
    expect(lenient.findings[0]!.message).toContain("none of them runs compute, so this only warns");
    const strict = evaluatePolicies([rule(`{kind: budget, limit: 1000, strict: true}`)], resources());
    expect(strict.status).toBe("fail");
    expect(strict.findings[0]!.enforcement).toBe("hard-mandatory");
  });

  it("an unpriced part does not hide a budget already broken by priced resources", () => {
    const v = evaluatePolicies([rule(`{kind: budget, limit: 10}`)], est([res("aws_instance.a", { monthlyCost: 100 }), res("aws_instance.u", { status: "unsupported" })]));
    expect(v.findings[0]!.unknown).toBeUndefined();
    expect(v.findings[0]!.message).toContain("(and 1 resource is not fully priced)");
  });

  it("increase-only (default): a group already over in the base fails only when the change increases it", () => {
    const p = rule(`{kind: budget, limit: 100}`);
    const base = est([res("aws_instance.a", { monthlyCost: 200 })]);
    expect(evaluatePolicies([p], est([res("aws_instance.a", { monthlyCost: 200 })]), { base }).status).toBe("pass");
    expect(evaluatePolicies([p], est([res("aws_instance.a", { monthlyCost: 150 })]), { base }).status).toBe("pass");
    expect(evaluatePolicies([p], est([res("aws_instance.a", { monthlyCost: 201 })]), { base }).status).toBe("fail");
    const always = rule(`{kind: budget, limit: 100, whenAlreadyOver: always}`);
    expect(evaluatePolicies([always], est([res("aws_instance.a", { monthlyCost: 150 })]), { base }).status).toBe("fail");
  });
});
