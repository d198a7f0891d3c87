import { describe, expect, it } from "vitest";
import { runGate } from "../../src/gate.js";
import { loadPlan } from "../../src/plan/load-plan.js";
import { loadUsageFile } from "../../src/pricing/usage.js";
import { rule } from "./build-estimate.js";
import { runCliCaptured } from "../helpers/run-cli.js";

const PLAN = "tests/fixtures/unit-economics/endpoint.tf.json";
const USAGE = "tests/fixtures/unit-economics/scenarios-usage.yml";

// ml.g5.2xlarge $1,105.95/month. expected: 1M requests × 500 tokens → $1.10595 per 1k, $2.2119 per 1M output tokens.
// low: 500k requests → $2.2119 per 1k, $4.4238 per 1M output. peak: 4M requests on 2 instances ($2,211.90)
// → $0.552975 per 1k, $1.10595 per 1M output.
describe("usage scenarios in the gate", () => {
  const gate = async (scenario?: string) =>
    runGate(
      { head: await loadPlan(PLAN), policies: [rule(`{kind: unit-cost, maxPer1MOutputTokens: 3}`, scenario ? `scenario: ${scenario}` : "")] },
      { usage: loadUsageFile(USAGE) },
    );

  it("each scenario is priced; the head is expected", async () => {
    const out = await gate();
    expect(Object.keys(out.scenarios!)).toEqual(["expected", "low", "peak"]);
    expect(out.scenarios!.peak!.head.totals.monthlyCost).toBeCloseTo(2211.9, 9);
    expect(out.head.scenarios!.map((s) => [s.name, s.resources[0]!.unitEconomics.inference!.per1MOutputTokens!.expected])).toEqual([
      ["expected", expect.closeTo(2.2119, 9)],
      ["low", expect.closeTo(4.4238, 9)],
      ["peak", expect.closeTo(1.10595, 9)],
    ]);
  });

  it("a rule judges expected by default, a named scenario, or all", async () => {
    expect((await gate()).verdict!.status).toBe("pass");
    expect((await gate("peak")).verdict!.status).toBe("pass");
    const all = (await gate("all")).verdict!;
    expect(all.status).toBe("fail");
    expect(all.findings.map((f) => f.message)).toEqual(["[scenario low] cost per 1M output tokens $4.4238 exceeds the $3.00 cap"]);
  });

  it("a scenario the usage file does not define fails closed", async () => {
    const v = (await gate("black-friday")).verdict!;
    expect(v.status).toBe("fail");
    expect(v.findings[0]).toMatchObject({ unknown: true, message: "scenario `black-friday` is not defined in the usage file; the rule cannot be judged" });
  });

  it("costgate estimate shows the scenarios side by side", async () => {
    const { stdout } = await runCliCaptured(["estimate", PLAN, "--usage", USAGE]);
    expect(stdout).toMatch(/\s+expected\s+low\s+peak\n/);
    expect(stdout).toMatch(/Total \/ month\s+\$1,105\.95\s+\$1,105\.95\s+\$2,211\.90/);
    expect(stdout).toMatch(/aws_sagemaker_endpoint_configuration\.llm per 1k requests\s+\$1\.10595\s+\$2\.2119\s+\$0\.552975/);
    expect(stdout).toMatch(/aws_sagemaker_endpoint_configuration\.llm per 1M output tokens\s+\$2\.2119\s+\$4\.4238\s+\$1\.10595/);
  });
});
