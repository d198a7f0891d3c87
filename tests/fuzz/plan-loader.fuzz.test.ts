import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { planFromCdktfStack } from "../../src/plan/cdktf-plan.js";
import { planFromTerraformPlan } from "../../src/plan/terraform-plan.js";
import { parseUsage } from "../../src/pricing/usage.js";
import { edgeNumber, estimateOrError, expectCleanError, hostileString } from "./fuzz-outcome.js";

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

/**
 * Well-formed resources of each priced type with their numeric attributes at the edges (negative, fractional,
 * huge, non-finite, numeric strings): the inputs that turn into quantities and costs.
 */
const edgeResources = fc.record({
  aws_instance: fc.record({
    instance_type: fc.constantFrom("g5.xlarge", "p5.48xlarge", "m5.large"),
    count: fc.oneof(fc.constant(undefined), fc.nat(3), edgeNumber),
    root_block_device: fc.record({ volume_size: edgeNumber, volume_type: fc.constantFrom("gp2", "gp3", "io2"), iops: edgeNumber, throughput: edgeNumber }),
    ebs_block_device: fc.array(fc.record({ volume_size: edgeNumber, volume_type: fc.constantFrom("gp3", "io1"), iops: edgeNumber }), { maxLength: 2 }),
    instance_market_options: fc.constantFrom(undefined, { market_type: "spot" }),
  }, { requiredKeys: ["instance_type"] }),
  aws_ebs_volume: fc.record({ size: edgeNumber, type: fc.constantFrom("gp2", "gp3", "io2", "st1"), iops: edgeNumber, throughput: edgeNumber }),
  aws_launch_template: fc.record({
    instance_type: fc.constantFrom("g5.xlarge", "g6.2xlarge"),
    block_device_mappings: fc.array(fc.record({ ebs: fc.record({ volume_size: edgeNumber, volume_type: fc.constantFrom("gp3", "io2"), iops: edgeNumber }) }), { maxLength: 2 }),
  }),
  aws_autoscaling_group: fc.record({
    desired_capacity: edgeNumber,
    min_size: edgeNumber,
    launch_template: fc.constant({ id: "${aws_launch_template.r.id}" }),
    mixed_instances_policy: fc.option(
      fc.record({
        launch_template: fc.constant({ launch_template_specification: { launch_template_id: "${aws_launch_template.r.id}" } }),
        instances_distribution: fc.record({ on_demand_base_capacity: edgeNumber, on_demand_percentage_above_base_capacity: edgeNumber }),
      }),
      { nil: undefined },
    ),
  }),
  aws_eks_node_group: fc.record({ instance_types: fc.constant(["g5.xlarge"]), capacity_type: fc.constantFrom("SPOT", "ON_DEMAND"), scaling_config: fc.record({ desired_size: edgeNumber, min_size: edgeNumber, max_size: edgeNumber }), disk_size: edgeNumber }),
  aws_batch_compute_environment: fc.record({ compute_resources: fc.record({ type: fc.constantFrom("EC2", "SPOT", "FARGATE"), instance_type: fc.constant(["g5.xlarge"]), min_vcpus: edgeNumber, max_vcpus: edgeNumber }) }),
  aws_sagemaker_endpoint_configuration: fc.record({ production_variants: fc.array(fc.record({ instance_type: fc.constantFrom("ml.g5.xlarge", "ml.p4d.24xlarge"), initial_instance_count: edgeNumber, variant_name: hostileString }), { maxLength: 2 }) }),
  aws_sagemaker_notebook_instance: fc.record({ instance_type: fc.constantFrom("ml.t3.medium", "ml.g5.xlarge"), volume_size: edgeNumber }),
  aws_fsx_lustre_file_system: fc.record({ storage_capacity: edgeNumber, deployment_type: fc.constantFrom("SCRATCH_2", "PERSISTENT_2"), per_unit_storage_throughput: edgeNumber }),
  aws_nat_gateway: fc.record({ count: fc.oneof(fc.constant(undefined), fc.nat(2)) }),
  aws_s3_bucket: fc.record({ bucket: hostileString }),
});

