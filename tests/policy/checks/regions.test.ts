import { describe, expect, it } from "vitest";
import { evaluatePolicies } from "../../../src/policy/evaluate-policies.js";
import { est, res, rule } from "../build-estimate.js";

describe("regions", () => {
  it("allow list with globs and a deny list", () => {
    const p = rule(`{kind: regions, allow: [us-east-1, "eu-*"], deny: [eu-central-2]}`);
    const v = evaluatePolicies(
      [p],
      est([
        res("aws_instance.a", { region: "us-east-1" }),
        res("aws_instance.b", { region: "eu-west-1" }),
        res("aws_instance.c", { region: "ap-south-1" }),
        res("aws_instance.d", { region: "eu-central-2" }),
      ]),
    );
    expect(v.findings.map((f) => [f.address, f.message])).toEqual([
      ["aws_instance.c", "region ap-south-1 is not allowed; allowed: us-east-1, eu-*"],
      ["aws_instance.d", "region eu-central-2 is denied (matches `eu-central-2`)"],
    ]);
  });
});
