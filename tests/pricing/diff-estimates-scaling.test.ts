import { expect, it } from "vitest";
import { diffEstimates } from "../../src/pricing/diff-estimates.js";
import type { Estimate, ResourceEstimate } from "../../src/pricing/estimate.js";

/** An estimate with `stacks` stacks of one resource each; reading `.stack` of a resource counts as one visit. */
function manyStacks(stacks: number, cost: (i: number) => number, visits: { n: number }): Estimate {
  const list = Array.from({ length: stacks }, (_, i) => {
    const r = {
      address: "aws_s3_bucket.b",
      type: "aws_s3_bucket",
      name: "b",
      monthlyCost: cost(i),
      monthlyCostOnDemand: cost(i),
      range: { low: cost(i), high: cost(i) },
      status: "priced",
      complete: true,
      components: [],
      facts: { instanceTypes: [], instanceCount: 0, gpuCount: 0 },
    } as unknown as ResourceEstimate;
    const name = `stack-${i}`;
    Object.defineProperty(r, "stack", {
      enumerable: true,
      get: () => {
        visits.n++;
        return name;
      },
    });
    return { name, monthlyCost: cost(i), resources: [r] };
  });
  return { stacks: list, totals: { monthlyCost: list.reduce((a, s) => a + s.monthlyCost, 0) } } as unknown as Estimate;
}

/** Resource visits of one diff of two `stacks`-stack estimates where every other stack changed. */
function visitsFor(stacks: number): number {
  const visits = { n: 0 };
  const base = manyStacks(stacks, () => 1, visits);
  const head = manyStacks(stacks, (i) => (i % 2 ? 2 : 1), visits);
  visits.n = 0;
  const d = diffEstimates(base, head);
  expect(d.stacks.length).toBe(stacks);
  expect(d.stacks.filter((s) => s.change === "changed").length).toBe(stacks / 2);
  return visits.n;
}

it("diffs 20,000 stacks in time linear in the stacks (a per-stack scan of every resource was quadratic: 7 s)", () => {
  // Counted, not timed: the work per stack must not grow with the number of stacks.
  const small = visitsFor(10_000);
  const large = visitsFor(20_000);
  expect(large / small).toBeLessThan(2.2);
  expect(large / 20_000).toBeLessThan(10);
});
