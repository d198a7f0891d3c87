import { describe, expect, test } from "vitest";
import { planFromCdktfStack } from "../../src/plan/cdktf-plan.js";
import { estimatePlanSync } from "../../src/pricing/estimate-plans.js";
import { estimatePlan } from "../../src/pricing/estimate-plans.js";
import { parseUsage } from "../../src/pricing/usage.js";

// A stack with on-demand and spot EC2, a spot Batch environment (usage-based), SageMaker hosting, S3 and an
// unpriced type: every path the synchronous pricing shares with the asynchronous one.
const STACK = {
  provider: { aws: [{ region: "us-east-1" }] },
  resource: {
    aws_instance: {
      od: { ami: "ami-1", instance_type: "g5.xlarge" },
      spot: { ami: "ami-1", instance_type: "p4d.24xlarge", instance_market_options: { market_type: "spot" } },
    },
    aws_batch_compute_environment: {
      ce: { type: "MANAGED", compute_resources: { type: "SPOT", min_vcpus: 0, max_vcpus: 96, instance_type: ["g5.12xlarge"], subnets: ["s"] } },
    },
    aws_sagemaker_endpoint_configuration: {
      cfg: { production_variants: [{ variant_name: "primary", model_name: "m", instance_type: "ml.g5.xlarge", initial_instance_count: 2 }] },
    },
    aws_s3_bucket: { data: { bucket: "data" } },
    aws_nat_gateway: { nat: { subnet_id: "s" } },
  },
};

describe("estimatePlanSync", () => {
  test("prices a plan exactly as estimatePlan does with the default sources", async () => {
    const plan = planFromCdktfStack(STACK, { stack: "s", file: "s/cdk.tf.json", defaultRegion: "us-east-1" });
    const usage = parseUsage("resource_usage:\n  aws_batch_compute_environment.ce: {gpu_hours: 400}\n  aws_s3_bucket.data: {storage_gb: 1000}\n", "usage.yml");
    const sync = estimatePlanSync(plan, { usage });
    const async = await estimatePlan(plan, { usage });
    expect(sync).toEqual(async);
    // Not vacuous: spot, usage-based and unpriced components are all there.
    const components = sync.stacks[0]!.resources.flatMap((r) => r.components);
    expect(components.some((c) => c.purchaseOption === "spot" && c.monthlyCost !== null && c.monthlyCost > 0)).toBe(true);
    expect(sync.stacks[0]!.resources.find((r) => r.type === "aws_s3_bucket")!.monthlyCost).toBeGreaterThan(0);
    expect(sync.totals.monthlyCost).toBeGreaterThan(0);
    expect(sync.totals.monthlyCostOnDemand).toBeGreaterThan(sync.totals.monthlyCost);
    expect(sync.priceSources.map((s) => s.id)).toContain("spot-discount");
  });

  test("a configured spot discount applies", () => {
    const plan = planFromCdktfStack(STACK, { stack: "s", file: "s/cdk.tf.json", defaultRegion: "us-east-1" });
    const instance = (pct: number) =>
      estimatePlanSync(plan, { spot: { defaultDiscountPct: pct, discounts: { p4d: pct } } })
        .stacks[0]!.resources.find((r) => r.name === "spot")!
        .components.find((c) => c.purchaseOption === "spot")!;
    const od = instance(10).onDemandMonthlyCost!;
    expect(od).toBeGreaterThan(0);
    expect(instance(10).monthlyCost).toBeCloseTo(od * 0.9, 6);
  });

  test("an unknown instance type is bad input unless allowed", () => {
    const bad = { ...STACK, resource: { aws_instance: { typo: { ami: "ami-1", instance_type: "g5.xlargee" } } } };
    const plan = planFromCdktfStack(bad, { stack: "s", file: "s/cdk.tf.json", defaultRegion: "us-east-1" });
    expect(() => estimatePlanSync(plan)).toThrow(/unknown instance type `g5.xlargee`/);
    const r = estimatePlanSync(plan, { allowUnknownInstanceTypes: true }).stacks[0]!.resources[0]!;
    expect(r.components.find((c) => c.unit === "hours")!.unpricedReason).toMatch(/unknown instance type `g5.xlargee`/);
  });
});
