import { describe, expect, it } from "vitest";
import { evaluatePolicies } from "../../../src/policy/evaluate-policies.js";
import { est, gpu, rule } from "../build-estimate.js";

const endpoint = (address: string, facts: object, env = "dev") => gpu(address, "ml.g5.xlarge", 1, { env, facts: { workload: "inference", ...facts } });

describe("inference-scaling", () => {
  it("non-prod must scale to zero", () => {
    const p = rule(`{kind: inference-scaling, require: scale-to-zero}`, "scope: {environments: [dev, staging]}");
    const v = evaluatePolicies(
      [p],
      est([
        endpoint("aws_sagemaker_endpoint.always_on", { minCapacity: 1, scalesToZero: false }),
        endpoint("aws_sagemaker_endpoint.zero", { minCapacity: 0, scalesToZero: true }),
        endpoint("aws_sagemaker_endpoint.prod", { minCapacity: 2, scalesToZero: false }, "prod"),
        gpu("aws_instance.training", "p4d.24xlarge", 8, { env: "dev", facts: { workload: "training" } }),
      ]),
    );
    expect(v.findings.map((f) => f.address)).toEqual(["aws_sagemaker_endpoint.always_on"]);
  });

  it("scale-down accepts a scheduled scale-down; maxMinCapacity caps the minimum (instance count when no minimum)", () => {
    const p = rule(`{kind: inference-scaling, require: scale-down, maxMinCapacity: 1}`);
    const v = evaluatePolicies(
      [p],
      est([
        endpoint("aws_sagemaker_endpoint.sched", { minCapacity: 1, scaleDownScheduled: true }),
        endpoint("aws_sagemaker_endpoint.big", { instanceCount: 3, scaleDownScheduled: true }),
        endpoint("aws_sagemaker_endpoint.flat", { minCapacity: 1 }),
        endpoint("aws_sagemaker_endpoint.unknown", { minCapacity: null, instanceCount: null, scalesToZero: true }),
      ]),
    );
    expect(v.findings.map((f) => [f.address, f.message, f.unknown ?? false])).toEqual([
      ["aws_sagemaker_endpoint.big", "minimum capacity 3 exceeds 1", false],
      ["aws_sagemaker_endpoint.flat", "neither scales to zero nor has a scheduled scale-down", false],
      ["aws_sagemaker_endpoint.unknown", "minimum capacity is unknown at synth; cap 1", true],
    ]);
  });
});

describe("inference-scaling: minimum capacity 0 counts as scaling to zero", () => {
  it("an autoscaling group with min_size 0 passes scale-to-zero", () => {
    const p = rule(`{kind: inference-scaling, require: scale-to-zero}`);
    expect(evaluatePolicies([p], est([endpoint("aws_autoscaling_group.a", { minCapacity: 0 })])).status).toBe("pass");
  });
});
