import { blocks, firstBlock, isUnresolved } from "../../plan/json-values.js";
import type { Resource } from "../../plan/resource.js";
import type { CatalogEntry } from "./catalog-entry.js";
import { awsccTwin, twinContext, twinResource, type AwsccTwin } from "./awscc-twin.js";
import { awsInstance } from "./aws-instance.js";
import { awsLaunchTemplate } from "./aws-launch-template.js";
import { awsAutoscalingGroup } from "./aws-autoscaling-group.js";
import { awsEbsVolume, awsNatGateway, awsS3Bucket } from "./aws-storage.js";
import { awsEip } from "./aws-eip.js";
import { awsEksCluster } from "./aws-eks-cluster.js";
import { awsEksFargateProfile } from "./aws-eks-fargate-profile.js";
import { awsDbInstance } from "./aws-db-instance.js";
import { awsRdsCluster, awsRdsClusterInstance } from "./aws-aurora.js";
import { awsLb } from "./aws-load-balancers.js";
import { awsCloudwatchLogGroup } from "./aws-cloudwatch-log-group.js";
import { awsKmsKey } from "./aws-kms-key.js";
import { awsSecretsmanagerSecret } from "./aws-secretsmanager-secret.js";
import { awsEcrRepository } from "./aws-ecr-repository.js";
import { awsVpcEndpoint } from "./aws-vpc-endpoint.js";
import { awsDynamodbTable } from "./aws-dynamodb-table.js";
import { awsApiGatewayRestApi, awsApigatewayv2Api, awsLambdaFunction, awsSfnStateMachine } from "./aws-serverless.js";
import { awsEfsFileSystem } from "./aws-efs-file-system.js";
import { awsOpensearchDomain } from "./aws-opensearch-domain.js";
import { awsElasticacheCluster, awsElasticacheReplicationGroup } from "./aws-elasticache.js";
import { awsSnsTopic, awsSqsQueue } from "./aws-messaging.js";
import { awsKinesisStream, awsMskCluster } from "./aws-streaming.js";
import { awsRoute53Zone } from "./aws-route53-zone.js";
import { awsCloudwatchMetricAlarm } from "./aws-cloudwatch-metric-alarm.js";
import { awsGlueJob } from "./aws-glue-job.js";
import { awsGrafanaWorkspace } from "./aws-grafana-workspace.js";
import { awsSagemakerFree } from "./aws-sagemaker.js";
import { awsEc2CapacityReservation } from "./aws-reserved-capacity.js";

/**
 * `awscc_*` (Terraform AWS Cloud Control provider) resources priced as their `aws_*` twins. Attribute names are
 * the provider's, checked against its documentation (github.com/hashicorp/terraform-provider-awscc
 * `docs/resources/*.md`, snapshot of 2026-08-07, commit f995d4f): they follow CloudFormation properties in
 * snake_case, and nested blocks are single objects or lists where the aws provider has blocks.
 *
 * Root volumes: an awscc instance or launch configuration lists every volume in `block_device_mappings`; the
 * one named `/dev/xvda` or `/dev/sda1` (the root device names of Amazon Linux and Ubuntu AMIs, EC2 User Guide
 * "Device names for volumes on Amazon EC2 instances") is priced as the root volume, the others as additional
 * EBS volumes; without a root mapping the AMI's default root volume is assumed, as for `aws_instance`.
 */

/** Root device names of Amazon Linux (`/dev/xvda`) and Ubuntu/most other (`/dev/sda1`) AMIs. */
const ROOT_DEVICE_NAMES: ReadonlySet<string> = new Set(["/dev/xvda", "/dev/sda1"]);

/** awscc `block_device_mappings` → the aws provider's `root_block_device` / `ebs_block_device` blocks. */
function volumeBlocks(root: boolean): (a: Record<string, unknown>) => unknown {
  return (a) => {
    const out = blocks(a.block_device_mappings)
      .filter((m) => firstBlock(m.ebs) !== undefined && (typeof m.device_name === "string" && ROOT_DEVICE_NAMES.has(m.device_name)) === root)
      .map((m) => ({ ...firstBlock(m.ebs), device_name: m.device_name }));
    return out.length > 0 ? out : undefined;
  };
}

