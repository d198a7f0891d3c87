import { afterEach, describe, expect, test } from "vitest";
import { GpuTrainingCluster, type GpuTrainingClusterProps } from "../../constructs/training/gpu-training-cluster.js";
import { CostTags } from "../../constructs/tags/cost-tags.js";
import { GOOD_TAGS, errors, only, resourcesOf, synth, testApp, type TestApp } from "./synth-helpers.js";

const BASE: GpuTrainingClusterProps = {
  instanceTypes: ["g5.12xlarge"],
  maxVcpus: 96,
  subnetIds: ["subnet-a", "subnet-b"],
  securityGroupIds: ["sg-1"],
  image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/train:1",
};

let t: TestApp;
afterEach(() => t?.cleanup());

function cluster(props: Partial<GpuTrainingClusterProps> = {}) {
  t = testApp();
  const stack = t.stack("dev");
  CostTags.of(stack).set(GOOD_TAGS);
  const c = new GpuTrainingCluster(stack, "training", { ...BASE, ...props });
  return { stack, cluster: c };
}

function containerProperties(json: ReturnType<typeof synth>) {
  return JSON.parse(only(json, "aws_batch_job_definition").container_properties as string) as {
    environment: { name: string; value: string }[];
    resourceRequirements: { type: string; value: string }[];
    jobRoleArn: string;
  };
}

describe("GpuTrainingCluster defaults", () => {
  test("spot capacity, price-capacity-optimized allocation, scales to zero", () => {
    const { stack } = cluster();
    const ce = only(synth(stack), "aws_batch_compute_environment");
    expect(ce.type).toBe("MANAGED");
    const cr = ce.compute_resources as Record<string, unknown>;
    expect(cr.type).toBe("SPOT");
    expect(cr.allocation_strategy).toBe("SPOT_PRICE_CAPACITY_OPTIMIZED");
    expect(cr.min_vcpus).toBe(0);
    expect(cr.max_vcpus).toBe(96);
    expect(cr.instance_type).toEqual(["g5.12xlarge"]);
    expect(cr.bid_percentage).toBeUndefined();
    expect(errors(stack)).toEqual([]);
  });

  test("job definition retries spot host loss only and bounds each attempt", () => {
    const { stack } = cluster();
    const jd = only(synth(stack), "aws_batch_job_definition");
    expect(jd.retry_strategy).toEqual({
      attempts: 5,
      evaluate_on_exit: [
        { action: "RETRY", on_status_reason: "Host EC2*" },
        { action: "EXIT", on_reason: "*" },
      ],
    });
    expect(jd.timeout).toEqual({ attempt_duration_seconds: 86_400 });
    expect(jd.propagate_tags).toBe(true);
  });

  test("job queue feeds the compute environment", () => {
    const { stack } = cluster();
    const json = synth(stack);
    const [ceId] = Object.keys(resourcesOf(json, "aws_batch_compute_environment"));
    expect(only(json, "aws_batch_job_queue").compute_environment_order).toEqual([
      { compute_environment: `\${aws_batch_compute_environment.${ceId}.arn}`, order: 1 },
    ]);
  });

  test("job resources default to the whole first instance type", () => {
    const { stack } = cluster();
    const req = containerProperties(synth(stack)).resourceRequirements;
    // g5.12xlarge: 48 vCPUs, 192 GiB, 4 GPUs (memory leaves 10% for the ECS agent and OS).
    expect(req).toEqual([
      { type: "VCPU", value: "48" },
      { type: "MEMORY", value: String(Math.floor(192 * 1024 * 0.9)) },
      { type: "GPU", value: "4" },
    ]);
  });
});

