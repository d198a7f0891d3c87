import { describe, expect, it } from "vitest";
import { loadPlan } from "../../src/plan/load-plan.js";
import { estimatePlan, estimatePlans } from "../../src/pricing/estimate-plans.js";
import type { PriceKey } from "../../src/pricing/price-key.js";
import type { PriceQuote, PriceSource } from "../../src/pricing/price-quote.js";
import { SnapshotPriceSource } from "../../src/pricing/sources/snapshot-source.js";
import { allResources } from "../../src/pricing/estimate.js";
import { diffEstimates } from "../../src/pricing/diff-estimates.js";

/** Records which keys were asked for, answering from the snapshot. */
class CountingSource implements PriceSource {
  readonly asked: string[][] = [];
  private readonly inner = new SnapshotPriceSource();
  async quote(keys: PriceKey[]): Promise<Map<string, PriceQuote>> {
    this.asked.push(keys.map((k) => JSON.stringify(k)));
    return this.inner.quote(keys);
  }
  describe() {
    return this.inner.describe();
  }
  warnings() {
    return [];
  }
}

describe("estimatePlan on the multi-stack example", () => {
  it("sums exact monthly totals per stack and overall (730 h, full precision)", async () => {
    const e = await estimatePlan(loadPlan("examples/synth-output/cdktf.out"));
    const dev = e.stacks.find((s) => s.name === "training-dev")!;
    const prod = e.stacks.find((s) => s.name === "inference-prod")!;
    const trainer = 55.04 * 0.5 * 1460 + 0.08 * 200 + 0.08 * 1000 + 0.005 * 6000 + 0.04 * 250;
    const westBox = 1.006 * 730; // its root volume has no us-west-2 storage price: unpriced, not counted
    const workers = 1.006 * 2920 + 1.006 * 0.5 * 4380 + 0.08 * 2000;
    const batch = 21.957642 * 0.5 * 730;
    expect(dev.monthlyCost).toBeCloseTo(trainer + westBox + workers + batch, 9);
    const endpoint = 1.515 * 1460 + 21.957642 * 1.15 * 730;
    const pool = 0.8048 * 0.51 * 2190 + 0.1 * 300;
    const h200 = 0.1 * 20;
    const notebook = 1.4084 * 730;
    const ebs = 0.125 * 1000 + 0.065 * 4000;
    const lustre = 0.14 * 1200;
    const nat = 0.045 * 730; // NAT gateway hours (us-east-1 golden row); data processed is usage-based
    expect(prod.monthlyCost).toBeCloseTo(endpoint + pool + h200 + notebook + ebs + lustre + nat, 9);
    expect(e.totals.monthlyCost).toBeCloseTo(dev.monthlyCost + prod.monthlyCost, 9);
    // The NAT gateway is priced (us-east-1 rows) and the CloudWatch log group usage-based (no usage file): nothing unsupported.
    expect(e.totals).toMatchObject({ resources: 20, priced: 7, partial: 4, unpriced: 1, usageBased: 2, free: 6, unsupported: 0 });
    expect(e.totals.monthlyCostOnDemand).toBeGreaterThan(e.totals.monthlyCost);
    expect(e.priceSources.map((s) => s.label)).toContain("snapshot 2026-07-20");
  });

  it("deletes cost nothing in a Terraform plan; replaced and no-op resources are counted", async () => {
    const e = await estimatePlan(loadPlan("tests/fixtures/tfplan/gpu-plan.json"));
    const by = (a: string) => allResources(e).find((r) => r.address === a)!;
    expect(by("aws_instance.old")).toMatchObject({ action: "delete", monthlyCost: 0, components: [] });
    expect(by("aws_eks_node_group.pool").components[0]!.monthlyCost).toBe(1.212 * 1460);
    expect(by("module.inference.aws_instance.server").components[0]!.monthlyCost).toBe(1.006 * 730);
    expect(by("aws_instance.computed").components[0]!.unpricedReason).toMatch(/known after apply/);
  });
});

describe("estimatePlans", () => {
  it("asks the price source once, for distinct keys across base and head", async () => {
    const src = new CountingSource();
    const plan = loadPlan("examples/synth-output/cdktf.out");
    const [base, head] = await estimatePlans([plan, plan], { prices: src });
    expect(src.asked).toHaveLength(1);
    expect(new Set(src.asked[0]).size).toBe(src.asked[0]!.length);
    const d = diffEstimates(base!, head!);
    expect(d.totals.delta).toBe(0);
    expect(d.resources.every((r) => r.change === "unchanged")).toBe(true);
  });
});
