import { describe, expect, it } from "vitest";
import { parseUsage } from "../../../src/pricing/usage.js";
import { priceStack } from "../../helpers/stack-plan.js";

import { ENDPOINT, ENDPOINT_USAGE } from "./fixtures.js";

describe("inference unit figures", () => {
  it("one ml.g5.2xlarge endpoint, 1M requests of 500 output tokens: $1.10595 per 1k requests, $2.2119 per 1M output tokens", async () => {
    const { res } = await priceStack(ENDPOINT, { usage: parseUsage(ENDPOINT_USAGE, "u.yml") });
    const r = res("aws_sagemaker_endpoint_configuration.llm");
    expect(r.monthlyCost).toBeCloseTo(1105.95, 9);
    const inf = r.unitEconomics!.inference!;
    expect(inf.per1kRequests!.expected).toBeCloseTo(1.10595, 9);
    expect(inf.per1kRequests!.low).toBeCloseTo(1.10595, 9);
    expect(inf.per1kRequests!.high).toBeCloseTo(1.10595, 9);
    expect(inf.per1MOutputTokens!.expected).toBeCloseTo(2.2119, 9);
    expect(inf.per1MInputTokens).toBeNull(); // input tokens not given: unknown, not $0
    expect(inf.complete).toBe(true);
    expect(inf.notes.join(" ")).toContain("input_tokens_per_request");
    expect(inf.apiComparison).toBeUndefined();
  });

  it("measured output-token throughput gives instances needed and utilisation; Bedrock comparison is labelled", async () => {
    const usage = parseUsage(ENDPOINT_USAGE + "    input_tokens_per_request: 1000\n    output_tokens_per_second_per_instance: 400\n", "u.yml");
    const { res } = await priceStack(ENDPOINT, { usage });
    const inf = res("aws_sagemaker_endpoint_configuration.llm").unitEconomics!.inference!;
    // 1,105.95 ÷ (1M × 1,000 ÷ 10^6 = 1,000) = $1.10595 per 1M input tokens
    expect(inf.per1MInputTokens!.expected).toBeCloseTo(1.10595, 9);
    // demand = 1M × 500 ÷ (730 × 3,600 s) = 190.2587519 tokens/s; ÷ 400 = 0.4756469 instances of 1 provisioned
    expect(inf.capacity!.basis).toBe("output-tokens");
    expect(inf.capacity!.demandPerSecond).toBeCloseTo(190.2587519, 6);
    expect(inf.capacity!.instancesNeeded).toBeCloseTo(0.4756469, 6);
    expect(inf.capacity!.instancesProvisioned).toEqual({ low: 1, expected: 1, high: 1 });
    expect(inf.capacity!.utilization).toBeCloseTo(0.4756469, 6);
    // Bedrock (deploybase.ai 2026-01-05, low confidence): Haiku 1M × (1,000 × 0.8 + 500 × 4) ÷ 10^6 = $2,800
    const haiku = inf.apiComparison!.find((a) => a.model.includes("anthropic.claude-3-5-haiku"))!;
    expect(haiku.monthlyCost).toBeCloseTo(2800, 9);
    expect(haiku.asOf).toBe("2026-01-05");
    expect(haiku.confidence).toMatch(/^low/);
    expect(haiku.source).toContain("deploybase.ai");
  });

  it("requests-per-second throughput with autoscaling: provisioned range 1..4, utilisation at expected", async () => {
    const usage = parseUsage("resource_usage:\n  aws_sagemaker_endpoint_configuration.llm:\n    monthly_requests: 1000000\n    requests_per_second_per_instance: 0.1\n", "u.yml");
    const { res } = await priceStack(
      {
        ...ENDPOINT,
        aws_sagemaker_endpoint: { ep: { endpoint_config_name: "${aws_sagemaker_endpoint_configuration.llm.name}" } },
        aws_appautoscaling_target: { t: { service_namespace: "sagemaker", resource_id: "endpoint/${aws_sagemaker_endpoint.ep.name}/variant/v", min_capacity: 1, max_capacity: 4, scalable_dimension: "sagemaker:variant:DesiredInstanceCount" } },
      },
      { usage },
    );
    const inf = res("aws_sagemaker_endpoint_configuration.llm").unitEconomics!.inference!;
    // 1M ÷ 2,628,000 s = 0.3805175 req/s ÷ 0.1 = 3.805175 instances needed; 1 provisioned at expected → 380.5%
    expect(inf.capacity!.instancesNeeded).toBeCloseTo(3.805175, 6);
    expect(inf.capacity!.instancesProvisioned).toEqual({ low: 1, expected: 1, high: 4 });
    expect(inf.capacity!.utilization).toBeCloseTo(3.805175, 6);
    // Per 1k requests across the range: 1,105.95 .. 4 × 1,105.95 = 4,423.80 → $1.10595 .. $4.4238
    expect(inf.per1kRequests!.low).toBeCloseTo(1.10595, 9);
    expect(inf.per1kRequests!.high).toBeCloseTo(4.4238, 9);
  });

  it("an unpriced endpoint: unit figures are lower bounds with an unknown high end", async () => {
    const usage = parseUsage("resource_usage:\n  aws_sagemaker_endpoint_configuration.llm:\n    monthly_requests: 1000\n", "u.yml");
    const { res } = await priceStack(
      { aws_sagemaker_endpoint_configuration: { llm: { production_variants: [{ variant_name: "v", instance_type: "ml.g5.2xlarge", initial_instance_count: "${var.n}" }] } } },
      { usage },
    );
    const inf = res("aws_sagemaker_endpoint_configuration.llm").unitEconomics!.inference!;
    expect(inf.complete).toBe(false);
    expect(inf.per1kRequests!.high).toBeNull();
    expect(inf.per1kRequests!.expected).toBe(0); // the priced part (nothing) — a lower bound, flagged incomplete
  });
});
