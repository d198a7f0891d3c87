import { describe, expect, it } from "vitest";
import { planFromTerraformPlan } from "../../src/plan/terraform-plan.js";
import { estimatePlan } from "../../src/pricing/estimate-plans.js";
import type { ResourceEstimate } from "../../src/pricing/estimate.js";
import { isUnknown } from "../../src/plan/unknown-value.js";

/** One resource change of a plan: `after`, `after_unknown`, optional module. */
interface Change {
  address: string;
  after: Record<string, unknown>;
  unknown?: Record<string, unknown>;
  module?: string;
}

/** A minimal `terraform show -json` document: changes, plus the configuration (expressions per module). */
function planJson(changes: Change[], rootModule: Record<string, unknown>, providerConfig: Record<string, unknown> = { aws: { name: "aws", expressions: { region: { constant_value: "us-east-1" } } } }) {
  return {
    format_version: "1.2",
    resource_changes: changes.map((c) => {
      const local = c.module ? c.address.slice(c.module.length + 1) : c.address;
      const [type, name] = local.replace(/\[.*\]$/, "").split(".");
      return {
        address: c.address,
        ...(c.module ? { module_address: c.module } : {}),
        mode: "managed",
        type,
        name,
        change: { actions: ["create"], before: null, after: c.after, after_unknown: c.unknown ?? {} },
      };
    }),
    configuration: { provider_config: providerConfig, root_module: rootModule },
  };
}

async function price(json: unknown): Promise<(a: string) => ResourceEstimate> {
  const e = await estimatePlan(planFromTerraformPlan(json, { file: "plan.json", stack: "main", defaultRegion: "us-east-1" }));
  return (a) => e.stacks[0]!.resources.find((r) => r.address === a)!;
}

const ltExpr = { name: { constant_value: "gpu" }, instance_type: { constant_value: "g5.xlarge" } };

