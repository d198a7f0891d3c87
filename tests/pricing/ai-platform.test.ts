import { describe, expect, it } from "vitest";
import { parseUsage } from "../../src/pricing/usage.js";
import { priceStack } from "../helpers/stack-plan.js";

// A realistic AI platform on AWS (issue 13): EKS + a GPU node group, two NAT gateways with Elastic IPs, an
// internet-facing ALB, RDS Postgres, OpenSearch, CloudWatch logs, KMS, Secrets Manager, an interface VPC endpoint,
// ECR, S3, a SageMaker endpoint, and Helm releases. Prices: the embedded snapshot (shared/pricing facts).

const platform = {
  aws_eks_cluster: { main: { name: "ml", role_arn: "arn", version: "1.35", upgrade_policy: { support_type: "STANDARD" }, vpc_config: { subnet_ids: ["a", "b"] } } },
  aws_eks_node_group: {
    gpu: { cluster_name: "ml", node_role_arn: "arn", subnet_ids: ["a"], instance_types: ["g5.xlarge"], scaling_config: { min_size: 2, desired_size: 2, max_size: 2 } },
  },
  aws_eip: { nat_a: { domain: "vpc" }, nat_b: { domain: "vpc" } },
  aws_nat_gateway: { a: { allocation_id: "${aws_eip.nat_a.id}", subnet_id: "a" }, b: { allocation_id: "${aws_eip.nat_b.id}", subnet_id: "b" } },
  aws_lb: { api: { name: "api", load_balancer_type: "application", internal: false, subnets: ["a", "b"] } },
  aws_lb_listener: { https: { load_balancer_arn: "${aws_lb.api.arn}", port: 443 } },
  aws_db_instance: { mlflow: { engine: "postgres", instance_class: "db.t3.large", allocated_storage: 100, storage_type: "gp2" } },
  aws_opensearch_domain: {
    search: { domain_name: "vectors", cluster_config: { instance_type: "r6g.large.search", instance_count: 2 }, ebs_options: { ebs_enabled: true, volume_type: "gp3", volume_size: 100 } },
  },
  aws_cloudwatch_log_group: { eks: { name: "/aws/eks/ml/cluster" } },
  aws_kms_key: { data: { description: "ml data" } },
  aws_kms_alias: { data: { name: "alias/ml", target_key_id: "${aws_kms_key.data.key_id}" } },
  aws_secretsmanager_secret: { db: { name: "mlflow-db" } },
  aws_vpc_endpoint: { ecr: { vpc_id: "v", service_name: "com.amazonaws.us-east-1.ecr.dkr", vpc_endpoint_type: "Interface", subnet_ids: ["a", "b"] } },
  aws_ecr_repository: { models: { name: "models" } },
  aws_s3_bucket: { artifacts: { bucket: "ml-artifacts" } },
  aws_sagemaker_endpoint_configuration: {
    llm: { production_variants: [{ variant_name: "main", model_name: "m", instance_type: "ml.g5.xlarge", initial_instance_count: 1 }] },
  },
  helm_release: { kuberay: { name: "kuberay", chart: "kuberay-operator" }, nvidia: { name: "gpu-operator", chart: "gpu-operator" } },
};

const usage = parseUsage(
  `resource_type_default_usage:
  aws_nat_gateway: {monthly_data_processed_gb: 100}
  aws_db_instance: {additional_backup_storage_gb: 0}
  aws_lb: {monthly_lcu_hours: 730}
  aws_cloudwatch_log_group: {monthly_data_ingested_gb: 50, storage_gb: 200, monthly_data_scanned_gb: 0}
  aws_kms_key: {monthly_requests: 0}
  aws_secretsmanager_secret: {monthly_requests: 0}
  aws_vpc_endpoint: {monthly_data_processed_gb: 100}
  aws_ecr_repository: {storage_gb: 50}
  aws_s3_bucket: {storage_gb: 1000, monthly_put_requests: 100000, monthly_get_requests: 1000000}
`,
  "usage.yml",
);

