import { describe, expect, it } from "vitest";
import { evaluatePolicies } from "../../../src/policy/evaluate-policies.js";
import { parseUsage } from "../../../src/pricing/usage.js";
import { rule } from "../build-estimate.js";
import { priceStack } from "../../helpers/stack-plan.js";
import { BATCH, BATCH_USAGE, ENDPOINT, ENDPOINT_USAGE } from "../../pricing/unit-economics/fixtures.js";

// Figures by hand (see tests/pricing/unit-economics): ml.g5.2xlarge endpoint $1,105.95/month → $1.10595 per 1k
// requests, $2.2119 per 1M output tokens; the p4d spot Batch run with checkpoints $219.576 .. $219.614 .. $570.90.
const endpoint = async (extra = "") => (await priceStack(ENDPOINT, { usage: parseUsage(ENDPOINT_USAGE + extra, "u.yml") })).estimate;

describe("unit-cost", () => {
  it("$2.2119 per 1M output tokens fails a $2 cap and passes a $2.50 cap", async () => {
    const e = await endpoint();
    const v = evaluatePolicies([rule(`{kind: unit-cost, maxPer1MOutputTokens: 2}`)], e);
    expect(v.findings.map((f) => [f.address, f.message])).toEqual([["aws_sagemaker_endpoint_configuration.llm", "cost per 1M output tokens $2.2119 exceeds the $2.00 cap"]]);
    expect(evaluatePolicies([rule(`{kind: unit-cost, maxPer1MOutputTokens: 2.5, maxPer1kRequests: 1.2}`)], e).status).toBe("pass");
  });

  it("an unknown figure fails closed; onUnknown: advisory relaxes it", async () => {
    const e = await endpoint();
    const v = evaluatePolicies([rule(`{kind: unit-cost, maxPer1MInputTokens: 5}`)], e);
    expect(v.status).toBe("fail");
    expect(v.findings[0]).toMatchObject({ unknown: true });
    expect(v.findings[0]!.message).toContain("input_tokens_per_request");
    expect(evaluatePolicies([rule(`{kind: unit-cost, maxPer1MInputTokens: 5}`, "onUnknown: advisory")], e).status).not.toBe("fail");
  });

  it("an inference endpoint without any usage is unknown, not $0", async () => {
    const { estimate } = await priceStack(ENDPOINT);
    const v = evaluatePolicies([rule(`{kind: unit-cost, maxPer1kRequests: 100}`)], estimate);
    expect(v.findings[0]).toMatchObject({ unknown: true });
    expect(v.findings[0]!.message).toContain("monthly_requests");
  });
});

describe("training-run-cost", () => {
  it("judges the whole range: expected $219.61 under $300 but the $570.90 ceiling is over: unknown", async () => {
    const { estimate } = await priceStack(BATCH(true), { usage: parseUsage(BATCH_USAGE, "u.yml") });
    const v = evaluatePolicies([rule(`{kind: training-run-cost, maxPerRun: 300}`)], estimate);
    expect(v.findings).toHaveLength(1);
    expect(v.findings[0]).toMatchObject({ address: "aws_batch_compute_environment.train", unknown: true });
    expect(v.findings[0]!.message).toBe("cost per training run $219.61 expected is within the cap, but could reach $570.90");
    expect(evaluatePolicies([rule(`{kind: training-run-cost, maxPerRun: 600}`)], estimate).status).toBe("pass");
    const over = evaluatePolicies([rule(`{kind: training-run-cost, maxPerRun: 200}`)], estimate);
    expect(over.findings[0]!.message).toBe("cost per training run $219.61 exceeds the $200.00 cap");
    expect(over.findings[0]!.unknown).toBeFalsy();
  });
});

describe("idle-gpu-cost", () => {
  it("(1 − 0.4) × $1,105.95 = $663.57 idle: over a $500 cap per resource and in total", async () => {
    const e = await endpoint("    gpu_utilization: 0.4\n");
    const v = evaluatePolicies([rule(`{kind: idle-gpu-cost, maxMonthly: 500, maxTotal: 600}`)], e);
    expect(v.findings.map((f) => f.message).sort()).toEqual(["idle GPU cost $663.57/month exceeds the $500.00/month cap", "idle GPU cost $663.57/month exceeds the $600.00/month total cap"]);
    expect(v.findings.find((f) => f.address === "aws_sagemaker_endpoint_configuration.llm")!.monthlyCost).toBeCloseTo(163.57, 9);
  });

  it("a GPU resource without gpu_utilization fails closed", async () => {
    const v = evaluatePolicies([rule(`{kind: idle-gpu-cost, maxMonthly: 5000}`)], await endpoint());
    expect(v.findings[0]).toMatchObject({ unknown: true });
    expect(v.findings[0]!.message).toContain("gpu_utilization");
  });
});

describe("min-utilization", () => {
  it("measured 400 output tokens/s per instance: 47.6% utilisation fails a 60% floor in prod only", async () => {
    const e = await endpoint("    output_tokens_per_second_per_instance: 400\n");
    const prod = rule(`{kind: min-utilization, min: 0.6}`, "scope: {environments: [prod]}");
    const v = evaluatePolicies([prod], e, { environment: "prod" });
    expect(v.findings.map((f) => f.message)).toEqual(["utilisation 47.6% is below the 60.0% floor (instances needed for the average load ÷ provisioned)"]);
    expect(evaluatePolicies([prod], e, { environment: "dev" }).findings).toHaveLength(0);
  });

  it("without a measured throughput utilisation is unknown; basis gpu reads gpu_utilization", async () => {
    const e = await endpoint("    gpu_utilization: 0.7\n");
    expect(evaluatePolicies([rule(`{kind: min-utilization, min: 0.5}`)], e).findings[0]).toMatchObject({ unknown: true });
    expect(evaluatePolicies([rule(`{kind: min-utilization, min: 0.5, basis: gpu}`)], e).status).toBe("pass");
  });
});
