import { Construct } from "constructs";
import { BatchComputeEnvironment } from "@cdktf/provider-aws/lib/batch-compute-environment/index.js";
import { BatchJobDefinition } from "@cdktf/provider-aws/lib/batch-job-definition/index.js";
import { BatchJobQueue } from "@cdktf/provider-aws/lib/batch-job-queue/index.js";
import { IamInstanceProfile } from "@cdktf/provider-aws/lib/iam-instance-profile/index.js";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role/index.js";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy/index.js";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment/index.js";
import { SNAPSHOT } from "../../src/pricing/snapshot/snapshot.js";
import { isUnresolved } from "../framework/construct-shape.js";
import { assumeRolePolicy, s3PrefixAccessPolicy } from "../framework/iam.js";
import { physicalName } from "../framework/physical-name.js";
import { PropChecks } from "../framework/prop-checks.js";
import { CostTags } from "../tags/cost-tags.js";
import { CheckpointBucket, type CheckpointBucketProps } from "./checkpoint-bucket.js";
import { assertSameFramework } from "../framework/framework.js";
import { recordUnitUsage } from "../framework/unit-usage.js";

/** Spot (the default) or on-demand capacity. On-demand is an opt-out and must say why. */
export type TrainingCapacity =
  | { readonly type: "spot"; /** Max spot price as % of on-demand (default: up to on-demand). */ readonly bidPercentage?: number }
  | { readonly type: "on-demand"; readonly reason: string };

export interface TrainingCheckpoints extends CheckpointBucketProps {
  /** Use an existing location (`s3://bucket/prefix/`) instead of creating a bucket. */
  readonly uri?: string;
}

export interface TrainingJobResources {
  /** vCPUs per job (default: all of the first instance type's vCPUs). */
  readonly vcpus?: number;
  /** Memory per job in MiB (default: 90% of the first instance type's memory). */
  readonly memoryMib?: number;
  /** GPUs per job (default: all of the first instance type's GPUs). */
  readonly gpus?: number;
  /** Extra environment variables for the job. */
  readonly environment?: Readonly<Record<string, string>>;
}

export interface GpuTrainingClusterProps {
  /** EC2 instance types Batch may launch, e.g. `["g5.12xlarge"]`. */
  readonly instanceTypes: readonly string[];
  /** Upper bound of the compute environment in vCPUs. */
  readonly maxVcpus: number;
  /** Lower bound in vCPUs; default 0, so nothing runs (or costs) while no job is queued. */
  readonly minVcpus?: number;
  readonly subnetIds: readonly string[];
  readonly securityGroupIds: readonly string[];
  /** Training container image. */
  readonly image: string;
  readonly command?: readonly string[];
  readonly job?: TrainingJobResources;
  /** Default `{ type: "spot" }`. */
  readonly capacity?: TrainingCapacity;
  /**
   * Where jobs write checkpoints (passed as `CHECKPOINT_URI`). Default: a new encrypted bucket with expiry.
   * `false` is only allowed with on-demand capacity: spot without checkpoints loses work on every interruption.
   */
  readonly checkpoints?: TrainingCheckpoints | false;
  /** Attempts per job, retried when the spot host is reclaimed (default 5, AWS allows 1-10). */
  readonly retryAttempts?: number;
  /** Stop an attempt after this many seconds (default 86400: a runaway job costs at most a day). */
  readonly attemptTimeoutSeconds?: number;
  /** Cost tags for everything in the cluster (merged over tags set on enclosing scopes). */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * For unit economics at synth time (cost per run, monthly training cost, idle GPU cost): passed to costgate as
   * usage of the compute environment. The retry limit of the spot ceiling is `retryAttempts` − 1.
   */
  readonly unitEconomics?: {
    readonly hoursPerRun?: number;
    readonly runsPerMonth?: number;
    readonly instancesPerRun?: number;
    readonly checkpointIntervalHours?: number;
    /** Average GPU utilisation, 0–1. */
    readonly gpuUtilization?: number;
  };
}

/**
 * GPU training on AWS Batch whose defaults are the cheap path: spot capacity with the price-capacity-optimized
 * allocation strategy, zero minimum vCPUs, retries on spot interruption, an attempt timeout and a checkpoint
 * bucket whose URI the job receives as `CHECKPOINT_URI`.
 */
