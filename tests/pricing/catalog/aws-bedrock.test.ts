import { describe, expect, it } from "vitest";
import { modelFamily } from "../../../src/pricing/catalog/aws-bedrock.js";
import { parseUsage } from "../../../src/pricing/usage.js";
import { priceStack } from "../../helpers/stack-plan.js";

describe("Bedrock", () => {
  it("reads a model family from model ids, inference profiles and ARNs", () => {
    expect(modelFamily("anthropic.claude-3-5-haiku-20241022-v1:0")).toBe("anthropic.claude-3-5-haiku");
    expect(modelFamily("us.anthropic.claude-3-7-sonnet-20250219-v1:0")).toBe("anthropic.claude-3-7-sonnet");
    expect(modelFamily("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-opus-4-20250514-v1:0")).toBe("anthropic.claude-opus-4");
    expect(modelFamily("${var.model}")).toBeUndefined();
  });

  it("an agent's on-demand model use from usage tokens, labelled low confidence", async () => {
    const usage = parseUsage("resource_usage:\n  aws_bedrockagent_agent.a:\n    monthly_input_tokens: 200000000\n    monthly_output_tokens: 20000000\n", "u.yml");
    const { res, estimate } = await priceStack({ aws_bedrockagent_agent: { a: { agent_name: "a", foundation_model: "anthropic.claude-3-5-haiku-20241022-v1:0", agent_resource_role_arn: "arn" } } }, { usage });
    const r = res("aws_bedrockagent_agent.a");
    // 200M input × $0.80/1M = $160.00; 20M output × $4.00/1M = $80.00
    expect(r.monthlyCost).toBeCloseTo(240, 9);
    expect(r.components[0]!.price!.note).toContain("low confidence");
    expect(estimate.priceSources.find((s) => s.id.includes("bedrock"))!.description).toContain("confidence: low");
  });

  it("without usage the agent is usage-based; Provisioned Throughput is unpriced with the reason", async () => {
    const { res } = await priceStack({
      aws_bedrockagent_agent: { a: { agent_name: "a", foundation_model: "anthropic.claude-opus-4-20250514-v1:0", agent_resource_role_arn: "arn" } },
      aws_bedrock_provisioned_model_throughput: { pt: { provisioned_model_name: "pt", model_arn: "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-7-sonnet-20250219-v1:0", model_units: 2 } },
    });
    expect(res("aws_bedrockagent_agent.a").status).toBe("usage-based");
    const pt = res("aws_bedrock_provisioned_model_throughput.pt");
    expect(pt.status).toBe("unpriced");
    expect(pt.notes[0]).toContain("Provisioned Throughput has no dated public price");
  });
});