describe("GpuTrainingCluster checkpoint bucket", () => {
  test("is encrypted, private, expires old checkpoints and is passed as CHECKPOINT_URI", () => {
    const { stack, cluster: c } = cluster({ checkpoints: { expireAfterDays: 14, prefix: "runs" } });
    const json = synth(stack);
    const [bucketId] = Object.keys(resourcesOf(json, "aws_s3_bucket"));
    const bucketRef = `\${aws_s3_bucket.${bucketId}.id}`;

    const sse = only(json, "aws_s3_bucket_server_side_encryption_configuration");
    expect(sse.bucket).toBe(bucketRef);
    expect(sse.rule).toEqual([{ apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } }]);

    const pab = only(json, "aws_s3_bucket_public_access_block");
    expect(pab).toMatchObject({ bucket: bucketRef, block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true });

    const lifecycle = only(json, "aws_s3_bucket_lifecycle_configuration");
    expect(lifecycle.bucket).toBe(bucketRef);
    expect(lifecycle.rule).toContainEqual({ id: "expire-old-checkpoints", status: "Enabled", filter: [{ prefix: "runs/" }], expiration: [{ days: 14 }] });
    expect(lifecycle.rule).toContainEqual(
      expect.objectContaining({ id: "abort-incomplete-uploads", abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }] }),
    );

    const env = containerProperties(json).environment;
    expect((only(json, "aws_batch_compute_environment").tags as Record<string, string>)["checkpoint-uri"]).toBe(`s3://\${aws_s3_bucket.${bucketId}.bucket}/runs/`);
    expect(env).toEqual([{ name: "CHECKPOINT_URI", value: `s3://\${aws_s3_bucket.${bucketId}.bucket}/runs/` }]);
    expect(c.checkpointBucket).toBeDefined();

    // The job role may touch the checkpoint prefix and nothing else.
    const policies = Object.values(resourcesOf(json, "aws_iam_role_policy")).map((p) => JSON.parse(p.policy as string));
    expect(policies).toHaveLength(1);
    expect(policies[0].Statement[0].Resource).toBe(`\${aws_s3_bucket.${bucketId}.arn}/runs/*`);
  });

  test("an existing checkpoint location is used as is, without a new bucket", () => {
    const { stack } = cluster({ checkpoints: { uri: "s3://shared-checkpoints/team-a/" } });
    const json = synth(stack);
    expect(resourcesOf(json, "aws_s3_bucket")).toEqual({});
    expect(containerProperties(json).environment).toEqual([{ name: "CHECKPOINT_URI", value: "s3://shared-checkpoints/team-a/" }]);
    expect(only(json, "aws_batch_compute_environment").tags).toEqual({ ...GOOD_TAGS, workload: "training", "checkpoint-uri": "s3://shared-checkpoints/team-a/" });
    expect(errors(stack)).toEqual([]);
  });
});

describe("GpuTrainingCluster opt-outs and validation fail synth naming the construct", () => {
  test("spot without a checkpoint location", () => {
    cluster({ checkpoints: false });
    expect(() => t.app.synth()).toThrow(/\[dev\/training\] costgate: spot capacity without a checkpoint location/);
  });

  test("on-demand without a reason", () => {
    cluster({ capacity: { type: "on-demand", reason: "" } });
    expect(() => t.app.synth()).toThrow(/\[dev\/training\] costgate: on-demand capacity \(capacity.reason\) needs a reason/);
  });

  test("on-demand with a reason is allowed and may drop checkpoints", () => {
    const { stack } = cluster({ capacity: { type: "on-demand", reason: "final eval run must not be interrupted" }, checkpoints: false });
    const json = synth(stack);
    const cr = only(json, "aws_batch_compute_environment").compute_resources as Record<string, unknown>;
    expect(cr.type).toBe("EC2");
    expect(cr.allocation_strategy).toBe("BEST_FIT_PROGRESSIVE");
    expect(containerProperties(json).environment).toEqual([]);
    expect(() => t.app.synth()).not.toThrow();
  });

  test("instance types and vCPU bounds", () => {
    const { stack } = cluster({ instanceTypes: ["g5.12xlarge", "g5.12xlargee"], maxVcpus: 16, minVcpus: 32 });
    const messages = errors(stack).map((e) => `${e.path}: ${e.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        "dev/training: costgate: instanceTypes[1] g5.12xlargee is not a known EC2 instance type",
        "dev/training: costgate: minVcpus (32) must not exceed maxVcpus (16)",
        "dev/training: costgate: maxVcpus (16) is below the 48 vCPUs of the smallest instance type: Batch could never launch one",
      ]),
    );
    expect(() => t.app.synth()).toThrow(/\[dev\/training\] costgate: instanceTypes\[1\] g5.12xlargee/);
  });

  test("an invalid checkpoint uri", () => {
    cluster({ checkpoints: { uri: "https://example.com/ckpt" } });
    expect(() => t.app.synth()).toThrow(/\[dev\/training\] costgate: checkpoints.uri "https:\/\/example.com\/ckpt" is not an S3 location/);
  });
});
