import { describe, expect, it } from "vitest";
import { parseUsage } from "../../../src/pricing/usage.js";
import { AWSCC_FREE_TWINS, AWSCC_TWINS } from "../../../src/pricing/catalog/awscc-twins.js";
import { FREE_TYPES, supportedTypes } from "../../../src/pricing/catalog/index.js";
import type { ResourceEstimate } from "../../../src/pricing/estimate.js";
import { priceStack } from "../../helpers/stack-plan.js";
import { planFromCdktfStack } from "../../../src/plan/cdktf-plan.js";

const tags = (t: Record<string, string>) => Object.entries(t).map(([key, value]) => ({ key, value }));
const shape = (r: ResourceEstimate) => r.components.map((c) => [c.name, c.monthlyQuantity, c.unitPrice, c.unpricedReason ?? null]);

/**
 * Each awscc twin next to the aws resource it stands for, written with the aws provider's names: the awscc one
 * must cost exactly the same, component by component.
 */
const PAIRS: [string, Record<string, unknown>, string, Record<string, unknown>][] = [
  ["awscc_ec2_instance", { instance_type: "g5.xlarge", block_device_mappings: [{ device_name: "/dev/xvda", ebs: { volume_size: 100, volume_type: "gp3" } }, { device_name: "/dev/sdf", ebs: { volume_size: 500, volume_type: "gp3", iops: 6000 } }] },
    "aws_instance", { instance_type: "g5.xlarge", root_block_device: { volume_size: 100, volume_type: "gp3" }, ebs_block_device: [{ device_name: "/dev/sdf", volume_size: 500, volume_type: "gp3", iops: 6000 }] }],
  ["awscc_ec2_volume", { size: 200, volume_type: "io2", iops: 4000 }, "aws_ebs_volume", { size: 200, type: "io2", iops: 4000 }],
  ["awscc_ec2_nat_gateway", { connectivity_type: "public" }, "aws_nat_gateway", {}],
  ["awscc_ec2_eip", { domain: "vpc" }, "aws_eip", { domain: "vpc" }],
  ["awscc_ec2_eip", { public_ipv_4_pool: "ipv4pool-ec2-0123" }, "aws_eip", { public_ipv4_pool: "ipv4pool-ec2-0123" }],
  ["awscc_eks_cluster", { version: "1.32", role_arn: "arn", resources_vpc_config: { subnet_ids: ["s"] } }, "aws_eks_cluster", { version: "1.32" }],
  ["awscc_eks_cluster", { version: "1.32", upgrade_policy: { support_type: "STANDARD" } }, "aws_eks_cluster", { version: "1.32", upgrade_policy: { support_type: "STANDARD" } }],
  ["awscc_rds_db_instance", { engine: "postgres", db_instance_class: "db.t3.large", allocated_storage: "100" }, "aws_db_instance", { engine: "postgres", instance_class: "db.t3.large", allocated_storage: 100 }],
  ["awscc_rds_db_instance", { engine: "mysql", db_instance_class: "db.t3.large", multi_az: true, storage_type: "gp3", allocated_storage: "500", iops: 15000 },
    "aws_db_instance", { engine: "mysql", instance_class: "db.t3.large", multi_az: true, storage_type: "gp3", allocated_storage: 500, iops: 15000 }],
  ["awscc_rds_db_cluster", { engine: "aurora-postgresql" }, "aws_rds_cluster", { engine: "aurora-postgresql" }],
  ["awscc_elasticloadbalancingv2_load_balancer", { type: "application", subnets: ["a", "b"] }, "aws_lb", { load_balancer_type: "application", subnets: ["a", "b"] }],
  ["awscc_elasticloadbalancingv2_load_balancer", { type: "network", scheme: "internal", subnets: ["a", "b"] }, "aws_lb", { load_balancer_type: "network", internal: true, subnets: ["a", "b"] }],
  ["awscc_s3_bucket", { bucket_name: "b" }, "aws_s3_bucket", { bucket: "b" }],
  ["awscc_logs_log_group", { log_group_class: "INFREQUENT_ACCESS" }, "aws_cloudwatch_log_group", { log_group_class: "INFREQUENT_ACCESS" }],
  ["awscc_kms_key", { key_spec: "RSA_2048" }, "aws_kms_key", { customer_master_key_spec: "RSA_2048" }],
  ["awscc_kms_key", {}, "aws_kms_key", {}],
  ["awscc_secretsmanager_secret", { replica_regions: [{ region: "eu-west-1" }] }, "aws_secretsmanager_secret", { replica: [{ region: "eu-west-1" }] }],
  ["awscc_ecr_repository", {}, "aws_ecr_repository", {}],
  ["awscc_ec2_vpc_endpoint", { vpc_endpoint_type: "Interface", subnet_ids: ["a", "b", "c"], service_name: "com.amazonaws.us-east-1.ecr.api" }, "aws_vpc_endpoint", { vpc_endpoint_type: "Interface", subnet_ids: ["a", "b", "c"] }],
  // Gateway (the default type of both): free, no components.
  ["awscc_ec2_vpc_endpoint", { service_name: "com.amazonaws.us-east-1.s3" }, "aws_vpc_endpoint", {}],
  ["awscc_dynamodb_table", { provisioned_throughput: { read_capacity_units: 10, write_capacity_units: 5 }, point_in_time_recovery_specification: { point_in_time_recovery_enabled: true } },
    "aws_dynamodb_table", { read_capacity: 10, write_capacity: 5, point_in_time_recovery: { enabled: true } }],
  ["awscc_dynamodb_table", { billing_mode: "PAY_PER_REQUEST" }, "aws_dynamodb_table", { billing_mode: "PAY_PER_REQUEST" }],
  ["awscc_lambda_function", { memory_size: 1024, architectures: ["arm64"], ephemeral_storage: { size: 2048 } }, "aws_lambda_function", { memory_size: 1024, architectures: ["arm64"], ephemeral_storage: { size: 2048 } }],
  ["awscc_stepfunctions_state_machine", { state_machine_type: "EXPRESS" }, "aws_sfn_state_machine", { type: "EXPRESS" }],
  ["awscc_apigateway_rest_api", {}, "aws_api_gateway_rest_api", {}],
  ["awscc_apigatewayv2_api", { protocol_type: "WEBSOCKET" }, "aws_apigatewayv2_api", { protocol_type: "WEBSOCKET" }],
  ["awscc_efs_file_system", { throughput_mode: "provisioned", provisioned_throughput_in_mibps: 10 }, "aws_efs_file_system", { throughput_mode: "provisioned", provisioned_throughput_in_mibps: 10 }],
  ["awscc_opensearchservice_domain", { cluster_config: { instance_type: "r6g.large.search", instance_count: 3, dedicated_master_enabled: true, dedicated_master_type: "m6g.large.search", dedicated_master_count: 3 }, ebs_options: { ebs_enabled: true, volume_size: 100, volume_type: "gp3" } },
    "aws_opensearch_domain", { cluster_config: { instance_type: "r6g.large.search", instance_count: 3, dedicated_master_enabled: true, dedicated_master_type: "m6g.large.search", dedicated_master_count: 3 }, ebs_options: { ebs_enabled: true, volume_size: 100, volume_type: "gp3" } }],
  ["awscc_elasticache_cache_cluster", { engine: "redis", cache_node_type: "cache.t3.medium", num_cache_nodes: 2 }, "aws_elasticache_cluster", { engine: "redis", node_type: "cache.t3.medium", num_cache_nodes: 2 }],
  ["awscc_elasticache_replication_group", { replication_group_description: "d", engine: "valkey", cache_node_type: "cache.r7g.large", num_node_groups: 2, replicas_per_node_group: 1 },
    "aws_elasticache_replication_group", { engine: "valkey", node_type: "cache.r7g.large", num_node_groups: 2, replicas_per_node_group: 1 }],
  ["awscc_sqs_queue", { fifo_queue: true }, "aws_sqs_queue", { fifo_queue: true }],
  ["awscc_sns_topic", {}, "aws_sns_topic", {}],
  ["awscc_kinesis_stream", { shard_count: 4 }, "aws_kinesis_stream", { shard_count: 4 }],
  ["awscc_kinesis_stream", { stream_mode_details: { stream_mode: "ON_DEMAND" } }, "aws_kinesis_stream", { stream_mode_details: { stream_mode: "ON_DEMAND" } }],
  ["awscc_msk_cluster", { number_of_broker_nodes: 3, broker_node_group_info: { instance_type: "kafka.m5.large", client_subnets: ["a"], storage_info: { ebs_storage_info: { volume_size: 1000 } } } },
    "aws_msk_cluster", { number_of_broker_nodes: 3, broker_node_group_info: { instance_type: "kafka.m5.large", client_subnets: ["a"], storage_info: { ebs_storage_info: { volume_size: 1000 } } } }],
  ["awscc_route53_hosted_zone", { name: "example.com" }, "aws_route53_zone", { name: "example.com" }],
  ["awscc_cloudwatch_alarm", { period: 10, metric_name: "m", namespace: "n" }, "aws_cloudwatch_metric_alarm", { period: 10, metric_name: "m", namespace: "n" }],
  ["awscc_cloudwatch_alarm", { metrics: [{ id: "a", metric_stat: { period: 60, metric: { metric_name: "x" }, stat: "Sum" } }, { id: "b", metric_stat: { period: 10, metric: { metric_name: "y" }, stat: "Sum" } }, { id: "e", expression: "a+b" }] },
    "aws_cloudwatch_metric_alarm", { metric_query: [{ id: "a", metric: { period: 60 } }, { id: "b", metric: { period: 10 } }, { id: "e", expression: "a+b" }] }],
  ["awscc_glue_job", { command: { name: "glueetl" }, worker_type: "G.1X", number_of_workers: 10, role: "r" }, "aws_glue_job", { command: { name: "glueetl" }, worker_type: "G.1X", number_of_workers: 10 }],
  ["awscc_grafana_workspace", { account_access_type: "CURRENT_ACCOUNT" }, "aws_grafana_workspace", {}],
  ["awscc_eks_fargate_profile", { cluster_name: "c" }, "aws_eks_fargate_profile", { cluster_name: "c" }],
  ["awscc_ec2_capacity_reservation", { instance_type: "p5.48xlarge", instance_count: 2, instance_platform: "Linux/UNIX" }, "aws_ec2_capacity_reservation", { instance_type: "p5.48xlarge", instance_count: 2, instance_platform: "Linux/UNIX" }],
  ["awscc_sagemaker_endpoint", { endpoint_config_name: "cfg" }, "aws_sagemaker_endpoint", { endpoint_config_name: "cfg" }],
];