/** Usage values at the edges, through the real usage parser (as YAML text). */
const amount = fc.oneof(fc.integer({ min: 0, max: 5_000 }), fc.double({ min: 0, max: 1e300, noNaN: true }), fc.constantFrom(0, 0.5, 1e12, 1e13, 1e300));
const edgeUsage = fc.record(
  {
    monthly_hrs: fc.oneof(fc.integer({ min: 0, max: 744 }), fc.double({ min: 0, max: 744, noNaN: true })),
    gpu_hours: amount,
    storage_gb: amount,
    monthly_put_requests: amount,
    monthly_get_requests: amount,
    monthly_data_processed_gb: amount,
    instance_count: amount,
  },
  { requiredKeys: [] },
);

describe("fuzz: plan loaders", () => {
  it("cdktf stacks of random shape end in an estimate or one clear error", async () => {
    await fc.assert(fc.asyncProperty(stack, async (json) => {
      await estimateOrError(() => planFromCdktfStack(json, { stack: "s", file: "f.json", defaultRegion: "us-east-1" }));
    }), { numRuns: 400 });
  });

  it("well-formed stacks with edge-case numbers never cost a negative, infinite or silent amount", async () => {
    await fc.assert(fc.asyncProperty(edgeResources, edgeUsage, async (byType, usageValues) => {
      const resource = Object.fromEntries(Object.entries(byType).map(([t, attrs]) => [t, { r: Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== undefined)) }]));
      const usageYaml = `resource_type_default_usage:\n${Object.keys(byType).map((t) => `  ${t}: ${JSON.stringify(usageValues)}\n`).join("")}`;
      const usage = parseUsage(usageYaml, "u.yml");
      const json = { provider: { aws: { region: "us-east-1" } }, resource };
      const { estimate } = await estimateOrError(() => planFromCdktfStack(json, { stack: "s", file: "f.json", defaultRegion: "us-east-1" }), usage);
      if (!estimate) return;
      // A negative or absurd quantity is never priced: it is listed as unpriced with the reason.
      for (const r of estimate.stacks[0]!.resources)
        for (const c of r.components)
          if (c.monthlyQuantity !== null && !(c.monthlyQuantity >= 0 && c.monthlyQuantity <= 1e12)) {
            expect(c.monthlyCost).toBeNull();
            expect(c.unpricedReason).toBeDefined();
          }
    }), { numRuns: 300 });
  });

  it("hostile type, resource and tag names end in an estimate or one clean error line", async () => {
    const hostileStack = fc.record({
      provider: fc.constant({ aws: { region: "us-east-1", default_tags: { tags: { team: "ml" } } } }),
      resource: fc.dictionary(
        fc.oneof(types, hostileString),
        fc.dictionary(hostileString, fc.record({ instance_type: fc.constantFrom("g5.xlarge", "p5.48xlarge"), tags: fc.dictionary(hostileString, hostileString, { maxKeys: 3 }) }), { maxKeys: 2 }),
        { maxKeys: 3 },
      ),
    });
    await fc.assert(fc.asyncProperty(hostileStack, async (json) => {
      const { estimate } = await estimateOrError(() => planFromCdktfStack(json, { stack: "s", file: "f.json", defaultRegion: "us-east-1" }));
      if (estimate) expect(estimate.totals.resources).toBe(Object.values(json.resource).reduce((n, byName) => n + Object.keys(byName).length, 0));
    }), { numRuns: 200 });
  });

  it("values nested past the limit anywhere in a resource are one clear error", async () => {
    const deep = (depth: number, leaf: unknown): unknown => {
      let v = leaf;
      for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { k: v };
      return v;
    };
    // Any attribute but the meta-arguments (count, for_each and provider have their own checks).
    const attribute = attrNames.filter((a) => !["count", "for_each", "provider"].includes(a));
    await fc.assert(fc.asyncProperty(fc.integer({ min: 150, max: 5_000 }), attribute, fc.constantFrom("${var.x}", 1, "s"), async (depth, attr, leaf) => {
      const json = { resource: { aws_instance: { x: { instance_type: "g5.xlarge", [attr]: deep(depth, leaf) } } } };
      const { error } = await estimateOrError(() => planFromCdktfStack(json, { stack: "s", file: "f.json", defaultRegion: "us-east-1" }));
      if (depth >= 200) expect(error?.message).toMatch(/^f\.json at \/resource\/aws_instance\/x\/.*: value nested more than 200 levels deep/);
    }), { numRuns: 60 });
  });

  it("mutated Terraform plans end in an estimate or one clear error", async () => {
    const base = JSON.parse(readFileSync("tests/fixtures/tfplan/gpu-plan.json", "utf8"));
    const paths = fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.nat(8), fc.constantFrom("resource_changes", "change", "after", "before", "after_unknown", "actions", "configuration", "provider_config", "root_module", "module_calls", "variables")), { minLength: 1, maxLength: 6 });
    await fc.assert(fc.asyncProperty(paths, fc.oneof(value, edgeNumber, hostileString), async (path, v) => {
      const json = structuredClone(base);
      let node = json;
      for (const seg of path.slice(0, -1)) {
        if (node === null || typeof node !== "object") break;
        node = node[seg as keyof typeof node] ?? node;
      }
      if (node !== null && typeof node === "object") (node as Record<string, unknown>)[String(path.at(-1))] = v;
      await estimateOrError(() => planFromTerraformPlan(json, { file: "p.json", stack: "main", defaultRegion: "us-east-1" }));
    }), { numRuns: 400 });
  });
});

