import { afterEach, describe, expect, test } from "vitest";
import { App, Testing } from "cdktf";
import type { IConstruct } from "constructs";
import { AutoscalingGroup } from "@cdktf/provider-aws/lib/autoscaling-group/index.js";
import { DataAwsAmi } from "@cdktf/provider-aws/lib/data-aws-ami/index.js";
import { LaunchTemplate } from "@cdktf/provider-aws/lib/launch-template/index.js";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket/index.js";
import { GpuInferenceEndpoint } from "../../constructs/inference/gpu-inference-endpoint.js";
import { GpuNodePool } from "../../constructs/node-pool/gpu-node-pool.js";
import { CostTags } from "../../constructs/tags/cost-tags.js";
import { GpuTrainingCluster } from "../../constructs/training/gpu-training-cluster.js";
import { isTerraformResource } from "../../constructs/framework/construct-shape.js";
import { GOOD_TAGS, annotations, errors, only, synth, testApp, type TestApp } from "./synth-helpers.js";

let t: TestApp;
afterEach(() => t?.cleanup());

/** A stack with every construct plus plain resources a user might add next to them. */
function platform(stackTags: Record<string, string> = GOOD_TAGS) {
  t = testApp();
  const stack = t.stack("dev");
  CostTags.of(stack).set(stackTags);
  new GpuTrainingCluster(stack, "training", {
    instanceTypes: ["g5.12xlarge"],
    maxVcpus: 96,
    subnetIds: ["subnet-a"],
    securityGroupIds: ["sg-1"],
    image: "train:1",
  });
  new GpuInferenceEndpoint(stack, "inference", { image: "serve:1", instanceType: "ml.g5.xlarge" });
  new GpuNodePool(stack, "pool", { clusterName: "c", subnetIds: ["subnet-a"], instanceTypes: ["g5.2xlarge"], workload: "training", scaling: { max: 2 }, checkpointUri: "s3://ml-checkpoints/pool/" });
  const ami = new DataAwsAmi(stack, "ami", { mostRecent: true, owners: ["amazon"], tags: { filter: "yes" } });
  const lt = new LaunchTemplate(stack, "plain-lt", { imageId: ami.id, instanceType: "g5.xlarge" });
  new AutoscalingGroup(stack, "plain-asg", {
    minSize: 0,
    maxSize: 2,
    launchTemplate: { id: lt.id },
    vpcZoneIdentifier: ["subnet-a"],
    tag: [{ key: "Name", value: "gpu-worker", propagateAtLaunch: true }],
  });
  new S3Bucket(stack, "plain-bucket", { tags: { team: "data-eng", purpose: "datasets" } });
  return stack;
}

/** Logical id → construct, for the resources of a stack. */
function resourcesByLogicalId(stack: IConstruct): Map<string, IConstruct & { terraformResourceType: string }> {
  const out = new Map<string, IConstruct & { terraformResourceType: string }>();
  for (const n of stack.node.findAll()) if (isTerraformResource(n)) out.set(`${n.terraformResourceType}.${n.friendlyUniqueId}`, n);
  return out;
}

describe("cost tags reach every taggable resource", () => {
  test("each resource with a tags argument carries all cost tags", () => {
    const stack = platform();
    const json = synth(stack);
    const byId = resourcesByLogicalId(stack);
    let checked = 0;
    for (const [type, byName] of Object.entries(json.resource)) {
      for (const [name, r] of Object.entries(byName)) {
        const node = byId.get(`${type}.${name}`)!;
        expect(node, `${type}.${name}`).toBeDefined();
        if (!("tagsInput" in node)) continue;
        checked++;
        const { team: _team, ...rest } = GOOD_TAGS; // the plain bucket sets its own team
        expect(r.tags, `${type}.${name}`).toMatchObject(name === "plain-bucket" ? rest : GOOD_TAGS);
        expect(Object.keys(r.tags as object)).toEqual(expect.arrayContaining(Object.keys(GOOD_TAGS)));
      }
    }
    // IAM roles, profiles, bucket, Batch CE/queue/job definition, SageMaker model/config/endpoint, scaling
    // target, launch templates, node group: all taggable resources the stack has.
    expect(checked).toBeGreaterThanOrEqual(16);
    expect(errors(stack)).toEqual([]);
  });

  test("a resource's own tags win over inherited cost tags", () => {
    const json = synth(platform());
    expect(json.resource.aws_s3_bucket!["plain-bucket"]!.tags).toEqual({ ...GOOD_TAGS, team: "data-eng", purpose: "datasets" });
  });

  test("ASGs get tag blocks that propagate at launch (default_tags cannot reach them)", () => {
    const asg = only(synth(platform()), "aws_autoscaling_group");
    expect(asg.tag).toEqual([
      { key: "Name", value: "gpu-worker", propagate_at_launch: true },
      ...Object.entries(GOOD_TAGS).map(([key, value]) => ({ key, value, propagate_at_launch: true })),
    ]);
  });

  test("launch templates tag the instances and volumes they launch", () => {
    const json = synth(platform());
    for (const lt of Object.values(json.resource.aws_launch_template!)) {
      const specs = lt.tag_specifications as { resource_type: string; tags: Record<string, string> }[];
      expect(specs.map((s) => s.resource_type)).toEqual(["instance", "volume"]);
      for (const s of specs) expect(s.tags).toMatchObject(GOOD_TAGS);
    }
  });

  test("Batch compute resources tag the instances Batch launches", () => {
    const ce = only(synth(platform()), "aws_batch_compute_environment");
    expect((ce.compute_resources as Record<string, unknown>).tags).toEqual({ ...GOOD_TAGS, workload: "training" });
  });

  test("data sources are left alone (their tags are a filter)", () => {
    const json = synth(platform());
    expect((json.data as Record<string, Record<string, Record<string, unknown>>>).aws_ami!.ami!.tags).toEqual({ filter: "yes" });
  });

  test("a second synth changes nothing and adds no duplicate annotations", () => {
    const stack = platform({ ...GOOD_TAGS, environment: "qa" });
    const first = Testing.synth(stack);
    const before = annotations(stack);
    expect(Testing.synth(stack)).toBe(first);
    expect(annotations(stack)).toEqual(before);
    expect(before.filter((a) => a.level === "error").map((a) => a.path)).toEqual(["dev"]);
  });
});

