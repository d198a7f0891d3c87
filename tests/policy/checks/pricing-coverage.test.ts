import { describe, expect, it } from "vitest";
import type { ComponentEstimate } from "../../../src/pricing/estimate.js";
import { evaluatePolicies } from "../../../src/policy/evaluate-policies.js";
import { est, gpu, res, rule } from "../build-estimate.js";

const component = (name: string, priceKey: string | null, unit: string, unpricedReason?: string): ComponentEstimate => ({
  name,
  unit,
  monthlyQuantity: 730,
  quantitySource: "plan",
  purchaseOption: "on-demand",
  priceKey,
  unitPrice: unpricedReason ? null : 1,
  monthlyCost: unpricedReason ? null : 730,
  ...(unpricedReason ? { unpricedReason } : {}),
});

describe("pricing-coverage", () => {
  const resources = () => [
    gpu("aws_sagemaker_endpoint.new_gpu", "ml.p6-b200.48xlarge", 8, {
      status: "unpriced",
      notes: ["no list price for ml.p6-b200.48xlarge"],
      components: [component("Hosting instances (ml.p6-b200.48xlarge)", "sagemaker-instance|us-east-1|ml.p6-b200.48xlarge|Hosting", "hours", "no list price for ml.p6-b200.48xlarge")],
    }),
    gpu("aws_instance.gpu_box", "g5.xlarge", 1, {
      status: "partial",
      notes: ["Root volume: no EBS gp2 price for us-west-2"],
      components: [component("Instance usage (g5.xlarge)", "ec2-instance|us-west-2|g5.xlarge", "hours"), component("Root volume", "ebs-storage|us-west-2|gp2", "GB-months", "no EBS gp2 price for us-west-2")],
    }),
    res("aws_sagemaker_endpoint.unknown_type", {
      status: "unpriced",
      facts: { purchaseOption: "on-demand" },
      components: [component("Hosting instances (unknown type)", null, "hours", "instance type is an expression")],
    }),
    res("aws_fsx_lustre_file_system.f", { status: "unsupported" }),
    res("aws_sagemaker_hyperpod_cluster.c", { status: "unsupported", attributes: { instance_group: [{ instance_type: "ml.p5.48xlarge" }] } }),
    res("aws_s3_bucket.b", { status: "usage-based" }),
    res("aws_instance.ok", { monthlyCost: 10 }),
  ];

  it("unpriced, partial and unsupported resources fail; usage-based passes by default", () => {
    const v = evaluatePolicies([rule(`{kind: pricing-coverage}`)], est(resources()));
    expect(v.status).toBe("fail");
    expect(v.findings.map((f) => f.address)).toEqual([
      "aws_fsx_lustre_file_system.f",
      "aws_instance.gpu_box",
      "aws_sagemaker_endpoint.new_gpu",
      "aws_sagemaker_endpoint.unknown_type",
      "aws_sagemaker_hyperpod_cluster.c",
    ]);
    expect(v.findings.find((f) => f.address === "aws_sagemaker_endpoint.new_gpu")!.message).toBe("not fully priced (unpriced: no list price for ml.p6-b200.48xlarge)");
    const strict = evaluatePolicies([rule(`{kind: pricing-coverage, allowUsageBased: false}`)], est(resources()));
    expect(strict.findings.map((f) => f.address)).toContain("aws_s3_bucket.b");
  });

  it("gpuOnly fails when GPU compute is unpriced (not for an unpriced root volume), and for unsupported types naming a GPU type", () => {
    const v = evaluatePolicies([rule(`{kind: pricing-coverage, gpuOnly: true}`)], est(resources()));
    expect(v.findings.map((f) => [f.address, f.message])).toEqual([
      ["aws_sagemaker_endpoint.new_gpu", "GPU cost is not priced (Hosting instances (ml.p6-b200.48xlarge): no list price for ml.p6-b200.48xlarge)"],
      ["aws_sagemaker_endpoint.unknown_type", "GPU cost is not priced (Hosting instances (unknown type): instance type is an expression)"],
      ["aws_sagemaker_hyperpod_cluster.c", "GPU cost is not priced (unsupported resource type with accelerated instance type ml.p5.48xlarge; costgate cannot price it)"],
    ]);
  });
});
