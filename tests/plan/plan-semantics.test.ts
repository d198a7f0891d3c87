import { describe, expect, it } from "vitest";
import { readPlanAction } from "../../src/plan/plan-action.js";
import { planFromTerraformPlan } from "../../src/plan/terraform-plan.js";
import { isUnknown, UNKNOWN } from "../../src/plan/unknown-value.js";
import { applyAfterUnknown } from "../../src/plan/after-unknown.js";
import { estimatePlan } from "../../src/pricing/estimate-plans.js";

const opts = { file: "plan.json", stack: "main", defaultRegion: "us-east-1" };

function change(address: string, actions: string[], after: Record<string, unknown> | null, unknown: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  const [type, name] = address.replace(/^(module\.[^.]+\.)+/, "").split(".");
  return { address, mode: "managed", type, name, change: { actions, before: extra.before ?? null, after, after_unknown: unknown }, ...extra };
}

describe("unknown values and documented defaults (item 1)", () => {
  it("an unknown attribute the configuration sets is an UnknownValue; one it leaves to the provider is unset", () => {
    const attrs: Record<string, unknown> = { a: null, tags: { x: null } };
    applyAfterUnknown(attrs, { a: true, b: true, c: true, tags: { x: true } }, { a: { references: ["var.a"] }, c: { constant_value: null }, tags: { references: ["local.t"] } });
    expect(isUnknown(attrs.a) && attrs.a.references).toEqual(["var.a"]);
    expect("b" in attrs).toBe(false); // not written: the provider computes it, so its default applies
    expect(attrs.c).toBe(UNKNOWN);
    expect(JSON.stringify(attrs)).toBe('{"a":{"unknown":true,"references":["var.a"]},"tags":{"x":{"unknown":true}},"c":{"unknown":true}}');
  });

  it("without configuration every unknown stays unknown (never a string, never a default)", () => {
    const attrs: Record<string, unknown> = {};
    applyAfterUnknown(attrs, { desired_capacity: true }, undefined);
    expect(attrs.desired_capacity).toBe(UNKNOWN);
  });

  it("an EKS node group without instance_types/disk_size in a plan is t3.medium with 20 GB gp2 (provider defaults)", async () => {
    const json = {
      resource_changes: [
        change("aws_eks_node_group.ng", ["create"], { scaling_config: [{ desired_size: 3, min_size: 1, max_size: 5 }] }, { instance_types: true, disk_size: true, arn: true }),
        change("aws_autoscaling_group.g", ["create"], { min_size: 2, max_size: 4, launch_template: [{ name: "x" }] }, { desired_capacity: true }),
        change("aws_launch_template.x", ["create"], { name: "x", instance_type: "g5.xlarge" }, { id: true }),
      ],
      configuration: {
        provider_config: { aws: { name: "aws", expressions: { region: { constant_value: "us-east-1" } } } },
        root_module: {
          resources: [
            { address: "aws_eks_node_group.ng", provider_config_key: "aws", expressions: { scaling_config: [{ desired_size: { constant_value: 3 } }] } },
            // desired_capacity written as an expression: unknown, so no fallback to min_size
            { address: "aws_autoscaling_group.g", provider_config_key: "aws", expressions: { desired_capacity: { references: ["var.n"] } } },
          ],
        },
      },
    };
    const e = await estimatePlan(planFromTerraformPlan(json, opts));
    const ng = e.stacks[0]!.resources[0]!;
    // 3 × t3.medium × $0.0416 × 730 = $91.104; 3 × 20 GB gp2 × $0.10 = $6.00 → $97.104
    expect(ng.components.map((c) => [c.name, c.monthlyQuantity, c.unitPrice])).toEqual([
      ["Node usage (Linux/UNIX, on-demand, t3.medium)", 2190, 0.0416],
      ["Node root volume (gp2, 20 GB)", 60, 0.1],
    ]);
    expect(ng.monthlyCost).toBeCloseTo(97.104, 9);
    const g = e.stacks[0]!.resources[1]!;
    expect(g.components[0]!.unpricedReason).toMatch(/desired capacity is unknown until apply \(known after apply, from var\.n\)/);
  });
});