describe("references through the plan's configuration (issue 15 item 2)", () => {
  it("an ASG's launch_template.id, unknown at plan time, is followed to the template created in the same plan", async () => {
    const json = planJson(
      [
        { address: "aws_launch_template.gpu", after: { name: "gpu", instance_type: "g5.xlarge" }, unknown: { id: true } },
        { address: "aws_autoscaling_group.w", after: { min_size: 1, max_size: 3, desired_capacity: 3, launch_template: [{ version: "$Latest" }] }, unknown: { launch_template: [{ id: true }] } },
      ],
      {
        resources: [
          { address: "aws_launch_template.gpu", type: "aws_launch_template", name: "gpu", provider_config_key: "aws", expressions: ltExpr },
          {
            address: "aws_autoscaling_group.w",
            type: "aws_autoscaling_group",
            name: "w",
            provider_config_key: "aws",
            expressions: { desired_capacity: { constant_value: 3 }, launch_template: [{ id: { references: ["aws_launch_template.gpu.id", "aws_launch_template.gpu"] }, version: { constant_value: "$Latest" } }] },
          },
        ],
      },
    );
    const plan = planFromTerraformPlan(json, { file: "plan.json", stack: "main", defaultRegion: "us-east-1" });
    const id = (plan.resources[1]!.attributes.launch_template as Record<string, unknown>[])[0]!.id;
    expect(isUnknown(id) && id.references).toEqual(["aws_launch_template.gpu.id", "aws_launch_template.gpu"]);
    const res = await price(json);
    // 3 × g5.xlarge × $1.006 × 730 = $2,203.14
    expect(res("aws_autoscaling_group.w").monthlyCost).toBeCloseTo(3 * 1.006 * 730, 9);
  });

  it("inside a module: mixed instances policy, aws_instance.launch_template and an EKS node group resolve in the module's scope", async () => {
    const m = "module.workers";
    const json = planJson(
      [
        // A template of the same name in the root module must not be picked for the module's references.
        { address: "aws_launch_template.this", after: { name: "root", instance_type: "p4d.24xlarge" }, unknown: { id: true } },
        { address: `${m}.aws_launch_template.this`, module: m, after: { name: "w", instance_type: "g5.xlarge", instance_market_options: [{ market_type: "spot" }] }, unknown: { id: true } },
        {
          address: `${m}.aws_autoscaling_group.mixed`,
          module: m,
          after: {
            min_size: 0,
            max_size: 10,
            desired_capacity: 4,
            mixed_instances_policy: [{ instances_distribution: [{ on_demand_base_capacity: 1, on_demand_percentage_above_base_capacity: 0 }], launch_template: [{ launch_template_specification: [{}], override: [] }] }],
          },
          unknown: { mixed_instances_policy: [{ launch_template: [{ launch_template_specification: [{ launch_template_id: true }] }] }] },
        },
        { address: `${m}.aws_instance.one`, module: m, after: { launch_template: [{ version: "$Latest" }] }, unknown: { instance_type: true, launch_template: [{ id: true }] } },
        {
          address: `${m}.aws_eks_node_group.ng`,
          module: m,
          after: { scaling_config: [{ desired_size: 2, min_size: 2, max_size: 2 }], launch_template: [{ version: "1" }] },
          unknown: { instance_types: true, disk_size: true, launch_template: [{ id: true }] },
        },
      ],
      {
        resources: [{ address: "aws_launch_template.this", type: "aws_launch_template", name: "this", provider_config_key: "aws", expressions: ltExpr }],
        module_calls: {
          workers: {
            source: "./workers",
            module: {
              resources: [
                { address: "aws_launch_template.this", type: "aws_launch_template", name: "this", provider_config_key: "aws", expressions: ltExpr },
                {
                  address: "aws_autoscaling_group.mixed",
                  type: "aws_autoscaling_group",
                  name: "mixed",
                  provider_config_key: "aws",
                  expressions: {
                    mixed_instances_policy: [{ launch_template: [{ launch_template_specification: [{ launch_template_id: { references: ["aws_launch_template.this.id", "aws_launch_template.this"] } }] }] }],
                  },
                },
                { address: "aws_instance.one", type: "aws_instance", name: "one", provider_config_key: "aws", expressions: { launch_template: [{ id: { references: ["aws_launch_template.this.id", "aws_launch_template.this"] } }] } },
                { address: "aws_eks_node_group.ng", type: "aws_eks_node_group", name: "ng", provider_config_key: "aws", expressions: { launch_template: [{ id: { references: ["aws_launch_template.this.id", "aws_launch_template.this"] } }] } },
              ],
            },
          },
        },
      },
    );
    const res = await price(json);
    // Mixed: 4 units, base 1 on-demand, 0% above → 1 on-demand + 3 spot g5.xlarge:
    //   1 × 730 × $1.006 = $734.38; 3 × 730 × $0.503 = $1,101.57 → $1,835.95
    expect(res(`${m}.aws_autoscaling_group.mixed`).monthlyCost).toBeCloseTo(730 * 1.006 + 3 * 730 * 1.006 * 0.5, 9);
    // aws_instance: the template's type and spot option, AMI-default root volume: 730 × $0.503 + 8 × $0.10 = $367.99
    const one = res(`${m}.aws_instance.one`);
    expect(one.facts).toMatchObject({ instanceTypes: ["g5.xlarge"], purchaseOption: "spot" });
    expect(one.monthlyCost).toBeCloseTo(730 * 0.503 + 0.8, 9);
    // Node group: instance_types and disk_size are computed (not in the configuration), the template names g5.xlarge:
    //   2 × 730 × $1.006 = $1,468.76 (EKS managed node groups ignore the template's spot market option; capacity_type decides)
    expect(res(`${m}.aws_eks_node_group.ng`).monthlyCost).toBeCloseTo(2 * 730 * 1.006, 9);
  });
});
