import { describe, expect, it } from "vitest";
import { parseUsage } from "../../../src/pricing/usage.js";
import { priceStack } from "../../helpers/stack-plan.js";
import { evaluatePolicies } from "../../../src/policy/evaluate-policies.js";
import { rule } from "../../policy/build-estimate.js";

const ce = (cr: Record<string, unknown>) => ({ aws_batch_compute_environment: { ce: { type: "MANAGED", compute_resources: { max_vcpus: 768, ...cr } } } });

describe("aws_batch_compute_environment", () => {
  it("prices min vCPUs as always-on instances (ceil(min / vCPUs per instance)) at spot for SPOT", async () => {
    const { res } = await priceStack(ce({ type: "SPOT", instance_type: ["p4d.24xlarge"], min_vcpus: 100 }));
    const c = res("aws_batch_compute_environment.ce").components[0]!;
    expect(c).toMatchObject({ purchaseOption: "spot", monthlyQuantity: 2 * 730 }); // 100 vCPUs / 96 per p4d → 2 instances
    expect(c.monthlyCost).toBe(21.957642 * 0.5 * 2 * 730);
  });

  it("scales to zero with min vCPUs 0: only usage-based job compute, priced from gpu_hours", async () => {
    const usage = parseUsage("resource_usage:\n  aws_batch_compute_environment.ce:\n    gpu_hours: 800\n", "u.yml");
    const { res } = await priceStack(ce({ type: "EC2", instance_type: ["p5.48xlarge"], min_vcpus: 0 }), { usage });
    const r = res("aws_batch_compute_environment.ce");
    expect(r.components).toHaveLength(1);
    expect(r.components[0]).toMatchObject({ usageKey: "gpu_hours", monthlyQuantity: 100, monthlyCost: 55.04 * 100 }); // 800 GPU-hours / 8 GPUs
    expect(r.facts).toMatchObject({ scalesToZero: true, workload: "training", purchaseOption: "on-demand" });
  });

  it("without usage the job compute is usage-based, not $0-priced", async () => {
    const { res } = await priceStack(ce({ type: "SPOT", instance_type: ["g5.xlarge"], min_vcpus: 0 }));
    expect(res("aws_batch_compute_environment.ce")).toMatchObject({ status: "usage-based", monthlyCost: 0 });
  });

  it("cannot price a family or optimal instance type", async () => {
    const { res } = await priceStack(ce({ type: "EC2", instance_type: ["optimal"], min_vcpus: 4 }));
    expect(res("aws_batch_compute_environment.ce").status).toBe("unpriced");
    expect(res("aws_batch_compute_environment.ce").notes[0]).toMatch(/family or "optimal"/);
  });

  it("reads checkpoint, retry and timeout facts from the stack's job definitions", async () => {
    const { res } = await priceStack({
      ...ce({ type: "SPOT", instance_type: ["g5.xlarge"], min_vcpus: 0 }),
      aws_batch_job_definition: {
        jd: {
          name: "train",
          type: "container",
          container_properties: JSON.stringify({ image: "x", environment: [{ name: "CHECKPOINT_URI", value: "s3://b/ckpt" }] }),
          retry_strategy: { attempts: 3 },
          timeout: { attempt_duration_seconds: 3600 },
        },
      },
    });
    expect(res("aws_batch_compute_environment.ce").facts).toMatchObject({ checkpointLocation: "s3://b/ckpt", retriesOnInterruption: true, maxRuntimeSeconds: 3600, purchaseOption: "spot" });
    expect(res("aws_batch_job_definition.jd").status).toBe("free");
  });
});

