/**
 * A synthesized-looking cdk.tf.json with `n` resources of the priced GPU families, for benchmarks: instances
 * (spot training with checkpoints, on-demand), EBS volumes, EKS node groups, S3 buckets and IAM roles, with
 * provider default tags and per-resource tags, as CostTags writes them.
 */
export function syntheticStack(n: number): unknown {
  const types = ["p5.48xlarge", "p4d.24xlarge", "g5.xlarge", "g6.2xlarge", "m5.large", "c5.2xlarge", "inf2.xlarge"];
  const resource: Record<string, Record<string, unknown>> = {
    aws_instance: {},
    aws_ebs_volume: {},
    aws_eks_node_group: {},
    aws_s3_bucket: {},
    aws_iam_role: {},
  };
  for (let i = 0; i < n; i++) {
    const t = types[i % types.length]!;
    const meta = { "//": { metadata: { path: `bench/r${i}`, uniqueId: `r${i}` } } };
    const tags = { team: `team-${i % 13}`, workload: i % 3 ? "training" : "inference", ...(i % 6 === 1 ? { "checkpoint-uri": `s3://ckpt/r${i}/` } : {}) };
    switch (i % 5) {
      case 0:
        resource.aws_instance![`vm${i}`] = {
          ...meta,
          ami: "ami-1",
          instance_type: t,
          root_block_device: { volume_size: 100, volume_type: "gp3" },
          ...(i % 2 ? { instance_market_options: { market_type: "spot" } } : {}),
          tags,
        };
        break;
      case 1:
        resource.aws_ebs_volume![`vol${i}`] = { ...meta, size: 100 + (i % 900), type: "gp3", availability_zone: "us-east-1a", tags };
        break;
      case 2:
        resource.aws_eks_node_group![`ng${i}`] = {
          ...meta,
          cluster_name: "c",
          node_role_arn: "${aws_iam_role.role4.arn}",
          subnet_ids: ["s"],
          instance_types: [t],
          capacity_type: i % 2 ? "SPOT" : "ON_DEMAND",
          scaling_config: { desired_size: 2, min_size: 0, max_size: 4 },
          tags,
        };
        break;
      case 3:
        resource.aws_s3_bucket![`b${i}`] = { ...meta, bucket: `bucket-${i}`, tags };
        break;
      default:
        resource.aws_iam_role![`role${i}`] = { ...meta, name: `role-${i}`, assume_role_policy: "{}" };
    }
  }
  return {
    provider: { aws: [{ region: "us-east-1", default_tags: [{ tags: { project: "bench", environment: "dev", "cost-center": "CC-0001", owner: "ml@example.com" } }] }] },
    resource,
  };
}
