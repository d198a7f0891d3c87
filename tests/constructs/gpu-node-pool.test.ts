import { afterEach, describe, expect, test } from "vitest";
import { GpuNodePool, type GpuNodePoolProps } from "../../constructs/node-pool/gpu-node-pool.js";
import { CostTags } from "../../constructs/tags/cost-tags.js";
import { GOOD_TAGS, errors, only, resourcesOf, synth, testApp, type TestApp } from "./synth-helpers.js";

const BASE: GpuNodePoolProps = {
  clusterName: "ml-cluster",
  subnetIds: ["subnet-a"],
  instanceTypes: ["g5.2xlarge", "g5.4xlarge"],
  workload: "training",
  scaling: { max: 8 },
  checkpointUri: "s3://ml-checkpoints/pool/",
};

let t: TestApp;
afterEach(() => t?.cleanup());

function pool(props: Partial<GpuNodePoolProps> = {}) {
  t = testApp();
  const stack = t.stack("dev");
  CostTags.of(stack).set(GOOD_TAGS);
  new GpuNodePool(stack, "pool", { ...BASE, ...props });
  return stack;
}

describe("GpuNodePool", () => {
  test("training pools default to spot and scale to zero", () => {
    const json = synth(pool());
    const ng = only(json, "aws_eks_node_group");
    expect(ng.capacity_type).toBe("SPOT");
    expect(ng.scaling_config).toEqual({ min_size: 0, desired_size: 0, max_size: 8 });
    expect(ng.instance_types).toEqual(["g5.2xlarge", "g5.4xlarge"]);
    expect(ng.ami_type).toBe("AL2023_x86_64_NVIDIA");
    expect(ng.taint).toEqual([{ key: "nvidia.com/gpu", value: "true", effect: "NO_SCHEDULE" }]);
    expect(ng.lifecycle).toEqual({ ignore_changes: ["scaling_config[0].desired_size"] });
    // The checkpoint location is recorded on the node group, where cost policies read it.
    expect(ng.tags).toEqual({ ...GOOD_TAGS, workload: "training", "checkpoint-uri": "s3://ml-checkpoints/pool/" });
  });

  test("instances and volumes get the cost tags through the launch template", () => {
    const json = synth(pool());
    const [ltId] = Object.keys(resourcesOf(json, "aws_launch_template"));
    const ng = only(json, "aws_eks_node_group");
    expect(ng.launch_template).toEqual({
      id: `\${aws_launch_template.${ltId}.id}`,
      version: `\${aws_launch_template.${ltId}.latest_version}`,
    });
    const lt = only(json, "aws_launch_template");
    const expected = { ...GOOD_TAGS, workload: "training" };
    expect(lt.tag_specifications).toEqual([
      { resource_type: "instance", tags: expected },
      { resource_type: "volume", tags: expected },
    ]);
    expect(lt.metadata_options).toMatchObject({ http_tokens: "required" });
  });

  test("inference pools may run on-demand without a reason", () => {
    const stack = pool({ workload: "inference", scaling: { max: 4 } });
    const ng = only(synth(stack), "aws_eks_node_group");
    expect(ng.capacity_type).toBe("ON_DEMAND");
    expect(ng.scaling_config).toEqual({ min_size: 1, desired_size: 1, max_size: 4 });
    expect(errors(stack)).toEqual([]);
  });

  test("spot training pools need a checkpoint location", () => {
    pool({ checkpointUri: undefined });
    expect(() => t.app.synth()).toThrow(/\[dev\/pool\] costgate: spot training pool without a checkpoint location/);
  });

  test("on-demand training pools need a reason", () => {
    pool({ capacity: { type: "on-demand" } });
    expect(() => t.app.synth()).toThrow(/\[dev\/pool\] costgate: on-demand capacity for a training pool \(capacity.reason\) needs a reason/);
    const stack = pool({ capacity: { type: "on-demand", reason: "capacity block reserved for the launch" } });
    expect(only(synth(stack), "aws_eks_node_group").capacity_type).toBe("ON_DEMAND");
    expect(errors(stack)).toEqual([]);
  });

  test("scaling bounds and instance types are validated", () => {
    const stack = pool({ instanceTypes: ["p9.mega"], scaling: { min: 3, max: 2 } });
    expect(errors(stack).map((e) => e.message)).toEqual([
      "costgate: instanceTypes[0] p9.mega is not a known EC2 instance type",
      "costgate: scaling.min (3) must not exceed scaling.max (2)",
    ]);
    expect(() => t.app.synth()).toThrow(/\[dev\/pool\] costgate: instanceTypes\[0\] p9.mega/);
  });
});