const USAGE = parseUsage(
  [
    "resource_type_default_usage:",
    ...["aws_s3_bucket", "awscc_s3_bucket"].flatMap((t) => [`  ${t}:`, "    storage_gb: 1000", "    monthly_put_requests: 100000"]),
    ...["aws_nat_gateway", "awscc_ec2_nat_gateway"].flatMap((t) => [`  ${t}:`, "    monthly_data_processed_gb: 100"]),
    ...["aws_lambda_function", "awscc_lambda_function"].flatMap((t) => [`  ${t}:`, "    monthly_requests: 1000000", "    request_duration_ms: 200"]),
    "",
  ].join("\n"),
  "u.yml",
);

describe("awscc twins", () => {
  it.each(PAIRS.map(([t, a, tw, b], i) => [`${i}: ${t}`, t, a, tw, b] as const))("%s costs what its aws twin costs", async (_label, awsccType, awscc, awsType, aws) => {
    const { res } = await priceStack({ [awsccType]: { x: awscc }, [awsType]: { x: aws } }, { usage: USAGE });
    const cc = res(`${awsccType}.x`);
    const twin = res(`${awsType}.x`);
    expect(shape(cc)).toEqual(shape(twin));
    expect(cc.monthlyCost).toBe(twin.monthlyCost);
    expect(cc.status).toBe(twin.status);
    expect(cc.facts).toEqual(twin.facts);
  });

  it("every priced awscc twin is in the catalog and every free awscc type's twin is free", () => {
    for (const t of AWSCC_TWINS) {
      expect(supportedTypes()).toContain(t.type);
      expect(t.twin.types).toContain(t.twinType);
    }
    for (const [cc, aws] of Object.entries(AWSCC_FREE_TWINS)) {
      expect(FREE_TYPES.has(aws), aws).toBe(true);
      expect(FREE_TYPES.has(cc), cc).toBe(true);
    }
  });

  it("prices an AI stack written with awscc exactly (us-east-1 snapshot)", async () => {
    const { res, estimate } = await priceStack({
      awscc_ec2_instance: { gpu: { instance_type: "g5.xlarge", tags: tags({ team: "ml" }) } },
      awscc_rds_db_instance: { db: { engine: "postgres", db_instance_class: "db.t3.large", allocated_storage: "100" } },
      awscc_ec2_nat_gateway: { nat: {} },
      awscc_ec2_eip: { nat: { domain: "vpc" } },
      awscc_eks_cluster: { c: { version: "1.34", role_arn: "arn", resources_vpc_config: { subnet_ids: ["s"] } } },
      awscc_iam_role: { r: { assume_role_policy_document: "{}" } },
    });
    // g5.xlarge: 730 × 1.006 = 734.38, plus the assumed 8 GB gp2 root: 8 × 0.10 = 0.80
    expect(res("awscc_ec2_instance.gpu").monthlyCost).toBeCloseTo(735.18, 10);
    // db.t3.large postgres: 730 × 0.145 = 105.85; 100 GB gp2: 100 × 0.115 = 11.50
    expect(res("awscc_rds_db_instance.db").monthlyCost).toBeCloseTo(117.35, 10);
    // NAT gateway: 730 × 0.045 = 32.85 (data processed is usage-based)
    expect(res("awscc_ec2_nat_gateway.nat").components[0]!.monthlyCost).toBeCloseTo(32.85, 10);
    // Public IPv4: 730 × 0.005 = 3.65
    expect(res("awscc_ec2_eip.nat").monthlyCost).toBeCloseTo(3.65, 10);
    // EKS 1.34 (standard support): 730 × 0.10 = 73.00
    expect(res("awscc_eks_cluster.c").monthlyCost).toBeCloseTo(73, 10);
    expect(res("awscc_iam_role.r").status).toBe("free");
    expect(estimate.stacks[0]!.resources.filter((r) => r.status === "unsupported")).toEqual([]);
  });

  it("reads awscc tag lists ({key, value}), ignores the aws provider's default_tags, and marks expression values unknown", async () => {
    const { res } = await priceStack(
      {
        awscc_ec2_instance: { a: { instance_type: "g5.xlarge", tags: [{ key: "team", value: "ml" }, { key: "cost-center", value: "${var.cc}" }] } },
        awscc_efs_file_system: { fs: { file_system_tags: tags({ team: "data" }) } },
        awscc_ec2_launch_template: { lt: { launch_template_data: { instance_type: "p5.48xlarge", tag_specifications: [{ resource_type: "instance", tags: tags({ workload: "training" }) }] } } },
      },
      { defaultTags: { env: "prod" } },
    );
    expect(res("awscc_ec2_instance.a").tags).toEqual({ team: "ml" });
    expect(res("awscc_ec2_instance.a").unknownTags).toEqual(["cost-center"]);
    expect(res("awscc_efs_file_system.fs").tags).toEqual({ team: "data" });
    expect(res("awscc_ec2_launch_template.lt").tags).toEqual({ workload: "training" });
    expect(res("awscc_ec2_launch_template.lt").facts).toMatchObject({ instanceTypes: ["p5.48xlarge"], gpusPerInstance: 8, workload: "training" });
  });

  it("shows GPU facts: an awscc instance's or ASG's GPUs, through an awscc launch template", async () => {
    const { res } = await priceStack({
      awscc_ec2_launch_template: { gpu: { launch_template_name: "gpu", launch_template_data: { instance_type: "p5.48xlarge", instance_market_options: { market_type: "spot" } } } },
      awscc_ec2_instance: { one: { launch_template: { launch_template_id: "${awscc_ec2_launch_template.gpu.launch_template_id}", version: "1" } } },
      awscc_autoscaling_auto_scaling_group: { asg: { min_size: "0", max_size: "4", desired_capacity: "2", launch_template: { launch_template_name: "gpu", version: "1" } } },
    });
    const one = res("awscc_ec2_instance.one");
    expect(one.facts).toMatchObject({ instanceTypes: ["p5.48xlarge"], gpusPerInstance: 8, instanceCount: 1, purchaseOption: "spot" });
    expect(one.components[0]).toMatchObject({ purchaseOption: "spot", monthlyQuantity: 730 });
    const asg = res("awscc_autoscaling_auto_scaling_group.asg");
    expect(asg.facts).toMatchObject({ instanceTypes: ["p5.48xlarge"], gpusPerInstance: 8, instanceCount: 2, maxCapacity: 4 });
    expect(asg.components[0]).toMatchObject({ monthlyQuantity: 2 * 730, quantityRange: { low: 0, high: 4 * 730 } });
  });

  it("an awscc DB instance in an awscc DB cluster is an Aurora cluster instance at the cluster's storage configuration", async () => {
    const { res } = await priceStack({
      awscc_rds_db_cluster: { c: { engine: "aurora-postgresql", serverless_v2_scaling_configuration: { min_capacity: 0.5, max_capacity: 8 } } },
      awscc_rds_db_instance: { w: { engine: "aurora-postgresql", db_instance_class: "db.serverless", db_cluster_identifier: "${awscc_rds_db_cluster.c.db_cluster_identifier}" } },
      aws_rds_cluster: { c: { engine: "aurora-postgresql", serverlessv2_scaling_configuration: { min_capacity: 0.5, max_capacity: 8 } } },
      aws_rds_cluster_instance: { w: { engine: "aurora-postgresql", instance_class: "db.serverless", cluster_identifier: "${aws_rds_cluster.c.id}" } },
    });
    expect(shape(res("awscc_rds_db_instance.w"))).toEqual(shape(res("aws_rds_cluster_instance.w")));
    expect(res("awscc_rds_db_instance.w").components[0]).toMatchObject({ name: "Serverless v2 capacity (0.5–8 ACUs)", monthlyQuantity: 365 });
  });

  it("an unknown instance type is bad input naming the awscc attribute", async () => {
    await expect(priceStack({ awscc_rds_db_instance: { db: { engine: "postgres", db_instance_class: "db.t3.large", allocated_storage: "1" } }, awscc_ec2_instance: { a: { instance_type: "g5.xlargee" } } })).rejects.toThrow(
      /unknown instance type `g5.xlargee` on awscc_ec2_instance.a/,
    );
    await expect(priceStack({ awscc_ec2_instance: { a: { instance_type: "g5.xlargee" } } })).rejects.toMatchObject({ at: "/resource/awscc_ec2_instance/a/instance_type" });
  });

  it("takes the region of the awscc provider configuration (cdktf), not the aws one", () => {
    const plan = planFromCdktfStack(
      { provider: { aws: [{ region: "us-east-1", default_tags: [{ tags: { env: "prod" } }] }], awscc: [{ region: "eu-west-1" }] }, resource: { awscc_ec2_eip: { ip: {} }, aws_eip: { ip: {} } } },
      { stack: "s", file: "inline.json", defaultRegion: "us-east-1" },
    );
    const [cc, aws] = [plan.resources.find((r) => r.type === "awscc_ec2_eip")!, plan.resources.find((r) => r.type === "aws_eip")!];
    expect([cc.region, cc.regionDefaulted, cc.provider, cc.tags]).toEqual(["eu-west-1", false, "awscc", {}]);
    expect([aws.region, aws.tags]).toEqual(["us-east-1", { env: "prod" }]);
  });

  it("an awscc type without a twin is unsupported but shows its GPUs: spot fleet, EC2 fleet, Batch compute environment", async () => {
    const { res } = await priceStack({
      awscc_ec2_spot_fleet: { sf: { spot_fleet_request_config_data: { iam_fleet_role: "r", target_capacity: 2, launch_specifications: [{ instance_type: "p5.48xlarge" }] } } },
      awscc_ec2_ec2_fleet: { f: { target_capacity_specification: { total_target_capacity: 3 }, launch_template_configs: [{ overrides: [{ instance_type: "g5.xlarge" }] }] } },
      awscc_batch_compute_environment: { ce: { type: "MANAGED", compute_resources: { type: "EC2", maxv_cpus: 96, instance_types: ["g5.xlarge"] } } },
    });
    expect(res("awscc_ec2_spot_fleet.sf")).toMatchObject({ status: "unsupported", facts: { instanceTypes: ["p5.48xlarge"], gpuCount: 16 } });
    expect(res("awscc_ec2_ec2_fleet.f").facts).toMatchObject({ instanceTypes: ["g5.xlarge"], gpuCount: 3 });
    // Batch capacity is in vCPUs, not instances: the GPU count is unknown (policies fail closed).
    expect(res("awscc_batch_compute_environment.ce").facts).toMatchObject({ instanceTypes: ["g5.xlarge"], gpusPerInstance: 1, gpuCount: null });
  });
});