/** awscc `launch_template { launch_template_id, launch_template_name, version }` → aws `launch_template { id, name, version }`. */
function launchTemplateBlock(key: string): (a: Record<string, unknown>) => unknown {
  return (a) => {
    const lt = firstBlock(a[key]);
    return lt ? { id: lt.launch_template_id, name: lt.launch_template_name, version: lt.version } : undefined;
  };
}

/** The primary network interface's `associate_public_ip_address` (device index 0, or the only interface). */
function primaryInterfacePublicIp(nics: unknown): unknown {
  const all = blocks(nics);
  const primary = all.find((n) => n.device_index === 0 || n.device_index === "0") ?? (all.length === 1 ? all[0] : undefined);
  return primary?.associate_public_ip_address;
}

const data = (a: Record<string, unknown>) => firstBlock(a.launch_template_data) ?? {};

/** Every twin, keyed by nothing: an awscc type may have several (chosen by `when`, first match wins). */
export const AWSCC_TWINS: readonly AwsccTwin[] = [
  awsccTwin({
    type: "awscc_ec2_instance",
    twin: awsInstance,
    twinType: "aws_instance",
    attributes: {
      instance_type: "instance_type",
      launch_template: { from: "launch_template", read: launchTemplateBlock("launch_template") },
      root_block_device: { from: "block_device_mappings", read: volumeBlocks(true) },
      ebs_block_device: { from: "block_device_mappings", read: volumeBlocks(false) },
      subnet_id: "subnet_id",
      associate_public_ip_address: { from: "network_interfaces", read: (a) => primaryInterfacePublicIp(a.network_interfaces) },
    },
  }),
  awsccTwin({
    type: "awscc_ec2_launch_template",
    twin: awsLaunchTemplate,
    twinType: "aws_launch_template",
    attributes: {
      name: "launch_template_name",
      instance_type: "launch_template_data.instance_type",
      instance_market_options: "launch_template_data.instance_market_options",
      block_device_mappings: { from: "launch_template_data.block_device_mappings", read: (a) => data(a).block_device_mappings },
      network_interfaces: { from: "launch_template_data.network_interfaces", read: (a) => data(a).network_interfaces },
    },
  }),
  awsccTwin({
    type: "awscc_autoscaling_launch_configuration",
    twin: awsLaunchTemplate,
    twinType: "aws_launch_configuration",
    attributes: {
      name: "launch_configuration_name",
      instance_type: "instance_type",
      spot_price: "spot_price",
      root_block_device: { from: "block_device_mappings", read: volumeBlocks(true) },
      ebs_block_device: { from: "block_device_mappings", read: volumeBlocks(false) },
    },
  }),
  awsccTwin({
    type: "awscc_autoscaling_auto_scaling_group",
    twin: awsAutoscalingGroup,
    twinType: "aws_autoscaling_group",
    attributes: {
      min_size: "min_size",
      max_size: "max_size",
      desired_capacity: "desired_capacity",
      desired_capacity_type: "desired_capacity_type",
      launch_template: { from: "launch_template", read: launchTemplateBlock("launch_template") },
      launch_configuration: "launch_configuration_name",
      mixed_instances_policy: {
        from: "mixed_instances_policy",
        read: (a) => {
          const mip = firstBlock(a.mixed_instances_policy);
          if (!mip) return undefined;
          const lt = firstBlock(mip.launch_template);
          return {
            instances_distribution: mip.instances_distribution,
            launch_template: lt ? { launch_template_specification: lt.launch_template_specification, override: lt.overrides } : undefined,
          };
        },
      },
    },
  }),
  awsccTwin({ type: "awscc_ec2_volume", twin: awsEbsVolume, twinType: "aws_ebs_volume", attributes: { size: "size", type: "volume_type", iops: "iops", throughput: "throughput" } }),
  awsccTwin({ type: "awscc_ec2_nat_gateway", twin: awsNatGateway, twinType: "aws_nat_gateway", attributes: { connectivity_type: "connectivity_type" } }),
  awsccTwin({ type: "awscc_ec2_eip", twin: awsEip, twinType: "aws_eip", attributes: { public_ipv4_pool: "public_ipv_4_pool" } }),
  awsccTwin({ type: "awscc_eks_cluster", twin: awsEksCluster, twinType: "aws_eks_cluster", attributes: { version: "version", upgrade_policy: "upgrade_policy" } }),
  awsccTwin({ type: "awscc_eks_fargate_profile", twin: awsEksFargateProfile, twinType: "aws_eks_fargate_profile", attributes: {} }),
  awsccTwin({
    type: "awscc_rds_db_instance",
    twin: awsRdsClusterInstance,
    twinType: "aws_rds_cluster_instance",
    // An instance of a DB cluster (Aurora) is priced at its cluster's storage configuration.
    when: (a) => a.db_cluster_identifier !== undefined && a.db_cluster_identifier !== null,
    attributes: { instance_class: "db_instance_class", engine: "engine", cluster_identifier: "db_cluster_identifier" },
  }),
  awsccTwin({
    type: "awscc_rds_db_instance",
    twin: awsDbInstance,
    twinType: "aws_db_instance",
    attributes: {
      instance_class: "db_instance_class",
      engine: "engine",
      // A string in the awscc schema ("100"): read as a number by the twin.
      allocated_storage: "allocated_storage",
      storage_type: "storage_type",
      iops: "iops",
      multi_az: "multi_az",
    },
  }),
  awsccTwin({
    type: "awscc_rds_db_cluster",
    twin: awsRdsCluster,
    twinType: "aws_rds_cluster",
    attributes: { engine: "engine", engine_mode: "engine_mode", storage_type: "storage_type", serverlessv2_scaling_configuration: "serverless_v2_scaling_configuration" },
  }),
  awsccTwin({
    type: "awscc_elasticloadbalancingv2_load_balancer",
    twin: awsLb,
    twinType: "aws_lb",
    attributes: {
      load_balancer_type: "type",
      // `scheme`: `internet-facing` (default) or `internal`; the twin reads `internal`.
      internal: { from: "scheme", read: (a) => (a.scheme === undefined || a.scheme === null ? undefined : isUnresolved(a.scheme) ? a.scheme : a.scheme === "internal") },
      ip_address_type: "ip_address_type",
      subnets: "subnets",
      subnet_mapping: "subnet_mappings",
    },
  }),
  awsccTwin({
    type: "awscc_s3_bucket",
    twin: awsS3Bucket,
    twinType: "aws_s3_bucket",
    attributes: {
      bucket: "bucket_name",
      // `lifecycle_configuration.rules[]` with `transitions[]` (or one `transition`) → aws `lifecycle_rule` blocks.
      lifecycle_rule: {
        from: "lifecycle_configuration",
        read: (a) => {
          const rules = blocks(firstBlock(a.lifecycle_configuration)?.rules);
          return rules.length === 0
            ? undefined
            : rules.map((r) => ({ transition: [...blocks(r.transitions), ...blocks(r.transition)], noncurrent_version_transition: [...blocks(r.noncurrent_version_transitions), ...blocks(r.noncurrent_version_transition)] }));
        },
      },
    },
  }),
  awsccTwin({ type: "awscc_logs_log_group", twin: awsCloudwatchLogGroup, twinType: "aws_cloudwatch_log_group", attributes: { log_group_class: "log_group_class", retention_in_days: "retention_in_days" } }),
  awsccTwin({ type: "awscc_kms_key", twin: awsKmsKey, twinType: "aws_kms_key", attributes: { customer_master_key_spec: "key_spec" } }),
  awsccTwin({ type: "awscc_secretsmanager_secret", twin: awsSecretsmanagerSecret, twinType: "aws_secretsmanager_secret", attributes: { replica: "replica_regions" } }),
  awsccTwin({ type: "awscc_ecr_repository", twin: awsEcrRepository, twinType: "aws_ecr_repository", attributes: {} }),
  awsccTwin({ type: "awscc_ec2_vpc_endpoint", twin: awsVpcEndpoint, twinType: "aws_vpc_endpoint", attributes: { vpc_endpoint_type: "vpc_endpoint_type", subnet_ids: "subnet_ids", service_name: "service_name" } }),
  awsccTwin({
    type: "awscc_dynamodb_table",
    twin: awsDynamodbTable,
    twinType: "aws_dynamodb_table",
    attributes: {
      billing_mode: "billing_mode",
      read_capacity: "provisioned_throughput.read_capacity_units",
      write_capacity: "provisioned_throughput.write_capacity_units",
      point_in_time_recovery: {
        from: "point_in_time_recovery_specification",
        read: (a) => {
          const p = firstBlock(a.point_in_time_recovery_specification);
          return p ? { enabled: p.point_in_time_recovery_enabled } : undefined;
        },
      },
    },
  }),
  awsccTwin({ type: "awscc_lambda_function", twin: awsLambdaFunction, twinType: "aws_lambda_function", attributes: { architectures: "architectures", memory_size: "memory_size", ephemeral_storage: "ephemeral_storage" } }),
  awsccTwin({ type: "awscc_stepfunctions_state_machine", twin: awsSfnStateMachine, twinType: "aws_sfn_state_machine", attributes: { type: "state_machine_type" } }),
  awsccTwin({ type: "awscc_apigateway_rest_api", twin: awsApiGatewayRestApi, twinType: "aws_api_gateway_rest_api", attributes: {} }),
  awsccTwin({ type: "awscc_apigatewayv2_api", twin: awsApigatewayv2Api, twinType: "aws_apigatewayv2_api", attributes: { protocol_type: "protocol_type" } }),
  awsccTwin({
    type: "awscc_efs_file_system",
    twin: awsEfsFileSystem,
    twinType: "aws_efs_file_system",
    attributes: { availability_zone_name: "availability_zone_name", throughput_mode: "throughput_mode", provisioned_throughput_in_mibps: "provisioned_throughput_in_mibps" },
  }),
  awsccTwin({ type: "awscc_opensearchservice_domain", twin: awsOpensearchDomain, twinType: "aws_opensearch_domain", attributes: { cluster_config: "cluster_config", ebs_options: "ebs_options" } }),
  awsccTwin({
    type: "awscc_elasticache_cache_cluster",
    twin: awsElasticacheCluster,
    twinType: "aws_elasticache_cluster",
    attributes: { engine: "engine", node_type: "cache_node_type", num_cache_nodes: "num_cache_nodes" },
  }),
  awsccTwin({
    type: "awscc_elasticache_replication_group",
    twin: awsElasticacheReplicationGroup,
    twinType: "aws_elasticache_replication_group",
    attributes: { engine: "engine", node_type: "cache_node_type", num_cache_clusters: "num_cache_clusters", num_node_groups: "num_node_groups", replicas_per_node_group: "replicas_per_node_group" },
  }),
  awsccTwin({ type: "awscc_sqs_queue", twin: awsSqsQueue, twinType: "aws_sqs_queue", attributes: { fifo_queue: "fifo_queue" } }),
  awsccTwin({ type: "awscc_sns_topic", twin: awsSnsTopic, twinType: "aws_sns_topic", attributes: { fifo_topic: "fifo_topic" } }),
  awsccTwin({ type: "awscc_kinesis_stream", twin: awsKinesisStream, twinType: "aws_kinesis_stream", attributes: { shard_count: "shard_count", stream_mode_details: "stream_mode_details" } }),
  awsccTwin({ type: "awscc_msk_cluster", twin: awsMskCluster, twinType: "aws_msk_cluster", attributes: { number_of_broker_nodes: "number_of_broker_nodes", broker_node_group_info: "broker_node_group_info" } }),
  awsccTwin({ type: "awscc_route53_hosted_zone", twin: awsRoute53Zone, twinType: "aws_route53_zone", attributes: {} }),
  awsccTwin({
    type: "awscc_cloudwatch_alarm",
    twin: awsCloudwatchMetricAlarm,
    twinType: "aws_cloudwatch_metric_alarm",
    attributes: {
      period: "period",
      // awscc `metrics[].metric_stat { metric, period }` (metric math) → aws `metric_query[].metric { period }`.
      metric_query: {
        from: "metrics",
        read: (a) => {
          const ms = blocks(a.metrics);
          if (ms.length === 0) return undefined;
          return ms.map((m) => {
            const stat = firstBlock(m.metric_stat);
            return { id: m.id, expression: m.expression, metric: stat ? [{ period: stat.period }] : [] };
          });
        },
      },
    },
  }),
  awsccTwin({ type: "awscc_glue_job", twin: awsGlueJob, twinType: "aws_glue_job", attributes: { command: "command", max_capacity: "max_capacity", number_of_workers: "number_of_workers", worker_type: "worker_type" } }),
  // awscc_grafana_workspace has no license_type: a workspace it creates is on the Standard license.
  awsccTwin({ type: "awscc_grafana_workspace", twin: awsGrafanaWorkspace, twinType: "aws_grafana_workspace", attributes: {} }),
  awsccTwin({ type: "awscc_sagemaker_endpoint", twin: awsSagemakerFree, twinType: "aws_sagemaker_endpoint", attributes: { endpoint_config_name: "endpoint_config_name" } }),
  awsccTwin({ type: "awscc_sagemaker_model", twin: awsSagemakerFree, twinType: "aws_sagemaker_model", attributes: {} }),
  awsccTwin({
    type: "awscc_ec2_capacity_reservation",
    twin: awsEc2CapacityReservation,
    twinType: "aws_ec2_capacity_reservation",
    attributes: { instance_type: "instance_type", instance_count: "instance_count", instance_platform: "instance_platform", tenancy: "tenancy" },
  }),
];

