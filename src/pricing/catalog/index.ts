import type { CatalogEntry } from "./catalog-entry.js";
import { awsAutoscalingGroup } from "./aws-autoscaling-group.js";
import { awsBatchComputeEnvironment, awsBatchJobDefinition } from "./aws-batch.js";
import { awsEksCluster } from "./aws-eks-cluster.js";
import { awsEksNodeGroup } from "./aws-eks-node-group.js";
import { awsInstance } from "./aws-instance.js";
import { awsSpotInstanceRequest } from "./aws-spot-instance-request.js";
import { awsTransferServer } from "./aws-transfer-server.js";
import { awsFsxOpenzfsFileSystem } from "./aws-fsx-openzfs.js";
import { awsElasticacheServerlessCache } from "./aws-elasticache-serverless.js";
import { awsOpensearchserverlessCollection } from "./aws-opensearch-serverless.js";
import { awsPrometheusWorkspace } from "./aws-prometheus-workspace.js";
import { awsLaunchTemplate } from "./aws-launch-template.js";
import { awsSagemakerEndpointConfiguration, awsSagemakerFree, awsSagemakerNotebookInstance } from "./aws-sagemaker.js";
import { awsEbsVolume, awsFsxLustre, awsNatGateway, awsS3Bucket } from "./aws-storage.js";
import { karpenterNodePool } from "./karpenter-node-pool.js";
import { awsEc2CapacityBlockReservation, awsEc2CapacityReservation } from "./aws-reserved-capacity.js";
import { awsccSagemakerCluster } from "./awscc-sagemaker-cluster.js";
import { AWSCC_FREE_TWINS, awsccTwins } from "./awscc-twins.js";
import { awsBedrockAgent, awsBedrockProvisionedThroughput } from "./aws-bedrock.js";
import { terraformModuleCall } from "./terraform-module.js";
import { awsElb, awsLb } from "./aws-load-balancers.js";
import { awsEip } from "./aws-eip.js";
import { awsDbInstance } from "./aws-db-instance.js";
import { awsVpcEndpoint } from "./aws-vpc-endpoint.js";
import { awsKmsKey } from "./aws-kms-key.js";
import { awsSecretsmanagerSecret } from "./aws-secretsmanager-secret.js";
import { awsCloudwatchLogGroup } from "./aws-cloudwatch-log-group.js";
import { awsEcrRepository } from "./aws-ecr-repository.js";
import { awsEfsFileSystem } from "./aws-efs-file-system.js";
import { awsSnsTopic, awsSqsQueue } from "./aws-messaging.js";
import { awsElasticacheCluster, awsElasticacheReplicationGroup } from "./aws-elasticache.js";
import { awsOpensearchDomain } from "./aws-opensearch-domain.js";
import { awsRdsCluster, awsRdsClusterInstance } from "./aws-aurora.js";
import { awsKinesisStream, awsMskCluster } from "./aws-streaming.js";
import { awsGlueJob } from "./aws-glue-job.js";
import { awsRoute53Zone } from "./aws-route53-zone.js";
import { awsEbsSnapshot } from "./aws-ebs-snapshot.js";
import { awsGrafanaWorkspace } from "./aws-grafana-workspace.js";
import { awsDynamodbTable } from "./aws-dynamodb-table.js";
import { awsEksFargateProfile } from "./aws-eks-fargate-profile.js";
import { awsCloudwatchMetricAlarm } from "./aws-cloudwatch-metric-alarm.js";
import { awsCloudfrontDistribution } from "./aws-cloudfront-distribution.js";
import { awsApiGatewayRestApi, awsApigatewayv2Api, awsLambdaFunction, awsSfnStateMachine } from "./aws-serverless.js";

/**
 * Resource types that cost nothing by themselves (configuration, identity, networking glue, scaling rules).
 * Anything neither here nor in the catalog is listed as unsupported — never assumed free.
 */
