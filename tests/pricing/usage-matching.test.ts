import { describe, expect, it } from "vitest";
import { parseUsage } from "../../src/pricing/usage.js";
import { unmatchedUsageWarnings } from "../../src/pricing/usage-matching.js";
import { stackPlan } from "../helpers/stack-plan.js";

const plan = stackPlan(
  {
    aws_batch_compute_environment: { "training_compute-environment_2764374F": { compute_environment_name: "t", type: "MANAGED" } },
    aws_s3_bucket: { checkpoints_bucket_279DA654: { bucket: "b" } },
    aws_instance: { worker: { count: 2, instance_type: "g5.xlarge", ami: "ami-1" } },
  },
  { stack: "gpu-platform-dev" },
);

const usage = (body: string) => parseUsage(`version: "0.1"\nresource_usage:\n${body}`, "usage.yml");

describe("usage entries that match nothing", () => {
  it("warn with the nearest addresses, stack-qualified when the entry is", () => {
    const u = usage(["  gpu-platform-dev/aws_batch_compute_environment.training_compute-environment_2764374E:", "    gpu_hours: 200"].join("\n"));
    expect(unmatchedUsageWarnings(u, [plan])).toEqual([
      "usage.yml: resource_usage entry `gpu-platform-dev/aws_batch_compute_environment.training_compute-environment_2764374E` matches no resource, so its usage is not applied; nearest: `gpu-platform-dev/aws_batch_compute_environment.training_compute-environment_2764374F`",
    ]);
  });

  it("say nothing for entries that match, with or without the stack", () => {
    const u = usage(["  aws_s3_bucket.checkpoints_bucket_279DA654:", "    storage_gb: 5", "  gpu-platform-dev/aws_instance.worker:", "    monthly_hrs: 20"].join("\n"));
    expect(unmatchedUsageWarnings(u, [plan])).toEqual([]);
  });

  it("offer no suggestion when nothing is near", () => {
    const u = usage(["  aws_nat_gateway.egress:", "    monthly_data_processed_gb: 5"].join("\n"));
    expect(unmatchedUsageWarnings(u, [plan])).toEqual(["usage.yml: resource_usage entry `aws_nat_gateway.egress` matches no resource, so its usage is not applied"]);
  });

  it("at synth, only check the entries qualified with the stack being evaluated", () => {
    const u = usage(["  gpu-platform-prod/aws_s3_bucket.other:", "    storage_gb: 5", "  gpu-platform-dev/aws_s3_bucket.missing:", "    storage_gb: 5"].join("\n"));
    expect(unmatchedUsageWarnings(u, [plan], "gpu-platform-dev")).toHaveLength(1);
    expect(unmatchedUsageWarnings(u, [plan], "gpu-platform-dev")[0]).toContain("gpu-platform-dev/aws_s3_bucket.missing");
  });
});
