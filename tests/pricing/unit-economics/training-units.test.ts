import { describe, expect, it } from "vitest";
import { parseUsage } from "../../../src/pricing/usage.js";
import { parseInterruptionBand } from "../../../src/pricing/unit-economics/interruption-band.js";
import { priceStack } from "../../helpers/stack-plan.js";
import { BATCH, BATCH_USAGE } from "./fixtures.js";

describe("training unit figures", () => {
  it("spot with checkpoints: no-interruption low, band-implied expected, on-demand × retries ceiling", async () => {
    const { res, estimate } = await priceStack(BATCH(true), { usage: parseUsage(BATCH_USAGE, "u.yml") });
    const t = res("aws_batch_compute_environment.train").unitEconomics!.training!;
    // low = 2 × 10 × 10.978821 = 219.57642
    expect(t.costPerRun!.low).toBeCloseTo(219.57642, 9);
    // E = 2 × 10 × 0.125 ÷ 730 = 0.0034246575 interruptions, each losing 1 h ÷ 2 on 2 instances:
    // expected = 10.978821 × 2 × (10 + 0.0034246575 × 0.5) = 219.6140187
    expect(t.interruption!.expectedInterruptions).toBeCloseTo(0.0034246575, 9);
    expect(t.interruption!.checkpointed).toBe(true);
    expect(t.costPerRun!.expected).toBeCloseTo(219.6140187, 6);
    // high = 21.957642 × 2 × (10 + 3 retries × 1 h) = 570.898692
    expect(t.costPerRun!.high).toBeCloseTo(570.898692, 9);
    expect(t.complete).toBe(true);
    // × 4 runs a month
    expect(t.monthlyCost!.expected).toBeCloseTo(4 * 219.6140187, 5);
    expect(estimate.unitEconomics!.trainingMonthly.high).toBeCloseTo(4 * 570.898692, 6);
  });

  it("spot without a checkpoint: restart from zero (worst case), said so", async () => {
    const { res } = await priceStack(BATCH(false), { usage: parseUsage(BATCH_USAGE, "u.yml") });
    const t = res("aws_batch_compute_environment.train").unitEconomics!.training!;
    // expected = 10.978821 × 2 × (10 + 0.0034246575 × 10) = 220.3283940; high = 21.957642 × 2 × (10 + 3 × 10) = 1,756.61136
    expect(t.interruption!.checkpointed).toBe(false);
    expect(t.costPerRun!.expected).toBeCloseTo(220.328394, 6);
    expect(t.costPerRun!.high).toBeCloseTo(1756.61136, 6);
    expect(t.notes.join(" ")).toContain("restarts the run from zero");
  });

  it("no retry limit: the ceiling is unbounded; no hours_per_run: the job timeout is used and said so", async () => {
    const { res } = await priceStack(BATCH(true), { usage: parseUsage("resource_usage:\n  aws_batch_compute_environment.train:\n    instances_per_run: 1\n", "u.yml") });
    const t = res("aws_batch_compute_environment.train").unitEconomics!.training!;
    expect(t.hoursSource).toBe("max-runtime");
    expect(t.hoursPerRun).toBe(10); // 36,000 s
    expect(t.costPerRun!.high).toBeNull();
    expect(t.monthlyCost).toBeNull(); // runs_per_month not given: unknown, not $0
  });

  it("on-demand training instance: g5.2xlarge $1.212/h × 5 h = $6.06 per run, × 10 runs = $60.60", async () => {
    const usage = parseUsage("resource_usage:\n  aws_instance.t:\n    hours_per_run: 5\n    runs_per_month: 10\n", "u.yml");
    const { res } = await priceStack({ aws_instance: { t: { instance_type: "g5.2xlarge", tags: { workload: "training" } } } }, { usage });
    const t = res("aws_instance.t").unitEconomics!.training!;
    expect(t.costPerRun).toEqual({ low: expect.closeTo(6.06, 9), expected: expect.closeTo(6.06, 9), high: expect.closeTo(6.06, 9) });
    expect(t.monthlyCost!.expected).toBeCloseTo(60.6, 9);
  });

  it("reads Spot Advisor bands", () => {
    expect(parseInterruptionBand("<5%")).toEqual({ low: 0, high: 0.05 });
    expect(parseInterruptionBand("10-15%")).toEqual({ low: 0.1, high: 0.15 });
    expect(parseInterruptionBand(">20%")).toEqual({ low: 0.2, high: null });
    expect(parseInterruptionBand("often")).toBeUndefined();
  });
});
