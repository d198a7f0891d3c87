import { TerraformResource } from "cdktf";
import { Construct } from "constructs";
import { assertSameFramework } from "../framework/framework.js";
import { PropChecks } from "../framework/prop-checks.js";
import { CostTags } from "../tags/cost-tags.js";
import type { NodePoolWorkload } from "./gpu-node-pool.js";

/** The EC2NodeClass to create for the pool (omit to reference an existing one by `nodeClassName`). */
export interface KarpenterNodeClassProps {
  /** IAM role name of the nodes (Karpenter creates the instance profile). */
  readonly role: string;
  /** `karpenter.sh/discovery` tag value of the subnets and security groups (usually the cluster name). */
  readonly discoveryTag: string;
  /** AMI alias, default `al2023@latest`. */
  readonly amiAlias?: string;
  /** Root volume per node in GiB (gp3), default 200: GPU images are large. */
  readonly volumeSizeGib?: number;
}

export interface KarpenterGpuNodePoolProps {
  /** NodePool name (`metadata.name`). */
  readonly name: string;
  readonly workload: NodePoolWorkload;
  /** GPU instance families the pool may launch, e.g. `["g5", "g6e"]` (`karpenter.k8s.aws/instance-family`). */
  readonly instanceFamilies: readonly string[];
  /** Required: the most GPUs (`nvidia.com/gpu`) the pool may run at once — without it a pool has no cost ceiling. */
  readonly gpuLimit: number;
  /**
   * Capacity types in Karpenter's order of preference. Default: `["spot", "on-demand"]` for training (spot
   * first, on-demand when spot is short), `["on-demand"]` for inference.
   */
  readonly capacityTypes?: readonly ("spot" | "on-demand")[];
  /** How long an empty or underutilized node lives before consolidation (Go duration), default `5m`. */
  readonly consolidateAfter?: string;
  /** Create this EC2NodeClass with the cost tags as its AWS tags; or name an existing one in `nodeClassName`. */
  readonly nodeClass?: KarpenterNodeClassProps;
  /** The existing EC2NodeClass to use when `nodeClass` is not given. */
  readonly nodeClassName?: string;
  /** Cost tags (merged over tags set on enclosing scopes): EC2NodeClass tags and, where valid, NodePool labels. */
  readonly tags?: Readonly<Record<string, string>>;
}

/** A Kubernetes object as a `kubernetes_manifest` resource (the kubernetes provider), rendered at synth. */
class KubernetesManifest extends TerraformResource {
  constructor(scope: Construct, id: string, private readonly render: () => Record<string, unknown>) {
    super(scope, id, { terraformResourceType: "kubernetes_manifest", terraformGeneratorMetadata: { providerName: "kubernetes" } });
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return { manifest: this.render() };
  }
}

/** A Kubernetes label value: at most 63 characters of `[A-Za-z0-9._-]`, alphanumeric at both ends. */
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$/;

/**
 * A Karpenter GPU NodePool (`karpenter.sh/v1`, through `kubernetes_manifest`) whose defaults are the cheap,
 * attributable path: a GPU limit is required (it bounds the pool's cost ceiling, which costgate prices), idle
 * nodes are consolidated after five minutes, training pools are spot-first, and the cost tags become the
 * EC2NodeClass's AWS tags (and NodePool labels where Kubernetes allows the value). The governance aspect prices
 * and judges it like any other resource (set `node_hours` or `gpu_hours` usage for its expected cost).
 */
export class KarpenterGpuNodePool extends Construct {
  readonly nodePool: TerraformResource;
  readonly nodeClass?: TerraformResource;

  constructor(scope: Construct, id: string, props: KarpenterGpuNodePoolProps) {
    super(scope, id);
    assertSameFramework(this, "KarpenterGpuNodePool");
    CostTags.of(this).set({ workload: props.workload, ...(props.tags ?? {}) });
    const check = new PropChecks(this);
    if (props.workload !== "training" && props.workload !== "inference") check.error(`workload must be "training" or "inference", got ${JSON.stringify(props.workload)}`);
    if (props.instanceFamilies.length === 0) check.error("instanceFamilies must name at least one GPU instance family (e.g. g5, g6e, p5)");
    props.instanceFamilies.forEach((f, i) => {
      if (!/^[a-z]+\d+[a-z-]*$/.test(f)) check.error(`instanceFamilies[${i}] must be an instance family such as g5 or p5, got ${JSON.stringify(f)}`);
    });
    check.integer("gpuLimit", props.gpuLimit, 1);
    if (!props.nodeClass && !props.nodeClassName) check.error("set nodeClass (to create an EC2NodeClass) or nodeClassName (an existing one)");
    check.integer("nodeClass.volumeSizeGib", props.nodeClass?.volumeSizeGib, 20, 16_384);
    const capacityTypes = props.capacityTypes ?? (props.workload === "training" ? ["spot", "on-demand"] : ["on-demand"]);
    if (capacityTypes.length === 0) check.error("capacityTypes must allow at least one capacity type");
    const nodeClassName = props.nodeClass ? `${props.name}-nodes` : props.nodeClassName ?? "";

    const tags = () => CostTags.of(this).tags;
    if (props.nodeClass) {
      const nc = props.nodeClass;
      this.nodeClass = new KubernetesManifest(this, "node-class", () => ({
        apiVersion: "karpenter.k8s.aws/v1",
        kind: "EC2NodeClass",
        metadata: { name: nodeClassName },
        spec: {
          role: nc.role,
          amiSelectorTerms: [{ alias: nc.amiAlias ?? "al2023@latest" }],
          subnetSelectorTerms: [{ tags: { "karpenter.sh/discovery": nc.discoveryTag } }],
          securityGroupSelectorTerms: [{ tags: { "karpenter.sh/discovery": nc.discoveryTag } }],
          blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: `${nc.volumeSizeGib ?? 200}Gi`, volumeType: "gp3", encrypted: true, deleteOnTermination: true } }],
          // Karpenter puts these on the instances, volumes and network interfaces it launches: the bill's tags.
          tags: tags(),
        },
      }));
    }
    this.nodePool = new KubernetesManifest(this, "node-pool", () => ({
      apiVersion: "karpenter.sh/v1",
      kind: "NodePool",
      metadata: { name: props.name },
      spec: {
        template: {
          metadata: { labels: { "costgate/workload": props.workload, ...labelsOf(tags()) } },
          spec: {
            nodeClassRef: { group: "karpenter.k8s.aws", kind: "EC2NodeClass", name: nodeClassName },
            requirements: [
              { key: "karpenter.k8s.aws/instance-family", operator: "In", values: [...props.instanceFamilies] },
              { key: "karpenter.sh/capacity-type", operator: "In", values: [...capacityTypes] },
              { key: "kubernetes.io/arch", operator: "In", values: ["amd64"] },
            ],
            taints: [{ key: "nvidia.com/gpu", value: "true", effect: "NoSchedule" }],
          },
        },
        limits: { "nvidia.com/gpu": String(props.gpuLimit) },
        disruption: { consolidationPolicy: "WhenEmptyOrUnderutilized", consolidateAfter: props.consolidateAfter ?? "5m" },
      },
    }));
  }
}

/** Cost tags that are valid Kubernetes labels (`costgate/<key>`); others stay AWS tags only. */
function labelsOf(tags: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(tags)) if (/^[A-Za-z0-9][-A-Za-z0-9_.]{0,62}$/.test(k) && LABEL_VALUE.test(v)) out[`costgate/${k}`] = v;
  return out;
}