export class GpuTrainingCluster extends Construct {
  readonly computeEnvironment: BatchComputeEnvironment;
  readonly jobQueue: BatchJobQueue;
  readonly jobDefinition: BatchJobDefinition;
  /** The bucket created for checkpoints (absent when an existing `uri` was given or checkpoints are off). */
  readonly checkpointBucket?: CheckpointBucket;
  /** `s3://…` checkpoint location, or undefined when checkpoints are off. */
  readonly checkpointUri?: string;
  readonly capacity: TrainingCapacity;

  constructor(scope: Construct, id: string, props: GpuTrainingClusterProps) {
    super(scope, id);
    assertSameFramework(this, "GpuTrainingCluster");
    CostTags.of(this).set({ workload: "training", ...(props.tags ?? {}) });
    const check = new PropChecks(this);
    const capacity = (this.capacity = props.capacity ?? { type: "spot" });
    const spot = capacity.type === "spot";
    const minVcpus = props.minVcpus ?? 0;

    if (props.instanceTypes.length === 0) check.error("instanceTypes must name at least one EC2 instance type");
    props.instanceTypes.forEach((t, i) => check.instanceType(`instanceTypes[${i}]`, t, { gpu: true }));
    check.integer("minVcpus", minVcpus, 0);
    check.integer("maxVcpus", props.maxVcpus, 1);
    check.ordered("minVcpus", minVcpus, "maxVcpus", props.maxVcpus);
    const smallest = Math.min(...props.instanceTypes.map((t) => SNAPSHOT.specs[t]?.vcpu ?? Infinity));
    if (Number.isFinite(smallest) && !isUnresolved(props.maxVcpus) && props.maxVcpus < smallest) {
      check.error(`maxVcpus (${props.maxVcpus}) is below the ${smallest} vCPUs of the smallest instance type: Batch could never launch one`);
    }
    check.integer("retryAttempts", props.retryAttempts, 1, 10);
    check.integer("attemptTimeoutSeconds", props.attemptTimeoutSeconds, 60);
    if (capacity.type === "on-demand") check.reason("on-demand capacity (capacity.reason)", capacity.reason);
    else if (capacity.type !== "spot") check.error(`capacity.type must be "spot" or "on-demand"`);
    if (spot && capacity.bidPercentage !== undefined) check.integer("capacity.bidPercentage", capacity.bidPercentage, 1, 100);
    if (spot && props.checkpoints === false) {
      check.error("spot capacity without a checkpoint location: every spot interruption would lose the run's progress (remove `checkpoints: false`, or use on-demand capacity with a reason)");
    }

    // Checkpoint location: a new bucket by default, or an existing one.
    let checkpointBucketArn: string | undefined;
    let checkpointPrefix = "";
    if (props.checkpoints !== false) {
      const cp = props.checkpoints ?? {};
      if (cp.uri !== undefined) {
        const m = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])\/?(.*)$/.exec(cp.uri);
        if (!m) check.error(`checkpoints.uri ${JSON.stringify(cp.uri)} is not an S3 location like s3://bucket/prefix/`);
        this.checkpointUri = cp.uri;
        checkpointBucketArn = `arn:aws:s3:::${m?.[1] ?? "invalid"}`;
        checkpointPrefix = m?.[2] ?? "";
      } else {
        check.integer("checkpoints.expireAfterDays", cp.expireAfterDays, 1);
        if (cp.bucketName !== undefined && !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(cp.bucketName)) {
          check.error(`checkpoints.bucketName ${JSON.stringify(cp.bucketName)} is not a valid S3 bucket name (3-63 lower-case letters, digits, dots, hyphens)`);
        }
        this.checkpointBucket = new CheckpointBucket(this, "checkpoints", cp);
        this.checkpointUri = this.checkpointBucket.uri;
        checkpointBucketArn = this.checkpointBucket.bucket.arn;
        checkpointPrefix = this.checkpointBucket.prefix;
      }
    }

    // Instances need the ECS agent role; jobs get their own role that can only touch the checkpoint prefix.
    const instanceRole = new IamRole(this, "instance-role", { assumeRolePolicy: assumeRolePolicy("ec2.amazonaws.com") });
    new IamRolePolicyAttachment(this, "instance-role-ecs", {
      role: instanceRole.name,
      policyArn: "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role",
    });
    const instanceProfile = new IamInstanceProfile(this, "instance-profile", { role: instanceRole.name });
    const jobRole = new IamRole(this, "job-role", { assumeRolePolicy: assumeRolePolicy("ecs-tasks.amazonaws.com") });
    if (checkpointBucketArn) {
      new IamRolePolicy(this, "job-role-checkpoints", { role: jobRole.name, policy: s3PrefixAccessPolicy(checkpointBucketArn, checkpointPrefix) });
    }

    this.computeEnvironment = new BatchComputeEnvironment(this, "compute-environment", {
      name: physicalName(this, 128),
      type: "MANAGED",
      // The checkpoint-uri tag records the location on the compute itself, where policies and people look.
      ...(this.checkpointUri ? { tags: { "checkpoint-uri": this.checkpointUri } } : {}),
      computeResources: {
        type: spot ? "SPOT" : "EC2",
        allocationStrategy: spot ? "SPOT_PRICE_CAPACITY_OPTIMIZED" : "BEST_FIT_PROGRESSIVE",
        bidPercentage: spot ? capacity.bidPercentage : undefined,
        minVcpus,
        maxVcpus: props.maxVcpus,
        instanceType: [...props.instanceTypes],
        subnets: [...props.subnetIds],
        securityGroupIds: [...props.securityGroupIds],
        instanceRole: instanceProfile.arn,
        ec2Configuration: [{ imageType: "ECS_AL2_NVIDIA" }],
      },
    });
    const u = props.unitEconomics;
    if (u)
      recordUnitUsage(this.computeEnvironment, {
        hours_per_run: u.hoursPerRun,
        runs_per_month: u.runsPerMonth,
        instances_per_run: u.instancesPerRun,
        checkpoint_interval_hours: u.checkpointIntervalHours,
        max_retries: (props.retryAttempts ?? 5) - 1,
        gpu_utilization: u.gpuUtilization,
      });

    this.jobQueue = new BatchJobQueue(this, "job-queue", {
      name: physicalName(this, 128),
      priority: 1,
      state: "ENABLED",
      computeEnvironmentOrder: [{ order: 1, computeEnvironment: this.computeEnvironment.arn }],
    });

    const first = props.instanceTypes[0] ?? "";
    const spec = SNAPSHOT.specs[first];
    const job = props.job ?? {};
    const gpus = job.gpus ?? spec?.gpus ?? 1;
    const vcpus = job.vcpus ?? spec?.vcpu ?? 4;
    const memoryMib = job.memoryMib ?? (spec ? Math.floor(spec.memoryGib * 1024 * 0.9) : 16_384);
    check.integer("job.gpus", gpus, 0);
    check.integer("job.vcpus", vcpus, 1);
    check.integer("job.memoryMib", memoryMib, 4);
    const environment = [
      ...(this.checkpointUri ? [{ name: "CHECKPOINT_URI", value: this.checkpointUri }] : []),
      ...Object.entries(job.environment ?? {}).map(([name, value]) => ({ name, value })),
    ];
    this.jobDefinition = new BatchJobDefinition(this, "job-definition", {
      name: physicalName(this, 128),
      type: "container",
      platformCapabilities: ["EC2"],
      propagateTags: true,
      containerProperties: JSON.stringify({
        image: props.image,
        ...(props.command ? { command: [...props.command] } : {}),
        jobRoleArn: jobRole.arn,
        resourceRequirements: [
          { type: "VCPU", value: String(vcpus) },
          { type: "MEMORY", value: String(memoryMib) },
          ...(gpus > 0 ? [{ type: "GPU", value: String(gpus) }] : []),
        ],
        environment,
      }),
      retryStrategy: {
        attempts: props.retryAttempts ?? 5,
        // Retry when the host went away (spot reclaim: "Host EC2 (instance i-…) terminated."), not on job errors.
        evaluateOnExit: [
          { onStatusReason: "Host EC2*", action: "RETRY" },
          { onReason: "*", action: "EXIT" },
        ],
      },
      timeout: { attemptDurationSeconds: props.attemptTimeoutSeconds ?? 86_400 },
    });
  }
}
