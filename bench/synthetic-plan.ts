import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoPath } from "./stats.js";

/** The two plan shapes the benchmarks run on. */
export type PlanShape = "synth" | "minimal";

/** A synthesized stack to replicate: its cdk.tf.json and the stack id its literal names start with. */
export interface TemplateStack {
  id: string;
  json: { resource: Record<string, Record<string, unknown>> } & Record<string, unknown>;
}

/**
 * Synthesize the example app (`examples/gpu-platform`: Batch training with checkpoints, a SageMaker endpoint
 * with auto scaling and a night schedule, an EKS GPU node pool, IAM, S3) with the real cdktf, into a temporary
 * directory, and return its stacks. Needs `npm run build`.
 */
export function synthesizeExampleStacks(): TemplateStack[] {
  const out = mkdtempSync(join(tmpdir(), "costgate-bench-synth-"));
  try {
    const r = spawnSync(process.execPath, [repoPath("lib/examples/gpu-platform/main.js")], { env: { ...process.env, CDKTF_OUTDIR: out }, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`synthesizing examples/gpu-platform failed: ${r.stderr.trim().split("\n")[0] ?? `exit ${r.status}`}`);
    return readdirSync(join(out, "stacks")).map((id) => ({ id, json: JSON.parse(readFileSync(join(out, "stacks", id, "cdk.tf.json"), "utf8")) }));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * A plan shaped like real synth output: the template stacks' resources, copied until there are `n`. Each copy
 * renames its resources (`<name>_<copy>`) and the literal names AWS needs unique (endpoint, bucket, role names
 * start with the stack id), and its references follow, so cross-resource lookups (an endpoint's scaling target,
 * a node group's launch template) find the copy's own resources, as in a real stack of that size.
 */
export function synthLikeStack(n: number, templates: readonly TemplateStack[]): unknown {
  const resource: Record<string, Record<string, unknown>> = {};
  let count = 0;
  for (let copy = 0; count < n; copy++) {
    const t = templates[copy % templates.length]!;
    const names: [string, string][] = [];
    for (const type in t.json.resource) for (const name in t.json.resource[type]) names.push([type, name]);
    let text = JSON.stringify(t.json.resource).split(t.id).join(`${t.id}-c${copy}`);
    for (const [type, name] of names) text = text.split(`\${${type}.${name}.`).join(`\${${type}.${name}_${copy}.`);
    const copied = JSON.parse(text) as Record<string, Record<string, unknown>>;
    for (const [type, name] of names) {
      if (count === n) break;
      (resource[type] ??= {})[`${name}_${copy}`] = copied[type]![name];
      count++;
    }
  }
  return { ...templates[0]!.json, resource };
}

/**
 * A minimal cdk.tf.json with `n` resources of the priced GPU families: instances (spot training with
 * checkpoints, on-demand), EBS volumes, EKS node groups, S3 buckets and IAM roles, with provider default tags and
 * a few per-resource tags. About 40% of the bytes per resource of real synth output, nearly all of them priced:
 * the worst case for the ratio to JSON.parse.
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