/**
 * awscc types that AWS bills nothing for, each with its free `aws_*` twin (in FREE_TYPES, where the reason and
 * the place it was checked are given). Checked against the awscc provider's documentation like the priced twins.
 */
export const AWSCC_FREE_TWINS: Readonly<Record<`awscc_${string}`, string>> = {
  awscc_iam_role: "aws_iam_role",
  awscc_iam_managed_policy: "aws_iam_policy",
  awscc_iam_role_policy: "aws_iam_role_policy",
  awscc_iam_instance_profile: "aws_iam_instance_profile",
  awscc_iam_oidc_provider: "aws_iam_openid_connect_provider",
  awscc_iam_user: "aws_iam_user",
  awscc_iam_group: "aws_iam_group",
  awscc_iam_user_policy: "aws_iam_user_policy",
  awscc_iam_service_linked_role: "aws_iam_service_linked_role",
  awscc_ec2_security_group: "aws_security_group",
  awscc_ec2_security_group_ingress: "aws_vpc_security_group_ingress_rule",
  awscc_ec2_security_group_egress: "aws_vpc_security_group_egress_rule",
  awscc_ec2_vpc: "aws_vpc",
  awscc_ec2_subnet: "aws_subnet",
  awscc_ec2_route_table: "aws_route_table",
  awscc_ec2_route: "aws_route",
  awscc_ec2_subnet_route_table_association: "aws_route_table_association",
  awscc_ec2_internet_gateway: "aws_internet_gateway",
  awscc_ec2_network_acl: "aws_network_acl",
  awscc_ec2_subnet_network_acl_association: "aws_network_acl_association",
  awscc_ec2_vpc_cidr_block: "aws_vpc_ipv4_cidr_block_association",
  awscc_ec2_dhcp_options: "aws_vpc_dhcp_options",
  awscc_ec2_vpcdhcp_options_association: "aws_vpc_dhcp_options_association",
  awscc_ec2_placement_group: "aws_placement_group",
  awscc_ec2_key_pair: "aws_key_pair",
  awscc_kms_alias: "aws_kms_alias",
  awscc_sqs_queue_inline_policy: "aws_sqs_queue_policy",
  awscc_sns_topic_inline_policy: "aws_sns_topic_policy",
  awscc_sns_subscription: "aws_sns_topic_subscription",
  awscc_rds_db_subnet_group: "aws_db_subnet_group",
  awscc_rds_db_parameter_group: "aws_db_parameter_group",
  awscc_rds_db_cluster_parameter_group: "aws_rds_cluster_parameter_group",
  awscc_rds_option_group: "aws_db_option_group",
  awscc_elasticache_subnet_group: "aws_elasticache_subnet_group",
  awscc_elasticache_parameter_group: "aws_elasticache_parameter_group",
  awscc_eks_access_entry: "aws_eks_access_entry",
  awscc_eks_pod_identity_association: "aws_eks_pod_identity_association",
  awscc_eks_addon: "aws_eks_addon",
  awscc_efs_mount_target: "aws_efs_mount_target",
  awscc_efs_access_point: "aws_efs_access_point",
  awscc_elasticloadbalancingv2_listener: "aws_lb_listener",
  awscc_elasticloadbalancingv2_listener_rule: "aws_lb_listener_rule",
  awscc_elasticloadbalancingv2_target_group: "aws_lb_target_group",
  awscc_lambda_permission: "aws_lambda_permission",
  awscc_route53_record_set: "aws_route53_record",
  awscc_s3_bucket_policy: "aws_s3_bucket_policy",
  awscc_autoscaling_scaling_policy: "aws_autoscaling_policy",
  awscc_autoscaling_scheduled_action: "aws_autoscaling_schedule",
  awscc_applicationautoscaling_scalable_target: "aws_appautoscaling_target",
  awscc_applicationautoscaling_scaling_policy: "aws_appautoscaling_policy",
};

