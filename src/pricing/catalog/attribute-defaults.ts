/**
 * The defaults costgate applies when a plan or configuration leaves an attribute unset (in a plan: unknown in
 * `after_unknown` and not written in the configuration, i.e. computed by the provider or AWS). One row per
 * default, with the document that states it; README.md shows the same table.
 */
export interface AttributeDefault {
  resourceType: string;
  /** Attribute path as written in Terraform (`scaling_config.desired_size`). */
  attribute: string;
  /** The value used, as text for the table. */
  value: string;
  source: string;
}

/** EKS managed node groups launch t3.medium when neither `instance_types` nor a launch template names a type. */
export const EKS_NODE_GROUP_DEFAULT_INSTANCE_TYPE = "t3.medium";
/** EKS managed node groups give each node a `disk_size` GiB root volume, 20 by default (gp2). */
export const EKS_NODE_GROUP_DEFAULT_DISK_GB = 20;
/** The EC2 API's volume type when a block device mapping or `aws_ebs_volume` names none. */
export const EBS_DEFAULT_VOLUME_TYPE = "gp2";
/** Root volume assumed when an instance (or launch configuration) does not size it: the AMI's, commonly 8 GiB. */
export const AMI_DEFAULT_ROOT_GB = 8;

export const ATTRIBUTE_DEFAULTS: readonly AttributeDefault[] = [
  {
    resourceType: "aws_autoscaling_group",
    attribute: "desired_capacity",
    value: "min_size",
    source: "EC2 Auto Scaling API CreateAutoScalingGroup, DesiredCapacity: \"If you do not specify a desired capacity, the default is the minimum size of the group\" (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_CreateAutoScalingGroup.html)",
  },
  {
    resourceType: "aws_eks_node_group",
    attribute: "instance_types",
    value: EKS_NODE_GROUP_DEFAULT_INSTANCE_TYPE,
    source: "AWS provider docs, aws_eks_node_group: instance_types \"Defaults to [\\\"t3.medium\\\"]\" (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_node_group)",
  },
  {
    resourceType: "aws_eks_node_group",
    attribute: "disk_size",
    value: `${EKS_NODE_GROUP_DEFAULT_DISK_GB} GiB (gp2)`,
    source: "AWS provider docs, aws_eks_node_group: disk_size \"Defaults to 20\" (same page); EKS CreateNodegroup diskSize (https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateNodegroup.html)",
  },
  {
    resourceType: "aws_ebs_volume, block devices, launch template mappings",
    attribute: "type / volume_type",
    value: EBS_DEFAULT_VOLUME_TYPE,
    source: "EC2 API CreateVolume, VolumeType \"Default: gp2\" (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVolume.html)",
  },
  {
    resourceType: "aws_instance, aws_launch_configuration",
    attribute: "root_block_device.volume_size",
    value: `${AMI_DEFAULT_ROOT_GB} GiB gp2 (assumed)`,
    source: "the AMI's root volume; 8 GiB is the size of the common Amazon Linux AMIs (an assumption, labelled \"AMI default assumed\")",
  },
  {
    resourceType: "aws_autoscaling_group mixed_instances_policy",
    attribute: "instances_distribution.on_demand_percentage_above_base_capacity / on_demand_base_capacity",
    value: "100 / 0",
    source: "EC2 Auto Scaling API InstancesDistribution (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_InstancesDistribution.html)",
  },
  {
    resourceType: "any resource of a plan",
    attribute: "region (computed, e.g. aws_s3_bucket.region)",
    value: "the provider configuration's region",
    source: "AWS provider docs: resources are created in the provider's region (https://registry.terraform.io/providers/hashicorp/aws/latest/docs#region)",
  },
];
