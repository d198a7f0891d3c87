import { describe, expect, it } from "vitest";
import { evaluatePolicies } from "../../../src/policy/evaluate-policies.js";
import { est, gpu, res, rule } from "../build-estimate.js";

describe("gpu-count", () => {
  it("per resource: GPUs per instance × instances, strictly above the cap fails", () => {
    const p = rule(`{kind: gpu-count, maxPerResource: 8}`);
    expect(evaluatePolicies([p], est([gpu("aws_instance.a", "p5.48xlarge", 8)])).status).toBe("pass");
    const v = evaluatePolicies([p], est([gpu("aws_instance.a", "p5.48xlarge", 8, { instances: 2 })]));
    expect(v.findings[0]!.message).toBe("16 GPUs (8 × 2 p5.48xlarge) exceeds the cap of 8 per resource");
  });

  it("total per stack", () => {
    const p = rule(`{kind: gpu-count, maxTotal: 16, groupBy: stack}`);
    const v = evaluatePolicies(
      [p],
      est([
        gpu("aws_instance.a", "p5.48xlarge", 8, { stack: "s1", instances: 2 }),
        gpu("aws_instance.b", "g5.xlarge", 1, { stack: "s2", instances: 4 }),
        gpu("aws_instance.c", "p5.48xlarge", 8, { stack: "s2", instances: 2 }),
      ]),
    );
    expect(v.findings.map((f) => [f.group, f.message])).toEqual([["stack:s2", "stack:s2 has 20 GPUs, over the cap of 16"]]);
  });

  it("unknown instance count is unknown; resources without compute count 0", () => {
    const p = rule(`{kind: gpu-count, maxPerResource: 8, maxTotal: 100}`);
    const v = evaluatePolicies([p], est([gpu("aws_autoscaling_group.a", "p5.48xlarge", 8, { facts: { instanceCount: null } }), res("aws_s3_bucket.b")]));
    expect(v.findings.map((f) => [f.address ?? f.group, f.unknown])).toEqual([
      ["total", true],
      ["aws_autoscaling_group.a", true],
    ]);
  });
});