describe("fuzz: usage loader", () => {
  it("random YAML text parses or fails with one positioned CostgateError", () => {
    const lines = fc.array(fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: "binary", maxLength: 10 }), fc.constantFrom("resource_usage:", "  aws_instance.x:", "    monthly_hrs: 5", "    gpu_hours: -1", "    storage_gb: .nan", "    __proto__: 1", "  - a", "version: 1", "{", "&a [*a]", "*b", "!!set {a}", "resource_type_default_usage:", "  aws_s3_bucket: 5", "\t- x", "---")), { maxLength: 8 });
    fc.assert(fc.property(lines, (ls) => {
      try {
        const u = parseUsage(ls.join("\n"), "u.yml");
        // Whatever was accepted is usable: only known keys, only non-negative finite numbers.
        for (const values of [...Object.values(u.typeDefaults), ...u.byAddress.map((b) => b.values)])
          for (const [k, n] of Object.entries(values)) {
            expect(["monthly_hrs", "gpu_hours", "storage_gb", "monthly_put_requests", "monthly_get_requests", "monthly_data_processed_gb", "instance_count"]).toContain(k);
            expect(Number.isFinite(n) && n >= 0).toBe(true);
          }
      } catch (err) {
        expectCleanError(err);
        expect(err.message).toMatch(/^u\.yml(:\d+:\d+)?: /);
      }
    }), { numRuns: 600 });
  });

  it("structured usage documents with hostile keys and values parse or fail with one positioned error", () => {
    const doc = fc.record({
      version: fc.oneof(fc.constant("0.1"), value),
      resource_type_default_usage: fc.oneof(fc.dictionary(fc.oneof(types, hostileString), fc.dictionary(fc.oneof(fc.constantFrom("monthly_hrs", "storage_gb", "toString", "__proto__"), hostileString), fc.oneof(edgeNumber, value), { maxKeys: 3 }), { maxKeys: 3 }), value),
      resource_usage: fc.oneof(fc.dictionary(fc.oneof(fc.constantFrom("aws_instance.x", "s/aws_instance.x[*]", "aws_s3_bucket.b[0]"), hostileString), fc.dictionary(fc.constantFrom("monthly_hrs", "gpu_hours", "instance_count", "valueOf"), fc.oneof(edgeNumber, value), { maxKeys: 3 }), { maxKeys: 3 }), value),
    }, { requiredKeys: [] });
    fc.assert(fc.property(doc, (d) => {
      try {
        // JSON is YAML: the same parser and positions.
        parseUsage(JSON.stringify(d, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v), 1), "u.yml");
      } catch (err) {
        expectCleanError(err);
        expect(err.message).toMatch(/^u\.yml:\d+:\d+: /);
      }
    }), { numRuns: 400 });
  });
});
