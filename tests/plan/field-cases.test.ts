import { describe, expect, it } from "vitest";
import { loadPlan } from "../../src/plan/load-plan.js";
import { estimatePlan } from "../../src/pricing/estimate-plans.js";
import type { Estimate, ResourceEstimate } from "../../src/pricing/estimate.js";
import { loadUsageFile } from "../../src/pricing/usage.js";

/** The field cases of issue 15 (copied from shared/field-cases), priced with the embedded snapshot. */
const dir = "tests/fixtures/field-cases";

async function estimate(file: string, usage?: string): Promise<{ e: Estimate; res: (a: string) => ResourceEstimate }> {
  const e = await estimatePlan(loadPlan(`${dir}/${file}`), usage ? { usage: loadUsageFile(`${dir}/${usage}`) } : {});
  const res = (a: string) => e.stacks.flatMap((s) => s.resources).find((r) => r.address === a)!;
  return { e, res };
}

describe("field cases (issue 15)", () => {
  it("plan-s3-computed-region: an unknown `region` is not a region; the provider's us-east-1 applies", async () => {
    const { e, res } = await estimate("plan-s3-computed-region/plan.json", "plan-s3-computed-region/usage.yml");
    const b = res("aws_s3_bucket.checkpoints");
    expect(b.region).toBe("us-east-1");
    expect(b.attributes.region).toBeUndefined();
    // 100 GB-months × $0.023 = $2.30; requests usage-based (not counted).
    expect(b.components[0]).toMatchObject({ monthlyQuantity: 100, unitPrice: 0.023 });
    expect(e.totals.monthlyCost).toBeCloseTo(2.3, 9);
    expect(e.warnings).toEqual([]);
  });

  it("plan-asg-min-size-fallback: no desired_capacity in the configuration → min_size instances", async () => {
    const { e, res } = await estimate("plan-asg-min-size-fallback/plan.json");
    const g = res("aws_autoscaling_group.workers");
    expect(g.status).toBe("priced");
    // 2 × g5.xlarge × $1.006 × 730 = $1,468.76
    expect(g.components.map((c) => [c.purchaseOption, c.monthlyQuantity, c.unitPrice])).toEqual([["on-demand", 1460, 1.006]]);
    expect(e.totals.monthlyCost).toBeCloseTo(1468.76, 9);
  });

  it("plan-forget-action: `forget` is accepted, costs nothing in the head, and is kept as `forget`", async () => {
    const { e, res } = await estimate("plan-forget-action/plan.json");
    expect(res("aws_s3_bucket.forgotten")).toMatchObject({ action: "forget", monthlyCost: 0, components: [] });
    expect(e.totals.monthlyCost).toBe(0);
  });

  it("plan-asg-launch-configuration: the ASG is priced with its launch configuration", async () => {
    const { e, res } = await estimate("plan-asg-launch-configuration/plan.json");
    expect(res("aws_launch_configuration.my_web_config").status).toBe("free");
    const g = res("aws_autoscaling_group.my_asg");
    // 4 × t2.micro × $0.0116 × 730 = $33.872; 4 × 8 GB gp2 (AMI default) × $0.10 = $3.20; total $37.072
    expect(g.components.map((c) => [c.monthlyQuantity, c.unitPrice])).toEqual([
      [4 * 730, 0.0116],
      [32, 0.1],
    ]);
    expect(e.totals.monthlyCost).toBeCloseTo(37.072, 9);
  });

  it("asg-launch-template-spot: the template's spot market option reaches the ASG", async () => {
    const { e, res } = await estimate("asg-launch-template-spot/cdk.tf.json");
    const g = res("aws_autoscaling_group.workers");
    // 2 × 730 × ($1.006 × 0.5) = $734.38; on-demand worst case 2 × 730 × $1.006 = $1,468.76
    expect(g.components.map((c) => [c.purchaseOption, c.monthlyQuantity])).toEqual([["spot", 1460]]);
    expect(g.monthlyCost).toBeCloseTo(734.38, 9);
    expect(g.monthlyCostOnDemand).toBeCloseTo(1468.76, 9);
    expect(g.facts.purchaseOption).toBe("spot");
    // + reference instance: 730 × $0.503 + 8 GB gp2 × $0.10 = $367.19 + $0.80 = $367.99 → $1,102.37
    expect(e.totals.monthlyCost).toBeCloseTo(1102.37, 9);
  });

  it("asg-default-tags: provider default_tags do not reach an ASG; its own tag blocks do", async () => {
    const { e, res } = await estimate("asg-default-tags/cdk.tf.json");
    const g = res("aws_autoscaling_group.workers");
    expect(g.tags).toEqual({ Name: "gpu-worker", "cost-center": "cc9" });
    // 1 × g5.xlarge × $1.006 × 730 = $734.38
    expect(e.totals.monthlyCost).toBeCloseTo(734.38, 9);
  });
});
