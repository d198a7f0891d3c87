import { describe, expect, it } from "vitest";
import { evaluatePolicies } from "../../../src/policy/evaluate-policies.js";
import { est, res, rule } from "../build-estimate.js";

const policy = rule(`
      kind: required-tags
      keys:
        team: {}
        environment: {values: [dev, staging, prod]}
        cost-center: {pattern: '^CC-[0-9]{4}$'}
        owner: {caseSensitive: false}`);

const good = { team: "ml", environment: "dev", "cost-center": "CC-1234", owner: "@ml" };

describe("required-tags", () => {
  it("passes a resource with every tag right", () => {
    const v = evaluatePolicies([policy], est([res("aws_instance.a", { tags: good, monthlyCost: 10 })]));
    expect(v.status).toBe("pass");
    expect(v.findings).toEqual([]);
  });

  it("names each missing tag, bad value, pattern mismatch and wrong key case in one finding", () => {
    const v = evaluatePolicies([policy], est([res("aws_instance.a", { tags: { Team: "ml", environment: "qa", "cost-center": "1234" }, monthlyCost: 10 })]));
    expect(v.status).toBe("fail");
    expect(v.findings).toHaveLength(1);
    const f = v.findings[0]!;
    expect(f).toMatchObject({ ruleId: "R-1", address: "aws_instance.a", stack: "app", enforcement: "hard-mandatory", kind: "required-tags" });
    expect(f.message).toContain("tag `Team` has the wrong case; expected `team`");
    expect(f.message).toContain("tag environment=`qa` is not one of dev, staging, prod");
    expect(f.message).toContain("cost-center=`1234` does not match");
    expect(f.message).toContain("missing tag `owner`");
  });

  it("accepts any key case and value case when caseSensitive is false", () => {
    const { owner: _owner, ...rest } = good;
    const v = evaluatePolicies([policy], est([res("aws_instance.a", { tags: { ...rest, OWNER: "x" } })]));
    expect(v.findings).toEqual([]);
    const strict = rule(`{kind: required-tags, keys: {owner: {values: [x]}}}`);
    expect(evaluatePolicies([strict], est([res("aws_instance.a", { tags: { OWNER: "x" } })])).findings[0]!.message).toContain("wrong case");
    const loose = rule(`{kind: required-tags, keys: {owner: {values: [x], caseSensitive: false}}}`);
    expect(evaluatePolicies([loose], est([res("aws_instance.a", { tags: { OWNER: "X" } })])).findings).toEqual([]);
  });

  it("treats an unresolved tag value as unknown: fails closed by default, ignorable with onUnknown", () => {
    const r = res("aws_instance.a", { tags: { team: "ml", "cost-center": "CC-0001", owner: "me" }, unknownTags: ["environment"] });
    const v = evaluatePolicies([policy], est([r]));
    expect(v.status).toBe("fail");
    expect(v.findings[0]).toMatchObject({ unknown: true });
    expect(v.findings[0]!.message).toContain("unknown until apply");
    const lenient = rule(`{kind: required-tags, keys: {environment: {values: [dev]}}}`, "onUnknown: ignore");
    expect(evaluatePolicies([lenient], est([r])).status).toBe("pass");
    const warn = rule(`{kind: required-tags, keys: {environment: {values: [dev]}}}`, "onUnknown: advisory");
    expect(evaluatePolicies([warn], est([r])).status).toBe("advisory");
  });

  it("an unresolved value still counts as present for a key without constraints", () => {
    const r = res("aws_instance.a", { unknownTags: ["team"] });
    expect(evaluatePolicies([rule(`{kind: required-tags, keys: {team: }}`)], est([r])).status).toBe("pass");
  });

  it("flags an empty value", () => {
    const v = evaluatePolicies([rule(`{kind: required-tags, keys: {team: }}`)], est([res("aws_instance.a", { tags: { team: " " } })]));
    expect(v.findings[0]!.message).toBe("tag `team` is empty");
  });
});
