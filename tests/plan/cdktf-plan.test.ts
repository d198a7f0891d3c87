import { describe, expect, it } from "vitest";
import { planFromCdktfStack } from "../../src/plan/cdktf-plan.js";
import { CostgateError } from "../../src/errors.js";

const opts = { stack: "s", file: "cdk.tf.json", defaultRegion: "eu-west-1" };

describe("planFromCdktfStack", () => {
  it("reads region per provider alias, default_tags merged under resource tags, construct paths", () => {
    const plan = planFromCdktfStack(
      {
        provider: {
          aws: [
            { region: "us-east-1", default_tags: [{ tags: { team: "ml", env: "dev" } }] },
            { alias: "west", region: "us-west-2", default_tags: { tags: { team: "west-team" } } },
          ],
        },
        resource: {
          aws_instance: {
            a: { "//": { metadata: { path: "s/a" } }, instance_type: "g5.xlarge", tags: { env: "prod" } },
            b: { instance_type: "g5.xlarge", provider: "aws.west" },
            c: { instance_type: "g5.xlarge", provider: "${aws.west}" },
          },
        },
      },
      opts,
    );
    const [a, b, c] = plan.resources;
    expect(a).toMatchObject({ address: "aws_instance.a", region: "us-east-1", provider: "aws", tags: { team: "ml", env: "prod" }, constructPath: "s/a", count: 1, action: "create" });
    expect(b).toMatchObject({ region: "us-west-2", provider: "aws.west", tags: { team: "west-team" }, regionDefaulted: false });
    expect(c!.region).toBe("us-west-2");
    expect(plan.warnings).toEqual([]);
  });

  it("uses the default region with a warning when the provider region is an expression", () => {
    const plan = planFromCdktfStack({ provider: { aws: { region: "${var.region}" } }, resource: { aws_ebs_volume: { v: { size: 10 } } } }, opts);
    expect(plan.resources[0]).toMatchObject({ region: "eu-west-1", regionDefaulted: true });
    expect(plan.warnings[0]).toMatch(/region expression.*assumed eu-west-1/);
  });

  it("records unknown counts and for_each instead of guessing, and counts literal for_each", () => {
    const plan = planFromCdktfStack(
      {
        provider: { aws: {} },
        resource: {
          aws_instance: {
            n: { instance_type: "g5.xlarge", count: "${var.n}" },
            s: { instance_type: "g5.xlarge", count: "3" },
            m: { instance_type: "g5.xlarge", for_each: { a: 1, b: 2 } },
            e: { instance_type: "g5.xlarge", for_each: "${toset(var.names)}" },
          },
        },
      },
      opts,
    );
    const by = Object.fromEntries(plan.resources.map((r) => [r.name, r]));
    expect(by.n).toMatchObject({ count: null, countExpression: "${var.n}" });
    expect(by.s!.count).toBe(3);
    expect(by.m!.count).toBe(2);
    expect(by.e).toMatchObject({ count: null, countExpression: "for_each = ${toset(var.names)}" });
  });

  it("keeps unresolved expressions as written and lists unknown tag values", () => {
    const plan = planFromCdktfStack(
      { resource: { aws_instance: { x: { instance_type: "${var.t}", tags: { owner: "${var.owner}", team: "ml" } } } } },
      opts,
    );
    expect(plan.resources[0]!.attributes.instance_type).toBe("${var.t}");
    expect(plan.resources[0]!.unknownTags).toEqual(["owner"]);
    expect(plan.resources[0]!.tags).toEqual({ team: "ml" });
  });

  it("propagates ASG tag blocks and launch template instance tag_specifications into effective tags", () => {
    const plan = planFromCdktfStack(
      {
        provider: { aws: { region: "us-east-1", default_tags: { tags: { team: "ml" } } } },
        resource: {
          aws_autoscaling_group: { g: { min_size: 1, tag: [{ key: "owner", value: "ana", propagate_at_launch: true }] } },
          aws_launch_template: {
            t: { tag_specifications: [{ resource_type: "instance", tags: { project: "p" } }, { resource_type: "volume", tags: { vol: "x" } }] },
          },
        },
      },
      opts,
    );
    // The AWS provider does not apply default_tags to Auto Scaling groups: only the ASG's own tag blocks.
    expect(plan.resources[0]!.tags).toEqual({ owner: "ana" });
    expect(plan.resources[1]!.tags).toEqual({ team: "ml", project: "p" });
  });

  it("rejects wrong shapes with the file and JSON pointer", () => {
    const bad = (json: unknown) => () => planFromCdktfStack(json, opts);
    expect(bad([])).toThrow(CostgateError);
    expect(bad({ resource: [] })).toThrow(/cdk\.tf\.json at \/resource: `resource` must be an object/);
    expect(bad({ resource: { aws_instance: { x: 5 } } })).toThrow(/at \/resource\/aws_instance\/x: resource aws_instance\.x must be an object/);
    expect(bad({ resource: { aws_instance: { x: { count: -1 } } } })).toThrow(/at \/resource\/aws_instance\/x\/count: `count` must be a non-negative whole number/);
    expect(bad({ resource: { aws_instance: { x: { provider: "aws.nope" } } } })).toThrow(/provider `aws.nope`, which is not configured/);
  });
});