describe("aws_batch_job_definition", () => {
  it("reads CHECKPOINT_URI from container_properties that hold cdktf references", async () => {
    const { res } = await priceStack({
      aws_batch_job_definition: {
        jd: {
          type: "container",
          container_properties: JSON.stringify({ jobRoleArn: "${aws_iam_role.job.arn}", environment: [{ name: "CHECKPOINT_URI", value: "s3://${aws_s3_bucket.ckpt.bucket}/ckpt" }] }),
        },
      },
    });
    expect(res("aws_batch_job_definition.jd").facts.checkpointLocation).toBe("s3://${aws_s3_bucket.ckpt.bucket}/ckpt");
  });
});

describe("aws_batch_compute_environment: instance types for policies", () => {
  const env = (types: string[]) => ({ aws_batch_compute_environment: { ce: { compute_resources: [{ type: "SPOT", instance_type: types, min_vcpus: 0, max_vcpus: 64 }] } } });
  const judge = async (types: string[], check: string) => evaluatePolicies([rule(check)], (await priceStack(env(types))).estimate).findings;

  it("lists every entry: exact types, families (any size), optimal and expressions (the last two unknown)", async () => {
    const { res } = await priceStack(env(["g5.xlarge", "p5", "optimal", "${var.extra}"]));
    expect(res("aws_batch_compute_environment.ce").facts.instanceTypes).toEqual([
      "g5.xlarge",
      "${p5 family, size chosen by AWS Batch}",
      "${optimal (instance families chosen by AWS Batch)}",
      "${var.extra}",
    ]);
  });

  it("a family is matched as each of its sizes: denied when a deny entry matches one, allowed only when the allow list takes all", async () => {
    // It used to list only the exact types, and a deny on p5 passed. The snapshot's p5 sizes: p5.48xlarge, p5.4xlarge.
    const deny = async (entry: string) => (await judge(["g5.xlarge", "p5"], `{kind: instance-types, deny: ["${entry}"]}`)).map((f) => [f.message, f.unknown]);
    expect(await deny("p5")).toEqual([["p5 family (size chosen by AWS Batch) may launch p5.48xlarge, which is denied (matches `p5`) in prod", undefined]]);
    expect(await deny("p5.4xlarge")).toEqual([["p5 family (size chosen by AWS Batch) may launch p5.4xlarge, which is denied (matches `p5.4xlarge`) in prod", undefined]]);
    expect(await deny("*xlarge")).toEqual([["g5.xlarge is denied (matches `*xlarge`); p5 family (size chosen by AWS Batch) may launch p5.48xlarge, which is denied (matches `*xlarge`) in prod", undefined]]);
    for (const passing of ["p5e.48xlarge", "*.metal", "?5"]) expect(await deny(passing), passing).toEqual([]);
    const allow = async (entries: string) => (await judge(["g5"], `{kind: instance-types, allow: [${entries}]}`)).map((f) => f.message);
    for (const all of ["g5", "\"g5.*\"", "\"g*\""]) expect(await allow(all), all).toEqual([]);
    expect(await allow("g5.xlarge")).toEqual([expect.stringMatching(/^g5 family \(size chosen by AWS Batch\) may launch g5\.\d+xlarge, .*not in the allowed list \(g5\.xlarge\) in prod$/)]);
    expect(await allow("\"?5\"")).toHaveLength(1);
  });

  it("a family the snapshot knows no sizes of is unknown", async () => {
    const v = await judge(["zz9"], "{kind: instance-types, deny: [p5]}");
    expect(v.map((f) => [f.unknown, f.message])).toEqual([[true, "instance type is unknown at synth (`${zz9 family, size chosen by AWS Batch}`), so it cannot be checked"]]);
  });

  it("optimal or an expression beside them stays unknown (fails closed), naming what it cannot read", async () => {
    const v = await judge(["g5.xlarge", "p5", "optimal", "${var.extra}"], "{kind: instance-types, deny: [p4d]}");
    expect(v).toEqual([expect.objectContaining({ address: "aws_batch_compute_environment.ce", unknown: true })]);
    expect(v[0]!.message).toBe("instance types are unknown at synth (`${optimal (instance families chosen by AWS Batch)}`, `${var.extra}`), so they cannot be checked");
  });
});
