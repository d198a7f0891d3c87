import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, test, vi } from "vitest";
import { Aspects, TerraformStack, Testing } from "cdktf";
import type { IConstruct } from "constructs";
import { Instance } from "@cdktf/provider-aws/lib/instance/index.js";
import { applyCostGovernance } from "../../constructs/governance/apply-cost-governance.js";
import { forConstructApi, type FailSynthOn } from "../../constructs/governance/synth-feedback.js";
import { GpuInferenceEndpoint } from "../../constructs/inference/gpu-inference-endpoint.js";
import { GpuNodePool } from "../../constructs/node-pool/gpu-node-pool.js";
import { CostTags } from "../../constructs/tags/cost-tags.js";
import { loadPlan } from "../../src/plan/load-plan.js";
import { estimatePlan } from "../../src/pricing/estimate-plans.js";
import { parsePriceBook } from "../../src/pricing/price-book/load-price-book.js";
import type { PriceBook } from "../../src/pricing/price-book/price-book.js";
import { GOOD_TAGS, annotations, errors, testApp, type TestApp } from "./synth-helpers.js";

const POLICY = "tests/constructs/fixtures/governance-policy.yaml";

let t: TestApp;
afterEach(() => t?.cleanup());

/** A dev stack with an inference endpoint and a training node pool, governed by the test policy. */
function governedStack(
  opts: { poolType?: string; poolMin?: number; onDemand?: boolean; minInstances?: number; governance?: boolean; failSynthOn?: FailSynthOn; print?: (line: string) => void } = {},
) {
  t = testApp();
  const stack = t.stack("dev");
  CostTags.of(stack).set(GOOD_TAGS);
  new GpuInferenceEndpoint(stack, "inference", { image: "serve:1", instanceType: "ml.g5.xlarge", instanceCount: { min: opts.minInstances ?? 1, max: 4 } });
  const pool = new GpuNodePool(stack, "pool", {
    clusterName: "ml",
    subnetIds: ["subnet-a"],
    instanceTypes: [opts.poolType ?? "g5.2xlarge"],
    workload: "training",
    scaling: { min: opts.poolMin ?? 1, max: 4 },
    checkpointUri: "s3://ml-checkpoints/pool/",
    ...(opts.onDemand ? { capacity: { type: "on-demand" as const, reason: "reserved capacity for the launch week" } } : {}),
  });
  const aspect = opts.governance === false ? undefined : applyCostGovernance(stack, { policy: POLICY, today: "2026-11-23", print: opts.print ?? false, ...(opts.failSynthOn ? { failSynthOn: opts.failSynthOn } : {}) });
  return { stack, pool, aspect };
}

const messages = (scope: IConstruct, level: string) => annotations(scope).filter((a) => a.level === level).map((a) => `${a.path}: ${a.message}`);

