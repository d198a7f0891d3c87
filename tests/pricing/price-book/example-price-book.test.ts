import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { estimatePlans } from "../../../src/pricing/estimate-plans.js";
import { loadPlan } from "../../../src/plan/load-plan.js";
import { loadPriceBookFile } from "../../../src/pricing/price-book/load-price-book.js";
import { loadUsageFile } from "../../../src/pricing/usage.js";

const EXAMPLE = "examples/price-book.yaml";

describe("the example price book", () => {
  it("is the one the README shows, and loads", () => {
    const text = readFileSync(EXAMPLE, "utf8");
    expect(readFileSync("README.md", "utf8")).toContain("<!-- doctest: file price-book.yaml -->\n```yaml\n" + text);
    expect(loadPriceBookFile(EXAMPLE).rates.map((r) => r.id)).toEqual(["edp-2026", "sagemaker-g5-hosting", "p5-rate-card"]);
  });

  it("prices the example app: ml.g5 hosting 20% off, g5.xlarge hours on the reservation first", async () => {
    const [e] = await estimatePlans([loadPlan("examples/synth-output/cdktf.out")], {
      usage: loadUsageFile("examples/synth-output/usage.yml"),
      priceBook: loadPriceBookFile(EXAMPLE),
      today: "2026-11-30",
    });
    const res = (a: string) => e!.stacks.flatMap((s) => s.resources).find((r) => r.address === a)!;
    // ml.g5.2xlarge hosting, 1,460 h × $1.212 = $2,211.90 list → × 0.8 = $1,769.52.
    const hosting = res("aws_sagemaker_endpoint_configuration.ranker_cfg").components[0]!;
    expect(hosting.list!.monthlyCost).toBeCloseTo(2211.9, 6);
    expect(hosting.monthlyCost).toBeCloseTo(1769.52, 6);
    // The ASG's on-demand g5.xlarge: 2,920 h; the reservation covers 2 × 730 = 1,460 h at $0.64 = $934.40, the rest at
    // the EDP price 1,460 × 1.006 × 0.92 = $1,351.2592: $2,285.6592.
    const asg = res("aws_autoscaling_group.workers").components[0]!;
    expect(asg.commitments![0]!.covered.expected).toBe(1460);
    expect(asg.monthlyCost).toBeCloseTo(2285.6592, 6);
  });
});
