import type { CatalogEntry } from "./catalog-entry.js";
import { awsAutoscalingGroup } from "./aws-autoscaling-group.js";
import { awsBatchComputeEnvironment, awsBatchJobDefinition } from "./aws-batch.js";
import { awsEksCluster } from "./aws-eks-cluster.js";
import { awsEksNodeGroup } from "./aws-eks-node-group.js";
import { awsInstance } from "./aws-instance.js";
import { awsLaunchTemplate } from "./aws-launch-template.js";
import { awsSagemakerEndpointConfiguration, awsSagemakerFree, awsSagemakerNotebookInstance } from "./aws-sagemaker.js";
import { awsEbsVolume, awsFsxLustre, awsNatGateway, awsS3Bucket } from "./aws-storage.js";
import { karpenterNodePool } from "./karpenter-node-pool.js";
import { awsEc2CapacityBlockReservation, awsEc2CapacityReservation } from "./aws-reserved-capacity.js";
import { awsccSagemakerCluster } from "./awscc-sagemaker-cluster.js";
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
]);

const ENTRIES: CatalogEntry[] = [
  awsInstance,
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
