import { describe, expect, it } from "vitest";
import { evaluatePolicies } from "../../../src/policy/evaluate-policies.js";
import { est, gpu, rule } from "../build-estimate.js";

const job = (address: string, facts: object) => gpu(address, "ml.p4d.24xlarge", 8, { facts: { workload: "training", ...facts } });

describe("training-limits", () => {
  it("max runtime: over the cap fails, not set fails, resources that cannot carry one are skipped", () => {
    const p = rule(`{kind: training-limits, maxRuntime: 72h}`);
    const v = evaluatePolicies(
      [p],
      est([
        job("aws_sagemaker_training_job.ok", { maxRuntimeSeconds: 72 * 3600 }),
        job("aws_sagemaker_training_job.long", { maxRuntimeSeconds: 4 * 86400 }),
        job("aws_sagemaker_training_job.none", { maxRuntimeSeconds: null }),
        job("aws_instance.box", {}),
      ]),
    );
    expect(v.findings.map((f) => [f.address, f.message])).toEqual([
      ["aws_sagemaker_training_job.long", "max runtime 4d exceeds the 72h cap"],
      ["aws_sagemaker_training_job.none", "no max runtime is set (cap 72h)"],
    ]);
  });

  it("max wait applies to spot jobs", () => {
    const p = rule(`{kind: training-limits, maxWait: 96h}`);
    const v = evaluatePolicies(
      [p],
      est([
        job("aws_sagemaker_training_job.a", { purchaseOption: "spot", maxRuntimeSeconds: 3600, maxWaitSeconds: 5 * 86400 }),
        job("aws_sagemaker_training_job.b", { purchaseOption: "spot", maxRuntimeSeconds: 3600, maxWaitSeconds: null }),
        job("aws_sagemaker_training_job.c", { purchaseOption: "on-demand", maxRuntimeSeconds: 3600 }),
      ]),
    );
    expect(v.findings.map((f) => [f.address, f.message])).toEqual([
      ["aws_sagemaker_training_job.a", "max wait 5d exceeds the 96h cap"],
      ["aws_sagemaker_training_job.b", "spot training has no max wait (cap 96h)"],
    ]);
  });
});