/** awscc type → the twin type its references are rewritten to (first twin of a type). */
const TWIN_TYPE_OF: ReadonlyMap<string, string> = new Map(AWSCC_TWINS.map((t) => [t.type, t.twinType] as const).reverse());

/** aws twin type → the awscc types that can stand for it. */
const AWSCC_TYPES_OF: ReadonlyMap<string, readonly string[]> = (() => {
  const m = new Map<string, string[]>();
  for (const t of AWSCC_TWINS) if (!(m.get(t.twinType) ?? []).includes(t.type)) m.set(t.twinType, [...(m.get(t.twinType) ?? []), t.type]);
  return m;
})();

/** The twin an awscc resource is priced as (the first whose `when` holds), or undefined. */
function twinOf(r: Resource): AwsccTwin | undefined {
  return AWSCC_TWINS.find((t) => t.type === r.type && (t.when === undefined || t.when(r.attributes)));
}

/** Translations are pure and asked for repeatedly (references): one per resource object. */
const translated = new WeakMap<Resource, Resource>();

/** The aws twin resource an awscc resource stands for; undefined for awscc types without a priced twin. */
export function awsccTwinResource(r: Resource): Resource | undefined {
  const hit = translated.get(r);
  if (hit) return hit;
  const t = twinOf(r);
  if (!t) return undefined;
  const out = twinResource(r, t, TWIN_TYPE_OF);
  translated.set(r, out);
  return out;
}

/** The catalog entry for every awscc type with a priced twin: the twin entry, run on the translated resource. */
export const awsccTwins: CatalogEntry = {
  types: [...new Set(AWSCC_TWINS.map((t) => t.type))],
  components(r, ctx) {
    const t = twinOf(r)!;
    return t.twin.components(awsccTwinResource(r)!, twinContext(ctx, t, awsccTwinResource, AWSCC_TYPES_OF));
  },
  facts(r, ctx) {
    const t = twinOf(r)!;
    return t.twin.facts(awsccTwinResource(r)!, twinContext(ctx, t, awsccTwinResource, AWSCC_TYPES_OF));
  },
};
