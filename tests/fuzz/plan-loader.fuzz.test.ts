import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { CostgateError } from "../../src/errors.js";
import { planFromCdktfStack } from "../../src/plan/cdktf-plan.js";
import { planFromTerraformPlan } from "../../src/plan/terraform-plan.js";
import { estimatePlan } from "../../src/pricing/estimate-plans.js";
import { allResources } from "../../src/pricing/estimate.js";
import { parseUsage } from "../../src/pricing/usage.js";

// CI replays a fixed seed so a landing never depends on luck; local runs explore new inputs each time
// (a failure prints its seed to replay).
if (process.env.CI) fc.configureGlobal({ seed: 20261123 });

/** Every input ends in a valid estimate or one CostgateError: never another exception, never NaN or a negative cost. */
async function outcome(load: () => Parameters<typeof estimatePlan>[0]): Promise<"estimate" | "error"> {
  try {
    const e = await estimatePlan(load(), { allowUnknownInstanceTypes: false });
    for (const r of allResources(e)) {
      expect(Number.isFinite(r.monthlyCost) && r.monthlyCost >= 0, `${r.address} monthlyCost ${r.monthlyCost}`).toBe(true);
      for (const c of r.components) {
        if (c.monthlyCost !== null) expect(Number.isFinite(c.monthlyCost) && c.monthlyCost >= 0, `${r.address} ${c.name}`).toBe(true);
        // Nothing is silently $0: a component without a cost says why.
        if (c.monthlyCost === null) expect(c.unpricedReason !== undefined || c.monthlyQuantity === null).toBe(true);
      }
    }
    expect(Number.isFinite(e.totals.monthlyCost)).toBe(true);
    return "estimate";
  } catch (err) {
    if (!(err instanceof CostgateError)) throw err;
    expect(err.message).not.toMatch(/\n/);
    return "error";
  }
}

const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.integer({ min: -5, max: 5000 }), fc.double(), fc.boolean(), fc.constant(null), fc.constant("${var.x}"));
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: "small" }, scalar, fc.array(tie("v"), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 8 }), tie("v"), { maxKeys: 4 })),
})).v;
const types = fc.constantFrom(
  "aws_instance", "aws_autoscaling_group", "aws_launch_template", "aws_eks_node_group", "aws_batch_compute_environment",
  "aws_batch_job_definition", "aws_sagemaker_endpoint_configuration", "aws_sagemaker_notebook_instance", "aws_ebs_volume",
  "aws_s3_bucket", "aws_fsx_lustre_file_system", "aws_nat_gateway", "aws_iam_role", "aws_unknown_thing",
);
const attrNames = fc.constantFrom(
  "instance_type", "count", "for_each", "tags", "root_block_device", "ebs_block_device", "instance_market_options", "desired_capacity",
  "min_size", "mixed_instances_policy", "launch_template", "scaling_config", "instance_types", "capacity_type", "compute_resources",
  "production_variants", "size", "type", "iops", "throughput", "storage_capacity", "deployment_type", "volume_size", "provider",
  "container_properties", "retry_strategy", "timeout", "tag", "tag_specifications", "block_device_mappings",
);
const realisticValue = fc.oneof(value, fc.constantFrom("g5.xlarge", "p5.48xlarge", "p5e.48xlarge", "SPOT", "gp3", "io2", "aws.west", 0, 3, -1, "2", { market_type: "spot" }));
const resource = fc.dictionary(attrNames, realisticValue, { maxKeys: 6 });
const stack = fc.record({
  provider: fc.oneof(fc.constant({ aws: [{ region: "us-east-1" }, { alias: "west", region: "us-west-2" }] }), value),
  resource: fc.oneof(fc.dictionary(types, fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/), resource, { maxKeys: 3 }), { maxKeys: 4 }), value),
});

describe("fuzz: plan loaders", () => {
  it("cdktf stacks of random shape end in an estimate or one clear error", async () => {
    await fc.assert(fc.asyncProperty(stack, async (json) => {
      await outcome(() => planFromCdktfStack(json, { stack: "s", file: "f.json", defaultRegion: "us-east-1" }));
    }), { numRuns: 400 });
  });

  it("mutated Terraform plans end in an estimate or one clear error", async () => {
    const base = JSON.parse(readFileSync("tests/fixtures/tfplan/gpu-plan.json", "utf8"));
    const paths = fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.nat(8)), { minLength: 1, maxLength: 5 });
    await fc.assert(fc.asyncProperty(paths, value, async (path, v) => {
      const json = structuredClone(base);
      let node = json;
      for (const seg of path.slice(0, -1)) {
        if (node === null || typeof node !== "object") break;
        node = node[seg as keyof typeof node] ?? node;
      }
      if (node !== null && typeof node === "object") (node as Record<string, unknown>)[String(path.at(-1))] = v;
      await outcome(() => planFromTerraformPlan(json, { file: "p.json", stack: "main", defaultRegion: "us-east-1" }));
    }), { numRuns: 400 });
  });
});

describe("fuzz: usage loader", () => {
  it("random YAML text parses or fails with one positioned CostgateError", () => {
    const lines = fc.array(fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom("resource_usage:", "  aws_instance.x:", "    monthly_hrs: 5", "    gpu_hours: -1", "  - a", "version: 1", "{", "&a [*a]", "resource_type_default_usage:", "  aws_s3_bucket: 5")), { maxLength: 8 });
    fc.assert(fc.property(lines, (ls) => {
      try {
        parseUsage(ls.join("\n"), "u.yml");
      } catch (err) {
        if (!(err instanceof CostgateError)) throw err;
        expect(err.message).toMatch(/^u\.yml(:\d+:\d+)?: /);
      }
    }), { numRuns: 600 });
  });
});