export const FREE_TYPES: ReadonlySet<string> = new Set([
  "aws_iam_role", "aws_iam_policy", "aws_iam_role_policy", "aws_iam_role_policy_attachment", "aws_iam_instance_profile",
  "aws_iam_policy_document", "aws_iam_user", "aws_iam_group", "aws_iam_user_policy", "aws_iam_openid_connect_provider",
  "aws_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule",
  "aws_vpc", "aws_subnet", "aws_route_table", "aws_route", "aws_route_table_association", "aws_internet_gateway",
  "aws_default_security_group", "aws_default_route_table", "aws_network_acl", "aws_vpc_dhcp_options",
  "aws_s3_bucket_policy", "aws_s3_bucket_versioning", "aws_s3_bucket_public_access_block", "aws_s3_bucket_acl",
  "aws_s3_bucket_server_side_encryption_configuration", "aws_s3_bucket_lifecycle_configuration", "aws_s3_bucket_ownership_controls",
  "aws_appautoscaling_target", "aws_appautoscaling_policy", "aws_appautoscaling_scheduled_action",
  "aws_autoscaling_policy", "aws_autoscaling_schedule", "aws_placement_group", "aws_key_pair", "aws_eks_addon",
  "aws_ecr_lifecycle_policy", "aws_ecr_repository_policy",
  // Configuration and plumbing AWS bills nothing for (each service's pricing page prices the resource it
  // configures, not these): KMS aliases; network ACLs and their rules, secondary VPC CIDRs, security and
  // route settings; SQS/SNS policies and subscriptions (messages are billed on the queue/topic); RDS and
  // ElastiCache subnet/parameter/option groups (instances and nodes are billed); EKS access entries and pod
  // identity associations; EFS mount targets and access points (storage is billed on the file system); load
  // balancer listeners, rules, target groups and attachments (hours and LCUs are billed on the load balancer);
  // Lambda permissions; Route 53 records (zones and queries are billed); public ACM certificates; S3 bucket
  // settings; EC2 tags.
  "aws_kms_alias", "aws_default_network_acl", "aws_network_acl_rule", "aws_network_acl_association", "aws_vpc_ipv4_cidr_block_association",
  "aws_main_route_table_association", "aws_default_vpc_dhcp_options", "aws_vpc_dhcp_options_association",
  "aws_sqs_queue_policy", "aws_sns_topic_policy", "aws_sns_topic_subscription", "aws_ec2_tag",
  "aws_db_subnet_group", "aws_db_parameter_group", "aws_db_option_group", "aws_rds_cluster_parameter_group",
  "aws_elasticache_subnet_group", "aws_elasticache_parameter_group",
  "aws_eks_access_entry", "aws_eks_access_policy_association", "aws_eks_pod_identity_association",
  "aws_efs_mount_target", "aws_efs_access_point", "aws_efs_file_system_policy", "aws_efs_backup_policy",
  "aws_lb_listener", "aws_lb_listener_rule", "aws_lb_target_group", "aws_lb_target_group_attachment",
  "aws_alb_listener", "aws_alb_listener_rule", "aws_alb_target_group", "aws_alb_target_group_attachment", "aws_lb_listener_certificate",
  "aws_lambda_permission", "aws_route53_record", "aws_acm_certificate", "aws_acm_certificate_validation",
  "aws_s3_bucket_notification", "aws_s3_bucket_cors_configuration", "aws_s3_bucket_logging", "aws_s3_bucket_website_configuration",
  "aws_iam_role_policies_exclusive", "aws_iam_service_linked_role", "aws_iam_group_membership", "aws_iam_user_policy_attachment", "aws_iam_group_policy_attachment",
  // awscc (Cloud Control) types whose aws twin above is free (see awscc-twins.ts).
  ...Object.keys(AWSCC_FREE_TWINS),
]);

const ENTRIES: CatalogEntry[] = [
  awsInstance,
  awsSpotInstanceRequest,
  awsLaunchTemplate,
  awsAutoscalingGroup,
  awsEksCluster,
  awsEksNodeGroup,
  awsBatchComputeEnvironment,
  awsBatchJobDefinition,
  awsSagemakerEndpointConfiguration,
  awsSagemakerNotebookInstance,
  awsSagemakerFree,
  awsEbsVolume,
  awsS3Bucket,
  awsFsxLustre,
  awsNatGateway,
  karpenterNodePool,
  awsEc2CapacityReservation,
  awsEc2CapacityBlockReservation,
  awsccSagemakerCluster,
  awsccTwins,
  awsBedrockAgent,
  awsBedrockProvisionedThroughput,
  terraformModuleCall,
  awsLb,
  awsElb,
  awsEip,
  awsDbInstance,
  awsVpcEndpoint,
  awsKmsKey,
  awsSecretsmanagerSecret,
  awsCloudwatchLogGroup,
  awsEcrRepository,
  awsEfsFileSystem,
  awsSqsQueue,
  awsSnsTopic,
  awsElasticacheCluster,
  awsElasticacheReplicationGroup,
  awsOpensearchDomain,
  awsRdsCluster,
  awsRdsClusterInstance,
  awsLambdaFunction,
  awsSfnStateMachine,
  awsApiGatewayRestApi,
  awsApigatewayv2Api,
  awsKinesisStream,
  awsMskCluster,
  awsGlueJob,
  awsRoute53Zone,
  awsEbsSnapshot,
  awsGrafanaWorkspace,
  awsDynamodbTable,
  awsEksFargateProfile,
  awsCloudwatchMetricAlarm,
  awsCloudfrontDistribution,
  awsTransferServer,
  awsFsxOpenzfsFileSystem,
  awsElasticacheServerlessCache,
  awsOpensearchserverlessCollection,
  awsPrometheusWorkspace,
];

const byType = new Map<string, CatalogEntry>();
for (const e of ENTRIES) for (const t of e.types) byType.set(t, e);

export function catalogEntryFor(type: string): CatalogEntry | undefined {
  return byType.get(type);
}

/** Types with cost components (priced or usage-based). */
export function supportedTypes(): string[] {
  return [...byType.keys()].sort();
}
