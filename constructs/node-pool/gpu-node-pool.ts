import { Token } from "cdktf";
import { Construct } from "constructs";
import { EksNodeGroup } from "@cdktf/provider-aws/lib/eks-node-group/index.js";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role/index.js";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment/index.js";
import { LaunchTemplate } from "@cdktf/provider-aws/lib/launch-template/index.js";
import { assumeRolePolicy } from "../framework/iam.js";
import { physicalName } from "../framework/physical-name.js";
import { PropChecks } from "../framework/prop-checks.js";
import { CostTags } from "../tags/cost-tags.js";
import { assertSameFramework } from "../framework/framework.js";

export type NodePoolWorkload = "training" | "inference";

/** Spot, or on-demand. Training pools need a reason for on-demand; inference pools may use it freely. */
export type NodePoolCapacity = { readonly type: "spot" } | { readonly type: "on-demand"; readonly reason?: string };

export interface NodePoolScaling {
  /** Default 0 for training (scale to zero between runs), 1 for inference. */
  readonly min?: number;
  readonly max: number;
  /** Default: min. Terraform ignores later changes (the cluster autoscaler owns it). */
  readonly desired?: number;
}

export interface NodePoolTaint {
  readonly key: string;
  readonly value?: string;
  readonly effect: "NO_SCHEDULE" | "NO_EXECUTE" | "PREFER_NO_SCHEDULE";
}

export interface GpuNodePoolProps {
  readonly clusterName: string;
  readonly subnetIds: readonly string[];
  /** GPU instance types, e.g. `["g5.2xlarge", "g5.4xlarge"]` (several types make spot capacity likelier). */
  readonly instanceTypes: readonly string[];
  readonly workload: NodePoolWorkload;
  /** Default: spot for training, on-demand for inference. */
  readonly capacity?: NodePoolCapacity;
  readonly scaling: NodePoolScaling;
  /**
   * Where jobs on this pool write checkpoints (e.g. `s3://bucket/prefix/`), recorded as the `checkpoint-uri`
   * tag so cost policies can see it. Required for spot training pools: an interruption without checkpoints
   * loses the run's progress.
   */
  readonly checkpointUri?: string;
  /** Use an existing node role instead of creating one with the EKS worker policies. */
  readonly nodeRoleArn?: string;
  /** Default `AL2023_x86_64_NVIDIA` (NVIDIA drivers preinstalled). */
  readonly amiType?: string;
  /** Root volume size in GiB (default 200: GPU images are large). */
  readonly diskSizeGib?: number;
  readonly labels?: Readonly<Record<string, string>>;
  /** Default: `nvidia.com/gpu=true:NoSchedule`, so only GPU pods land on (and keep alive) GPU nodes. */
  readonly taints?: readonly NodePoolTaint[];
  /** Cost tags for the pool and its instances (merged over tags set on enclosing scopes). */
  readonly tags?: Readonly<Record<string, string>>;
}

const WORKER_POLICIES = [
  "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
  "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
  "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
];

/**
 * An EKS managed node group for GPU workloads: spot for training pools (on-demand only with a reason),
 * scale-to-zero minimum for training, and a launch template whose `tag_specifications` carry the cost tags
 * to the instances and volumes (node group tags alone do not reach them).
 */
export class GpuNodePool extends Construct {
  readonly nodeGroup: EksNodeGroup;
  readonly launchTemplate: LaunchTemplate;
  readonly capacityType: "SPOT" | "ON_DEMAND";

  constructor(scope: Construct, id: string, props: GpuNodePoolProps) {
    super(scope, id);
    assertSameFramework(this, "GpuNodePool");
    CostTags.of(this).set({ workload: props.workload, ...(props.tags ?? {}) });
    const check = new PropChecks(this);
    if (props.workload !== "training" && props.workload !== "inference") {
      check.error(`workload must be "training" or "inference", got ${JSON.stringify(props.workload)}`);
    }
    const capacity: NodePoolCapacity = props.capacity ?? (props.workload === "training" ? { type: "spot" } : { type: "on-demand" });
    if (capacity.type === "on-demand" && props.workload === "training") check.reason("on-demand capacity for a training pool (capacity.reason)", capacity.reason);
    this.capacityType = capacity.type === "spot" ? "SPOT" : "ON_DEMAND";
    if (this.capacityType === "SPOT" && props.workload === "training" && !props.checkpointUri) {
      check.error("spot training pool without a checkpoint location: set checkpointUri (e.g. s3://bucket/prefix/), or use on-demand capacity with a reason");
    }

    if (props.instanceTypes.length === 0) check.error("instanceTypes must name at least one EC2 instance type");
    props.instanceTypes.forEach((t, i) => check.instanceType(`instanceTypes[${i}]`, t, { gpu: true }));
    const min = props.scaling.min ?? (props.workload === "training" ? 0 : 1);
    const desired = props.scaling.desired ?? min;
    check.integer("scaling.min", min, 0);
    check.integer("scaling.max", props.scaling.max, 1);
    check.integer("scaling.desired", desired, 0);
    check.ordered("scaling.min", min, "scaling.max", props.scaling.max);
    if (props.scaling.desired !== undefined) {
      check.ordered("scaling.min", min, "scaling.desired", desired);
      check.ordered("scaling.desired", desired, "scaling.max", props.scaling.max);
    }
    check.integer("diskSizeGib", props.diskSizeGib, 20, 16_384);

    const nodeRoleArn = props.nodeRoleArn ?? this.createNodeRole();
    this.launchTemplate = new LaunchTemplate(this, "launch-template", {
      namePrefix: physicalName(this, 100) + "-",
      updateDefaultVersion: true,
      blockDeviceMappings: [
        {
          deviceName: "/dev/xvda",
          ebs: { volumeSize: props.diskSizeGib ?? 200, volumeType: "gp3", encrypted: "true", deleteOnTermination: "true" },
        },
      ],
      metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 2, httpEndpoint: "enabled" },
      // Instance and volume tag_specifications are filled in from the cost tags at synth.
    });
    this.nodeGroup = new EksNodeGroup(this, "node-group", {
      clusterName: props.clusterName,
      nodeGroupName: physicalName(this, 63),
      nodeRoleArn,
      subnetIds: [...props.subnetIds],
      instanceTypes: [...props.instanceTypes],
      capacityType: this.capacityType,
      amiType: props.amiType ?? "AL2023_x86_64_NVIDIA",
      scalingConfig: { minSize: min, maxSize: props.scaling.max, desiredSize: desired },
      launchTemplate: { id: this.launchTemplate.id, version: Token.asString(this.launchTemplate.latestVersion) },
      labels: { "costgate/workload": props.workload, ...(props.labels ?? {}) },
      taint: (props.taints ?? [{ key: "nvidia.com/gpu", value: "true", effect: "NO_SCHEDULE" }]).map((t) => ({ ...t })),
      lifecycle: { ignoreChanges: ["scaling_config[0].desired_size"] },
      ...(props.checkpointUri !== undefined ? { tags: { "checkpoint-uri": props.checkpointUri } } : {}),
    });
  }

  private createNodeRole(): string {
    const role = new IamRole(this, "node-role", { assumeRolePolicy: assumeRolePolicy("ec2.amazonaws.com") });
    WORKER_POLICIES.forEach((policyArn, i) => new IamRolePolicyAttachment(this, `node-role-policy-${i}`, { role: role.name, policyArn }));
    return role.arn;
  }
}