describe("a realistic AI platform", () => {
  it("us-east-1: no AWS resource is unsupported, everything is priced, and the total is exact", async () => {
    const { estimate: e, res } = await priceStack(platform, { usage });
    expect(e.totals.unsupported).toBe(0);
    expect(e.stacks[0]!.resources.filter((r) => !r.complete).map((r) => `${r.address}: ${r.notes.join("; ")}`)).toEqual([]);
    expect(e.totals.notAws).toBe(2);
    // Monthly, 730 h:
    const expected = {
      "aws_eks_cluster.main": 73, //                  0.10 × 730 (upgrade_policy STANDARD: never extended support)
      "aws_eks_node_group.gpu": 1472.76, //          2 × 1.006 × 730 = 1,468.76 + 2 × 20 GB gp2 × 0.10 = 4.00
      "aws_eip.nat_a": 3.65, //                       0.005 × 730
      "aws_eip.nat_b": 3.65,
      "aws_nat_gateway.a": 37.35, //                  0.045 × 730 = 32.85 + 100 GB × 0.045 = 4.50
      "aws_nat_gateway.b": 37.35,
      "aws_lb.api": 29.565, //                        0.0225 × 730 = 16.425 + 730 LCU-h × 0.008 = 5.84 + 2 AZ IPv4 × 3.65 = 7.30
      "aws_db_instance.mlflow": 117.35, //            0.145 × 730 = 105.85 + 100 GB × 0.115 = 11.50
      "aws_opensearch_domain.search": 268.22, //      2 × 0.167 × 730 = 243.82 + 2 × 100 GB gp3 × 0.122 = 24.40
      "aws_cloudwatch_log_group.eks": 31, //          50 GB × 0.50 = 25 + 200 GB × 0.03 = 6
      "aws_kms_key.data": 1, //                       1 key-month
      "aws_secretsmanager_secret.db": 0.4, //         1 secret-month
      "aws_vpc_endpoint.ecr": 15.6, //                2 AZ × 0.01 × 730 = 14.60 + 100 GB × 0.01 = 1.00
      "aws_ecr_repository.models": 5, //              50 GB × 0.10
      "aws_s3_bucket.artifacts": 23.9, //             1,000 GB × 0.023 = 23 + 100k PUT × 0.005/1k = 0.50 + 1M GET × 0.0004/1k = 0.40
      "aws_sagemaker_endpoint_configuration.llm": 1028.132, // 1 × 1.4084 × 730
    };
    for (const [address, cost] of Object.entries(expected)) expect(res(address).monthlyCost, address).toBeCloseTo(cost, 6);
    const total = Object.values(expected).reduce((a, b) => a + b, 0); // 3,147.927
    expect(total).toBeCloseTo(3147.927, 6);
    expect(e.totals.monthlyCost).toBeCloseTo(total, 6);
  });

  it("eu-west-1: what the snapshot lacks is unpriced, each with the reason — never $0", async () => {
    const { estimate: e } = await priceStack(platform, { usage, region: "eu-west-1" });
    expect(e.totals.unsupported).toBe(0);
    const resources = e.stacks.flatMap((s) => s.resources);
    const gaps = resources.flatMap((r) => r.components.filter((c) => c.monthlyCost === null).map((c) => ({ r: r.address, c })));
    expect(gaps.length).toBeGreaterThan(0);
    for (const { r, c } of gaps) expect(c.unpricedReason ?? c.usageKey, `${r}: ${c.name}`).toBeTruthy();
    for (const { c } of gaps) if (c.unpricedReason) expect(c.unpricedReason).toMatch(/eu-west-1|snapshot|price/);
    // Uniform prices (EKS, public IPv4, KMS, Secrets Manager) apply in every commercial region.
    const byAddress = (a: string) => resources.find((x) => x.address === a)!;
    expect(byAddress("aws_eks_cluster.main").monthlyCost).toBeCloseTo(73, 9);
    expect(byAddress("aws_eip.nat_a").monthlyCost).toBeCloseTo(3.65, 9);
    expect(byAddress("aws_kms_key.data").monthlyCost).toBeCloseTo(1, 9);
    expect(e.totals.notPriced).toBeGreaterThan(0);
  });
});
