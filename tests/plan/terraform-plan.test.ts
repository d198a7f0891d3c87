import { describe, expect, it } from "vitest";
import { loadPlan } from "../../src/plan/load-plan.js";
import { planFromTerraformPlan } from "../../src/plan/terraform-plan.js";
import { UnknownValue } from "../../src/plan/unknown-value.js";

describe("planFromTerraformPlan", () => {
  const plan = loadPlan("tests/fixtures/tfplan/gpu-plan.json");
  const by = (a: string) => plan.resources.find((r) => r.address === a)!;

  it("reads one resource per instance, skips data sources, and names the stack `main`", () => {
    expect(plan.format).toBe("terraform-plan");
    expect(plan.stacks).toEqual(["main"]);
    expect(plan.resources.map((r) => r.address)).toEqual([
      "aws_instance.trainer[0]",
      "aws_instance.trainer[1]",
      "aws_instance.old",
      "aws_ebs_volume.data",
      "aws_eks_node_group.pool",
      "module.inference.aws_instance.server",
      "aws_instance.computed",
    ]);
  });

  it("maps actions, including replace pairs", () => {
    expect(by("aws_instance.trainer[0]").action).toBe("create");
    expect(by("aws_instance.old").action).toBe("delete");
    expect(by("aws_ebs_volume.data").action).toBe("update");
    expect(by("aws_eks_node_group.pool").action).toBe("replace");
    expect(by("module.inference.aws_instance.server").action).toBe("no-op");
  });

  it("resolves regions through provider_config_key, aliases, modules and var references", () => {
    expect(by("aws_instance.trainer[0]").region).toBe("us-east-1");
    expect(by("aws_eks_node_group.pool")).toMatchObject({ region: "us-west-2", provider: "aws.west" });
    expect(by("module.inference.aws_instance.server").region).toBe("us-west-2");
  });

  it("uses tags_all when present and provider default_tags otherwise", () => {
    expect(by("aws_instance.trainer[1]").tags).toMatchObject({ workload: "training", owner: "ana", team: "ml" });
    expect(by("aws_ebs_volume.data").tags).toEqual({ team: "ml", project: "pretrain", environment: "dev", "cost-center": "cc-1", owner: "ana" });
  });

  it("reads deleted resources from `before` and marks values known only after apply", () => {
    expect(by("aws_instance.old").attributes.instance_type).toBe("p3.2xlarge");
    // Unknown is a value of its own (with the reference it comes from), never the text `${known after apply}`.
    expect(by("aws_instance.computed").attributes.instance_type).toEqual(new UnknownValue(["var.instance_type"]));
  });

  it("rejects bad shapes naming the pointer", () => {
    const o = { file: "p.json", stack: "main", defaultRegion: "us-east-1" };
    expect(() => planFromTerraformPlan({ resource_changes: {} }, o)).toThrow(/p\.json at \/resource_changes: `resource_changes` must be an array/);
    expect(() => planFromTerraformPlan({ resource_changes: [{ address: "a.b", type: "a", name: "b", change: { actions: [] } }] }, o)).toThrow(
      /at \/resource_changes\/0\/change\/actions: `actions` must be a non-empty array of strings/,
    );
    expect(() => planFromTerraformPlan({ resource_changes: [{ address: 1 }] }, o)).toThrow(/at \/resource_changes\/0\/address: `address` must be a string/);
  });
});
