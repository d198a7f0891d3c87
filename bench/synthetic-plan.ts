/** A synthesized-looking cdk.tf.json with `n` resources of the priced GPU families, for benchmarks. */
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
    switch (i % 5) {
      case 0:
        resource.aws_instance![`vm${i}`] = { ...meta, ami: "ami-1", instance_type: t, root_block_device: { volume_size: 100, volume_type: "gp3" }, tags: { team: `t${i % 13}` } };
        break;
      case 1:
        resource.aws_ebs_volume![`vol${i}`] = { ...meta, size: 100 + (i % 900), type: "gp3", availability_zone: "us-east-1a" };
        break;
      case 2:
        resource.aws_eks_node_group![`ng${i}`] = { ...meta, cluster_name: "c", node_role_arn: "arn", subnet_ids: ["s"], instance_types: [t], capacity_type: i % 2 ? "SPOT" : "ON_DEMAND", scaling_config: { desired_size: 2, min_size: 0, max_size: 4 } };
        break;
      case 3:
        resource.aws_s3_bucket![`b${i}`] = { ...meta, bucket: `bucket-${i}` };
        break;
      default:
        resource.aws_iam_role![`role${i}`] = { ...meta, name: `role-${i}`, assume_role_policy: "{}" };
    }
  }
  return {
    provider: { aws: [{ region: "us-east-1", default_tags: [{ tags: { team: "ml", project: "bench", environment: "dev", "cost-center": "cc", owner: "o" } }] }] },
    resource,
  };
}
