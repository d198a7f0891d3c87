import { describe, expect, it } from "vitest";
import { evaluatePolicies } from "../../../src/policy/evaluate-policies.js";
import { est, gpu, res, rule } from "../build-estimate.js";

describe("purchase-option", () => {
  const training = { workload: "training" as const };
  it("training must use spot: on-demand and mixed fail, spot passes, non-compute is skipped", () => {
    const p = rule(`{kind: purchase-option, require: spot}`, "scope: {workloads: [training]}");
    const v = evaluatePolicies(
      [p],
      est([
        gpu("aws_instance.od", "p4d.24xlarge", 8, { facts: { ...training, purchaseOption: "on-demand" } }),
        gpu("aws_instance.spot", "p4d.24xlarge", 8, { facts: { ...training, purchaseOption: "spot" } }),
        gpu("aws_autoscaling_group.mix", "p4d.24xlarge", 8, { facts: { ...training, purchaseOption: "mixed" } }),
        gpu("aws_instance.infer", "g5.xlarge", 1, { facts: { workload: "inference", purchaseOption: "on-demand" } }),
        res("aws_batch_job_definition.j", { facts: training }),
      ]),
    );
    expect(v.findings.map((f) => f.address)).toEqual(["aws_autoscaling_group.mix", "aws_instance.od"]);
    expect(v.findings.find((f) => f.address === "aws_instance.od")!.message).toContain("runs on-demand capacity; spot is required");
  });

  it("allowMixed accepts mixed capacity", () => {
    const p = rule(`{kind: purchase-option, require: spot, allowMixed: true}`);
    expect(evaluatePolicies([p], est([gpu("aws_autoscaling_group.mix", "g5.xlarge", 1, { facts: { purchaseOption: "mixed" } })])).status).toBe("pass");
  });
});
