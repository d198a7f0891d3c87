import { describe, expect, it } from "vitest";
import { instanceTypeMatches } from "../../../src/policy/checks/instance-types.js";
import { evaluatePolicies } from "../../../src/policy/evaluate-policies.js";
import { est, gpu, res, rule } from "../build-estimate.js";

describe("instance-types", () => {
  it("matches globs, families and the ml. prefix", () => {
    expect(instanceTypeMatches("p5*", "p5e.48xlarge")).toBe(true);
    expect(instanceTypeMatches("p5", "p5.48xlarge")).toBe(true);
    expect(instanceTypeMatches("p5", "p5e.48xlarge")).toBe(false);
    expect(instanceTypeMatches("p5.*", "ml.p5.48xlarge")).toBe(true);
    expect(instanceTypeMatches("g6e.?xlarge", "g6e.2xlarge")).toBe(true);
    expect(instanceTypeMatches("g6e.?xlarge", "g6e.12xlarge")).toBe(false);
  });

  it("deny wins over allow", () => {
    const p = rule(`{kind: instance-types, allow: ["p5*", "g6e.*"], deny: ["p5e*"]}`);
    const v = evaluatePolicies([p], est([gpu("aws_instance.a", "p5e.48xlarge", 8, { env: "dev" }), gpu("aws_instance.b", "p5.48xlarge", 8)]));
    expect(v.findings.map((f) => [f.address, f.message])).toEqual([["aws_instance.a", "p5e.48xlarge is denied (matches `p5e*`) in dev"]]);
  });

  it("allow list: anything not matched fails", () => {
    const v = evaluatePolicies([rule(`{kind: instance-types, allow: [g6e, g6]}`)], est([gpu("aws_sagemaker_endpoint.e", "ml.g5.xlarge", 1)]));
    expect(v.findings[0]!.message).toBe("ml.g5.xlarge is not in the allowed list (g6e, g6) in prod");
  });

  it("per environment through the scope: no p5 in dev", () => {
    const p = rule(`{kind: instance-types, deny: [p5]}`, "scope: {environments: [dev]}");
    const v = evaluatePolicies([p], est([gpu("aws_instance.dev", "p5.48xlarge", 8, { env: "dev" }), gpu("aws_instance.prod", "p5.48xlarge", 8, { env: "prod" })]));
    expect(v.findings.map((f) => f.address)).toEqual(["aws_instance.dev"]);
  });

  it("compute whose type is unresolved is unknown; non-compute is not checked", () => {
    const p = rule(`{kind: instance-types, deny: [p5]}`);
    const v = evaluatePolicies([p], est([res("aws_sagemaker_training_job.t", { facts: { purchaseOption: "spot" } }), res("aws_s3_bucket.b")]));
    expect(v.findings).toHaveLength(1);
    expect(v.findings[0]).toMatchObject({ address: "aws_sagemaker_training_job.t", unknown: true, enforcement: "hard-mandatory" });
    expect(v.findings[0]!.message).toContain("unknown at synth");
  });
});
