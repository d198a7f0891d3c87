import { describe, expect, it } from "vitest";
import { runCliCaptured } from "../helpers/run-cli.js";

const PLAN = "tests/fixtures/unit-economics/endpoint.tf.json";
const USAGE = "tests/fixtures/unit-economics/endpoint-usage.yml";

// Issue 17's fixture by hand: ml.g5.2xlarge $1.515/h × 730 h = $1,105.95/month; 1,000,000 requests of 500 output
// tokens → $1,105.95 ÷ 1,000 = $1.10595 per 1k requests, ÷ 500 = $2.2119 per 1M output tokens.
describe("costgate estimate: unit economics in table, JSON and Markdown", () => {
  it("table (--wide: one row per resource)", async () => {
    const { code, stdout } = await runCliCaptured(["estimate", PLAN, "--usage", USAGE, "--wide"]);
    expect(code).toBe(0);
    expect(stdout).toContain("$1,105.95");
    const line = stdout.split("\n").find((l) => l.startsWith("aws_sagemaker_endpoint_configuration.llm"))!;
    expect(line).toMatch(/\$1\.10595\s+\?\s+\$2\.2119\s/);
    expect(stdout).toContain("set `input_tokens_per_request`");
    expect(stdout).not.toContain("Cheaper equivalents");
  });

  it("table fitted to 80 columns: one block per resource, every line within the width", async () => {
    const { stdout } = await runCliCaptured(["estimate", PLAN, "--usage", USAGE, "--alternatives"], { COLUMNS: "80" });
    expect(stdout).toContain("\naws_sagemaker_endpoint_configuration.llm\n  Per 1k requests: $1.10595\n  Per 1M input tok: ?\n  Per 1M output tok: $2.2119\n");
    expect(Math.max(...stdout.split("\n").map((l) => l.length))).toBeLessThanOrEqual(80);
  });

  it("table with --alternatives lists cheaper equivalents with the monthly difference", async () => {
    const { stdout } = await runCliCaptured(["estimate", PLAN, "--usage", USAGE, "--alternatives", "--wide"]);
    // ml.g6.2xlarge $1.222/h: (1.222 − 1.515) × 730 = −$213.89
    expect(stdout).toContain("aws_sagemaker_endpoint_configuration.llm → ml.g6.2xlarge on-demand $1.222/h: -$213.89/month");
  });

  it("JSON carries the figures at full precision under unitEconomics", async () => {
    const { stdout } = await runCliCaptured(["estimate", PLAN, "--usage", USAGE, "--format", "json"]);
    const json = JSON.parse(stdout);
    const r = json.stacks[0].resources[0];
    expect(r.unitEconomics.inference.per1kRequests.expected).toBeCloseTo(1.10595, 9);
    expect(r.unitEconomics.inference.per1MOutputTokens.expected).toBeCloseTo(2.2119, 9);
    expect(r.unitEconomics.inference.per1MInputTokens).toBeNull();
    expect(r.unitEconomics.alternatives).toHaveLength(3);
    expect(json.unitEconomics.idleGpuUnknown).toBe(1);
  });

  it("Markdown has a Unit economics section", async () => {
    const { stdout } = await runCliCaptured(["estimate", PLAN, "--usage", USAGE, "--format", "markdown"]);
    expect(stdout).toContain("### Unit economics");
    expect(stdout).toContain("| <code>aws\\_sagemaker\\_endpoint\\_configuration\\.llm</code> | \\$1.10595 | ? | \\$2.2119 |");
    expect(stdout).toContain("Idle GPU cost: **unknown**/month (+ 1 GPU resource without `gpu_utilization`)");
  });
});
