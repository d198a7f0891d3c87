import { describe, expect, it } from "vitest";
import { parseUsage } from "../../../src/pricing/usage.js";
import { equivalenceReason } from "../../../src/pricing/unit-economics/alternatives.js";
import { SNAPSHOT } from "../../../src/pricing/snapshot/snapshot.js";
import { priceStack } from "../../helpers/stack-plan.js";
import { ENDPOINT, ENDPOINT_USAGE } from "./fixtures.js";

describe("idle GPU cost", () => {
  it("(1 − 0.4) × $1,105.95 = $663.57 per month; totals add it", async () => {
    const { res, estimate } = await priceStack(ENDPOINT, { usage: parseUsage(ENDPOINT_USAGE + "    gpu_utilization: 0.4\n", "u.yml") });
    const idle = res("aws_sagemaker_endpoint_configuration.llm").unitEconomics!.idleGpu!;
    expect(idle.idleCost!.expected).toBeCloseTo(663.57, 9);
    expect(estimate.unitEconomics!.idleGpuCost.expected).toBeCloseTo(663.57, 9);
    expect(estimate.unitEconomics!.idleGpuUnknown).toBe(0);
  });

  it("without gpu_utilization the idle cost is unknown (null), and the total's high end too", async () => {
    const { res, estimate } = await priceStack({ aws_instance: { g: { instance_type: "g5.xlarge" }, cpu: { instance_type: "m5.large" } } });
    expect(res("aws_instance.g").unitEconomics!.idleGpu!.idleCost).toBeNull();
    expect(res("aws_instance.cpu").unitEconomics).toBeUndefined();
    expect(estimate.unitEconomics!.idleGpuUnknown).toBe(1);
    expect(estimate.unitEconomics!.idleGpuCost.high).toBeNull();
  });

  it("rejects a utilisation above 1", () => {
    expect(() => parseUsage("resource_type_default_usage:\n  aws_instance:\n    gpu_utilization: 1.5\n", "u.yml")).toThrow(/fraction from 0 to 1/);
  });
});

describe("cheaper equivalents", () => {
  it("ml.g5.2xlarge ($1.515/h): ml.g6.xlarge, ml.g6.2xlarge, ml.g5.xlarge, with the monthly difference", async () => {
    const { res } = await priceStack(ENDPOINT);
    const alts = res("aws_sagemaker_endpoint_configuration.llm").unitEconomics!.alternatives!;
    // ml.g6.xlarge: no SageMaker row; EC2 g6.xlarge $0.8048 × 1.4 (G-family xlarge) = $1.12672 (estimated): (1.12672 − 1.515) × 730 = −$283.4444
    // ml.g6.2xlarge $1.222 (fmbench 2025-01-26): −$213.89; ml.g5.xlarge $1.4084: −$77.818
    expect(alts.map((a) => a.instanceType)).toEqual(["ml.g6.xlarge", "ml.g6.2xlarge", "ml.g5.xlarge"]);
    expect(alts[0]!.monthlyDifference).toBeCloseTo(-283.4444, 9);
    expect(alts[0]!.estimated).toBe(true);
    expect(alts[1]!.monthlyDifference).toBeCloseTo(-213.89, 9);
    expect(alts[2]!.monthlyDifference).toBeCloseTo(-77.818, 9);
    expect(alts[2]!.reason).toMatch(/^same GPU model/);
  });

  it("EC2 on demand also offers spot for the same type, with its interruption band", async () => {
    const { res } = await priceStack({ aws_instance: { g: { instance_type: "g6e.xlarge" } } });
    const alts = res("aws_instance.g").unitEconomics!.alternatives!;
    // g6e.xlarge $1.861/h; spot 50% off (configured default, below Advisor 58%) = $0.9305: (0.9305 − 1.861) × 730 = −$679.265
    const spot = alts.find((a) => a.purchaseOption === "spot")!;
    expect(spot.instanceType).toBe("g6e.xlarge");
    expect(spot.monthlyDifference).toBeCloseTo(-679.265, 9);
    expect(spot.reason).toContain("5-10%");
  });

  it("equivalence needs the same vendor, ≥ total GPU memory and the same model or ≥ memory per GPU", () => {
    const s = SNAPSHOT.specs;
    expect(equivalenceReason(s["g5.2xlarge"]!, s["g6.xlarge"]!)).toBeDefined(); // L4 24 GiB ≥ A10G 24 GiB
    expect(equivalenceReason(s["g5.12xlarge"]!, s["g5.2xlarge"]!)).toBeUndefined(); // 24 GiB < 96 GiB total
    expect(equivalenceReason(s["g5.2xlarge"]!, s["inf2.xlarge"]!)).toBeUndefined(); // Inferentia is not a drop-in GPU
    expect(equivalenceReason(s["g5.2xlarge"]!, s["g4dn.xlarge"]!)).toBeUndefined(); // T4 16 GiB < 24 GiB
  });
});
