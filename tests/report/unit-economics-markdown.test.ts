import { describe, expect, it } from "vitest";
import { runGate } from "../../src/gate.js";
import { parseUsage } from "../../src/pricing/usage.js";
import { renderMarkdownReport } from "../../src/report/markdown.js";
import { unitEconomicsSection } from "../../src/report/unit-economics-markdown.js";
import { stackPlan } from "../helpers/stack-plan.js";
import { ENDPOINT_USAGE } from "../pricing/unit-economics/fixtures.js";

const endpoint = (type: string) => ({ aws_sagemaker_endpoint_configuration: { llm: { production_variants: [{ variant_name: "v", instance_type: type, initial_instance_count: 1 }] } } });

describe("unit economics in the PR comment", () => {
  it("a changed endpoint shows base → head per unit with the delta, and cheaper equivalents", async () => {
    const usage = parseUsage(ENDPOINT_USAGE, "u.yml");
    const { head, diff } = await runGate({ base: stackPlan(endpoint("ml.g5.2xlarge")), head: stackPlan(endpoint("ml.g5.xlarge")) }, { usage });
    // ml.g5.xlarge $1.4084/h × 730 = $1,028.132: per 1k requests 1.028132 (Δ −0.077818), per 1M output tokens 2.056264 (Δ −0.155636)
    const md = renderMarkdownReport({ estimate: head, diff: diff! });
    expect(md).toContain("### Unit economics of changed resources");
    expect(md).toContain("| changed | \\$1.10595 → \\$1.028132 (-\\$0.077818) | \\$2.2119 → \\$2.056264 (-\\$0.155636) |");
    expect(md).toContain("**Cheaper equivalents**");
    // Head ml.g5.xlarge $1.4084: ml.g6.xlarge (EC2 $0.8048 × 1.4 = $1.12672, estimated): (1.12672 − 1.4084) × 730 = −$205.63
    expect(md).toContain("<code>ml\\.g6\\.xlarge</code> on-demand \\$1.12672/h: **-\\$205.63/month**");
  });

  it("unchanged resources and estimates without unit figures add no section", async () => {
    const usage = parseUsage(ENDPOINT_USAGE, "u.yml");
    const same = await runGate({ base: stackPlan(endpoint("ml.g5.2xlarge")), head: stackPlan(endpoint("ml.g5.2xlarge")) }, { usage });
    expect(unitEconomicsSection(same.head, same.diff)).toBeNull();
    const cpu = await runGate({ head: stackPlan({ aws_instance: { w: { instance_type: "m5.large" } } }) });
    expect(unitEconomicsSection(cpu.head)).toBeNull();
  });
});
