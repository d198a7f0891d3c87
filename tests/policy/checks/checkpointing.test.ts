import { describe, expect, it } from "vitest";
import { evaluatePolicies } from "../../../src/policy/evaluate-policies.js";
import { est, gpu, rule } from "../build-estimate.js";

const job = (address: string, facts: object) => gpu(address, "ml.p4d.24xlarge", 8, { facts: { workload: "training", ...facts } });

describe("checkpointing", () => {
  it("spot training needs a checkpoint location; on-demand is not checked by default", () => {
    const p = rule(`{kind: checkpointing}`);
    const v = evaluatePolicies(
      [p],
      est([
        job("aws_sagemaker_training_job.nockpt", { purchaseOption: "spot" }),
        job("aws_sagemaker_training_job.ok", { purchaseOption: "spot", checkpointLocation: "s3://b/ckpt" }),
        job("aws_sagemaker_training_job.od", { purchaseOption: "on-demand" }),
      ]),
    );
    expect(v.findings.map((f) => f.address)).toEqual(["aws_sagemaker_training_job.nockpt"]);
    expect(v.findings[0]!.message).toContain("spot capacity has no checkpoint location");
  });

  it("when: always checks on-demand too; locationPattern constrains the location", () => {
    const p = rule(`{kind: checkpointing, when: always, locationPattern: '^s3://'}`);
    const v = evaluatePolicies([p], est([job("aws_instance.a", { purchaseOption: "on-demand" }), job("aws_instance.b", { purchaseOption: "spot", checkpointLocation: "/tmp/ckpt" })]));
    expect(v.findings.map((f) => [f.address, f.message])).toEqual([
      ["aws_instance.a", "training has no checkpoint location; an interrupted job restarts from scratch (set checkpoint_config.s3_uri, CHECKPOINT_URI or the checkpoint-uri tag)"],
      ["aws_instance.b", "checkpoint location /tmp/ckpt does not match /^s3:///"],
    ]);
  });

  it("an unresolved location is unknown", () => {
    const v = evaluatePolicies([rule(`{kind: checkpointing}`)], est([job("aws_instance.a", { purchaseOption: "spot", checkpointLocation: "${aws_s3_bucket.b.id}" })]));
    expect(v.findings[0]).toMatchObject({ unknown: true });
  });
});