describe("plan actions (item 3)", () => {
  it("forget and its replace variant; unknown actions warn instead of failing", () => {
    expect(readPlanAction(["forget"], null, "p", "/a")).toEqual({ action: "forget" });
    expect(readPlanAction(["create", "forget"], {}, "p", "/a")).toEqual({ action: "replace" });
    expect(readPlanAction(["teleport"], { a: 1 }, "p", "/a")).toMatchObject({ action: "update", warning: expect.stringMatching(/unknown plan action \["teleport"\]; counted as present/) });
    expect(readPlanAction(["vanish"], null, "p", "/a")).toMatchObject({ action: "delete", warning: expect.stringMatching(/counted as gone/) });
    expect(() => readPlanAction([1], null, "p", "/a")).toThrow(/p at \/a: `actions` must be a non-empty array of strings/);
  });

  it("a plan with forget, create+forget and an unknown action prices only what is in the head", async () => {
    const json = {
      resource_changes: [
        change("aws_instance.kept", ["forget"], null, {}, { before: { instance_type: "p4d.24xlarge" } }),
        change("aws_instance.renewed", ["create", "forget"], { instance_type: "g5.xlarge", root_block_device: [{ volume_size: 10, volume_type: "gp3" }] }),
        change("aws_instance.future", ["teleport"], { instance_type: "g5.xlarge", root_block_device: [{ volume_size: 10, volume_type: "gp3" }] }),
      ],
      configuration: { provider_config: { aws: { name: "aws", expressions: { region: { constant_value: "us-east-1" } } } }, root_module: {} },
    };
    const plan = planFromTerraformPlan(json, opts);
    expect(plan.resources.map((r) => r.action)).toEqual(["forget", "replace", "update"]);
    expect(plan.warnings).toEqual(['main: aws_instance.future: unknown plan action ["teleport"]; counted as present (its planned values)']);
    const e = await estimatePlan(plan);
    // forgotten: $0 in the head; the two others: 730 × $1.006 + 10 × $0.08 = $735.18 each → $1,470.36
    expect(e.totals.monthlyCost).toBeCloseTo(2 * (730 * 1.006 + 0.8), 9);
  });
});

describe("provider regions in a child module's scope (item 7)", () => {
  const json = (callRegion: unknown) => ({
    variables: { region: { value: "us-east-1" } },
    resource_changes: [change("module.eu.aws_instance.x", ["create"], { instance_type: "g5.xlarge", root_block_device: [{ volume_size: 10, volume_type: "gp3" }] }, {}, { module_address: "module.eu" })],
    configuration: {
      provider_config: {
        aws: { name: "aws", expressions: { region: { references: ["var.region"] } } },
        "module.eu:aws": { name: "aws", module_address: "module.eu", expressions: { region: { references: ["var.region"] } } },
      },
      root_module: {
        module_calls: {
          eu: {
            source: "./eu",
            expressions: callRegion === undefined ? {} : { region: callRegion },
            module: { resources: [{ address: "aws_instance.x", provider_config_key: "module.eu:aws", expressions: { instance_type: { constant_value: "g5.xlarge" } } }] },
          },
        },
      },
    },
  });

  it("`var.region` of the module's provider is the module call's argument, not the root variable", () => {
    const plan = planFromTerraformPlan(json({ constant_value: "eu-central-1" }), opts);
    expect(plan.resources[0]).toMatchObject({ region: "eu-central-1", regionDefaulted: false });
    expect(plan.warnings).toEqual([]);
  });

  it("a module argument that is itself an unresolvable expression makes the region unknown, with a warning", () => {
    const plan = planFromTerraformPlan(json({ references: ["local.region"] }), opts);
    expect(plan.resources[0]).toMatchObject({ region: "us-east-1", regionDefaulted: true });
    expect(plan.warnings).toEqual(["main: provider module.eu:aws has a region costgate cannot resolve in its module's scope; assumed us-east-1 (set --region)"]);
  });

  it("a module argument passing the root's variable on resolves through it", () => {
    const plan = planFromTerraformPlan(json({ references: ["var.region"] }), opts);
    expect(plan.resources[0]).toMatchObject({ region: "us-east-1", regionDefaulted: false });
  });
});

describe("ASG tags in a plan (item 8)", () => {
  it("provider default_tags are not an ASG's tags; its tag blocks are", () => {
    const json = {
      resource_changes: [change("aws_autoscaling_group.g", ["create"], { min_size: 1, tag: [{ key: "team", value: "ml", propagate_at_launch: false }] })],
      configuration: {
        provider_config: { aws: { name: "aws", expressions: { region: { constant_value: "us-east-1" }, default_tags: [{ tags: { constant_value: { owner: "ana", project: "p" } } }] } } },
        root_module: {},
      },
    };
    expect(planFromTerraformPlan(json, opts).resources[0]!.tags).toEqual({ team: "ml" });
  });
});

describe("a region written as an expression (item 1)", () => {
  it("a computed region not in the configuration is the provider's, silently; one written as an unknown expression warns", () => {
    const json = {
      resource_changes: [
        change("aws_s3_bucket.a", ["create"], { bucket: "a" }, { region: true }),
        change("aws_s3_bucket.b", ["create"], { bucket: "b" }, { region: true }),
      ],
      configuration: {
        provider_config: { aws: { name: "aws", expressions: { region: { constant_value: "eu-west-1" } } } },
        root_module: {
          resources: [
            { address: "aws_s3_bucket.a", provider_config_key: "aws", expressions: { bucket: { constant_value: "a" } } },
            { address: "aws_s3_bucket.b", provider_config_key: "aws", expressions: { bucket: { constant_value: "b" }, region: { references: ["var.r"] } } },
          ],
        },
      },
    };
    const plan = planFromTerraformPlan(json, opts);
    expect(plan.resources.map((r) => r.region)).toEqual(["eu-west-1", "eu-west-1"]);
    expect(plan.warnings).toEqual(["main: aws_s3_bucket.b: its region is known only after apply; assumed its provider's region eu-west-1"]);
  });
});