describe("missing or invalid cost tags fail synth naming the construct", () => {
  test("a tag missing on the stack is reported once, on the stack", () => {
    const { owner: _owner, ...withoutOwner } = GOOD_TAGS;
    const stack = platform(withoutOwner);
    expect(() => t.app.synth()).toThrow(/\[dev\] costgate: missing required cost tag: owner \(set them with CostTags/);
    expect(errors(stack).map((e) => `${e.path}: ${e.message}`)).toEqual([
      "dev: costgate: missing required cost tag: owner (set them with CostTags.of(scope).set({...}) or the construct's `tags` prop)",
    ]);
  });

  test("a tag missing on a construct is reported on the construct's path", () => {
    t = testApp();
    const stack = t.stack("dev");
    new GpuTrainingCluster(stack, "training", {
      instanceTypes: ["g5.12xlarge"],
      maxVcpus: 96,
      subnetIds: ["subnet-a"],
      securityGroupIds: ["sg-1"],
      image: "train:1",
      tags: { team: "ml", project: "llm", environment: "dev", owner: "@octocat" },
    });
    expect(errors(stack)).toEqual([]); // nothing is judged before synth: tags may still be set later
    expect(() => t.app.synth()).toThrow(/\[dev\/training\] costgate: missing required cost tag: cost-center/);
    // Setting it afterwards (on the stack) is enough: tags are applied and checked at synth.
    CostTags.of(stack).set({ "cost-center": "CC-1" });
    expect(() => t.app.synth()).not.toThrow();
  });

  test("an invalid value is named with what was expected", () => {
    platform({ ...GOOD_TAGS, environment: "qa" });
    expect(() => t.app.synth()).toThrow(/\[dev\] costgate: cost tag environment="qa" is invalid \(expected one of dev, staging, prod\)/);
  });

  test("a resource's own invalid tag is reported on that resource", () => {
    t = testApp();
    const stack = t.stack("dev");
    CostTags.of(stack).set(GOOD_TAGS);
    new S3Bucket(stack, "data", { tags: { owner: "not an owner!" } });
    expect(() => t.app.synth()).toThrow(/\[dev\/data\] costgate: aws_s3_bucket has cost tag owner="not an owner!" is invalid/);
  });

  test("required keys and allowed values are configurable", () => {
    t = testApp();
    const stack = t.stack("dev");
    CostTags.of(stack)
      .rules({ required: ["team", "budget-code"], values: { "budget-code": /^B-\d{3}$/ } })
      .set({ team: "ml", "budget-code": "B-12" });
    new S3Bucket(stack, "data", {});
    expect(() => t.app.synth()).toThrow(/\[dev\] costgate: cost tag budget-code="B-12" is invalid \(expected a value matching \^B-\\d\{3\}\$\)/);
    CostTags.of(stack).set({ "budget-code": "B-123" });
    expect(() => t.app.synth()).not.toThrow();
    expect(only(synth(stack), "aws_s3_bucket").tags).toEqual({ team: "ml", "budget-code": "B-123" });
  });

  test("cost tags cannot be set on the App, where aspects never run", () => {
    expect(() => CostTags.of(new App({ outdir: "/nonexistent" })).set(GOOD_TAGS)).toThrow(/set cost tags on a stack or a construct inside a stack/);
  });
});