describe("applyCostGovernance", () => {
  test("a compliant stack synthesizes and carries its monthly cost, the same the CLI computes", async () => {
    const { stack, aspect } = governedStack();
    t.app.synth();
    const infos = messages(stack, "info").filter((m) => m.startsWith("dev: costgate: estimated"));
    expect(infos).toHaveLength(1);
    expect(errors(stack)).toEqual([]);

    // The CLI path: load the written cdk.tf.json and price it asynchronously.
    const plan = loadPlan(t.outdir, { defaultRegion: "us-east-1" });
    const [cli] = [await estimatePlan(plan)];
    const cost = aspect!.lastResult!.estimate.stacks[0]!.monthlyCost;
    expect(cost).toBeGreaterThan(0);
    expect(cost).toBeCloseTo(cli.stacks[0]!.monthlyCost, 6);
    const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(cost);
    expect(infos[0]).toContain(`estimated ${usd}/month`);
    expect(aspect!.lastResult!.verdict.status).toBe("pass");
  });

  test("a mandatory violation fails synth with the rule and the construct path", () => {
    governedStack({ poolType: "p5.48xlarge" });
    expect(() => t.app.synth()).toThrow(/\[dev\/pool\/node-group\] costgate \[T-GPU-001\] .*p5\.48xlarge.*\(hard-mandatory, governance-policy\.yaml\)/);
  });

  test("a soft-mandatory stack budget is a warning by default: synth succeeds, the pull-request gate decides", () => {
    // Three on-demand p4d.24xlarge run far above $20,000 a month; p4d (not P5) isolates the budget rule.
    const { stack } = governedStack({ poolType: "p4d.24xlarge", poolMin: 3, onDemand: true });
    expect(() => t.app.synth()).not.toThrow();
    expect(errors(stack)).toEqual([]);
    expect(messages(stack, "warn")).toEqual([expect.stringMatching(/^dev: costgate \[T-BUD-001\] .*\(soft-mandatory, governance-policy\.yaml\)$/)]);
  });

  test("failSynthOn: soft-mandatory makes the same budget finding an error on the stack", () => {
    const { stack } = governedStack({ poolType: "p4d.24xlarge", poolMin: 3, onDemand: true, failSynthOn: "soft-mandatory" });
    Testing.synth(stack);
    expect(errors(stack).map((e) => `${e.path}: ${e.message.replace(/\$[\d,.]+/g, "$N")}`)).toEqual([
      expect.stringMatching(/^dev: costgate \[T-BUD-001\] .*\(soft-mandatory, governance-policy\.yaml\)$/),
    ]);
  });

  test("in-process synth prints the cost summary and each finding, once per synth", () => {
    const lines: string[] = [];
    governedStack({ minInstances: 2, print: (l) => lines.push(l) });
    t.app.synth();
    expect(lines).toEqual([
      expect.stringMatching(/^\[dev\] costgate: estimated \$[\d,.]+\/month .*for \d+ resources/),
      expect.stringMatching(/^\[dev\/inference\/endpoint-configuration\] WARN costgate \[T-INF-001\] .*\(advisory, governance-policy\.yaml\)$/),
    ]);
  });

  test("remedies name the construct API, not CLI flags", () => {
    expect(forConstructApi("unknown instance type `p9.x` on aws_instance.x; expected ... (or pass --allow-unknown-types)")).toBe(
      "unknown instance type `p9.x` on aws_instance.x; expected ... (or set `allowUnknownInstanceTypes: true` in applyCostGovernance)",
    );
    expect(forConstructApi("rule CG-DLT-001 (cost-delta) was not evaluated: it compares with a base estimate (pass --base)")).not.toContain("--base)");
  });

  test("advisory findings are warnings and do not fail synth", () => {
    const { stack } = governedStack({ minInstances: 2 });
    expect(() => t.app.synth()).not.toThrow();
    expect(messages(stack, "warn")).toEqual([
      expect.stringMatching(/^dev\/inference\/endpoint-configuration: costgate \[T-INF-001\] .*\(advisory, governance-policy\.yaml\)$/),
    ]);
  });

  test("rerunning synth is idempotent, and a fixed violation stops failing", () => {
    const { stack, pool } = governedStack({ poolType: "p5.48xlarge" });
    Testing.synth(stack);
    const first = annotations(stack);
    Testing.synth(stack);
    expect(annotations(stack)).toEqual(first);
    expect(first.filter((a) => a.message.includes("[T-GPU-001]"))).toHaveLength(1);

    pool.nodeGroup.instanceTypes = ["g5.2xlarge"];
    expect(() => t.app.synth()).not.toThrow();
    expect(annotations(stack).filter((a) => a.message.includes("[T-GPU-001]"))).toEqual([]);
  });

  test("synthesized output is the same with and without governance", () => {
    const read = (outdir: string) => readFileSync(join(outdir, "stacks", "dev", "cdk.tf.json"), "utf8");
    governedStack({ governance: false });
    t.app.synth();
    const without = read(t.outdir).replace(t.outdir, "OUT");
    t.cleanup();
    governedStack();
    t.app.synth();
    expect(read(t.outdir).replace(t.outdir, "OUT")).toBe(without);
  });

  test("the stack is rendered once per synth: synth reuses the JSON the evaluation rendered", () => {
    const { stack } = governedStack();
    const render = vi.spyOn(TerraformStack.prototype, "toTerraform");
    try {
      t.app.synth();
      expect(render).toHaveBeenCalledTimes(1);
      // The reuse is one call only: rendering again afterwards renders afresh.
      stack.toTerraform();
      expect(render).toHaveBeenCalledTimes(2);
    } finally {
      render.mockRestore();
    }
  });

  test("a rendering an HCL synth left unused is not reused by the next synth", () => {
    const { stack, pool } = governedStack({ poolType: "p5.48xlarge" });
    Testing.synthHcl(stack); // evaluates (and renders JSON) but writes HCL
    pool.nodeGroup.instanceTypes = ["g5.2xlarge"];
    const json = JSON.parse(Testing.synth(stack)); // same task: no microtask ran in between
    expect(Object.values(json.resource.aws_eks_node_group as Record<string, { instance_types: string[] }>)[0]!.instance_types).toEqual(["g5.2xlarge"]);
    expect(errors(stack).filter((e) => e.message.includes("[T-GPU-001]"))).toEqual([]);
  });

  test("an aspect added after governance still reaches the output", () => {
    const { stack } = governedStack();
    // Mutates the last resource of the traversal after the governance aspect has evaluated the stack.
    Aspects.of(stack).add({
      visit(n: IConstruct) {
        if ((n as { terraformResourceType?: string }).terraformResourceType === "aws_eks_node_group") (n as unknown as { addOverride(p: string, v: unknown): void }).addOverride("labels.late", "yes");
      },
    });
    t.app.synth();
    const json = JSON.parse(readFileSync(join(t.outdir, "stacks", "dev", "cdk.tf.json"), "utf8"));
    const ng = Object.values(json.resource.aws_eks_node_group as Record<string, { labels: Record<string, string> }>)[0]!;
    expect(ng.labels.late).toBe("yes");
  });

  test("bad input is an error on the resource it is about", () => {
    const { stack } = governedStack();
    new Instance(stack, "probe", { ami: "ami-1", instanceType: "g5.xlargee" });
    expect(() => t.app.synth()).toThrow(/\[dev\/probe\] costgate: unknown instance type `g5.xlargee`/);
  });

  test("applies to stacks only, once per stack", () => {
    const { stack, aspect } = governedStack();
    expect(applyCostGovernance(stack, { policy: POLICY })).toBe(aspect);
    expect(() => applyCostGovernance(t.app, { policy: POLICY })).toThrow(/is not a stack/);
    expect(() => applyCostGovernance(stack.node.children[1] as TerraformStack, { policy: POLICY })).toThrow(/is not a stack/);
  });

  test("a price book prices the stack at effective cost at synth, as `check --price-book` does", () => {
    const book = parsePriceBook("apiVersion: costgate.price-book/v1\nmetadata: {name: edp}\nrates:\n  - {id: edp, reason: contract 42, discountPercent: 10}\n", "book.yaml");
    const synthStack = (priceBook?: PriceBook) => {
      t?.cleanup();
      t = testApp();
      const stack = t.stack("dev");
      CostTags.of(stack).set(GOOD_TAGS);
      new GpuInferenceEndpoint(stack, "inference", { image: "serve:1", instanceType: "ml.g5.xlarge", instanceCount: { min: 1, max: 4 } });
      const aspect = applyCostGovernance(stack, { policy: POLICY, today: "2026-11-23", print: false, ...(priceBook ? { priceBook } : {}) });
      t.app.synth();
      return aspect.lastResult!.estimate.stacks[0]!;
    };
    const list = synthStack();
    const effective = synthStack(book);
    expect(list.monthlyCost).toBeGreaterThan(0);
    expect(list.list).toBeUndefined();
    expect(effective.list!.monthlyCost).toBeCloseTo(list.monthlyCost, 9);
    // Every priced component matches the 10% EDP rule: effective = 0.9 × list.
    expect(effective.monthlyCost).toBeCloseTo(0.9 * list.monthlyCost, 9);
    const priced = effective.resources.flatMap((r) => r.components).filter((c) => c.monthlyCost !== null);
    expect(priced.length).toBeGreaterThan(0);
    expect(priced.every((c) => c.priceBookRule?.id === "edp")).toBe(true);
  });

  test("a policy file error surfaces when governance is applied", () => {
    t = testApp();
    const stack = t.stack("dev");
    expect(() => applyCostGovernance(stack, { policy: "tests/fixtures/policies/bad-duplicate-id.yaml" })).toThrow(/bad-duplicate-id\.yaml:\d+:\d+: duplicate rule id/);
  });
});
