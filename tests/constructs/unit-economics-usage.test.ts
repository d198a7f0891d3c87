import { afterEach, describe, expect, test } from "vitest";
import { applyCostGovernance } from "../../constructs/governance/apply-cost-governance.js";
import { GpuInferenceEndpoint } from "../../constructs/inference/gpu-inference-endpoint.js";
import { GpuTrainingCluster } from "../../constructs/training/gpu-training-cluster.js";
import { CostTags } from "../../constructs/tags/cost-tags.js";
import { pol } from "../policy/build-estimate.js";
import { GOOD_TAGS, synth, testApp, type TestApp } from "./synth-helpers.js";

let t: TestApp;
afterEach(() => t?.cleanup());

const POLICY = pol(`rules:
  - {id: U-1, description: cheap tokens, severity: high, enforcement: advisory, check: {kind: unit-cost, maxPer1MOutputTokens: 2}}
`);

describe("constructs pass unit-economics inputs as usage", () => {
  test("GpuInferenceEndpoint: 1M requests × 500 output tokens on one ml.g5.2xlarge → $2.2119 per 1M output tokens at synth", () => {
    t = testApp();
    const stack = t.stack("prod");
    CostTags.of(stack).set({ ...GOOD_TAGS, environment: "prod" });
    new GpuInferenceEndpoint(stack, "llm", {
      image: "serve:1",
      instanceType: "ml.g5.2xlarge",
      instanceCount: { min: 1, max: 1 },
      unitEconomics: { monthlyRequests: 1_000_000, outputTokensPerRequest: 500 },
    });
    const aspect = applyCostGovernance(stack, { policy: [POLICY], today: "2026-11-30" });
    synth(stack);
    const r = aspect.lastResult!.estimate.stacks[0]!.resources.find((x) => x.type === "aws_sagemaker_endpoint_configuration")!;
    // $1.515/h × 730 = $1,105.95; ÷ 500 M tokens = $2.2119
    expect(r.unitEconomics!.inference!.per1MOutputTokens!.expected).toBeCloseTo(2.2119, 9);
    expect(aspect.lastResult!.verdict.findings.map((f) => f.message)).toEqual(["cost per 1M output tokens $2.2119 exceeds the $2.00 cap"]);
  });

  test("GpuTrainingCluster: hours per run and runs per month; the retry limit is retryAttempts − 1", () => {
    t = testApp();
    const stack = t.stack("dev");
    CostTags.of(stack).set(GOOD_TAGS);
    new GpuTrainingCluster(stack, "train", {
      instanceTypes: ["p4d.24xlarge"],
      maxVcpus: 192,
      subnetIds: ["subnet-a"],
      securityGroupIds: ["sg-a"],
      image: "train:1",
      retryAttempts: 4,
      unitEconomics: { hoursPerRun: 10, runsPerMonth: 4, instancesPerRun: 2, checkpointIntervalHours: 1 },
    });
    const aspect = applyCostGovernance(stack, { policy: [POLICY], today: "2026-11-30" });
    synth(stack);
    const r = aspect.lastResult!.estimate.stacks[0]!.resources.find((x) => x.type === "aws_batch_compute_environment")!;
    const tr = r.unitEconomics!.training!;
    // Same figures as tests/pricing/unit-economics/training-units.test.ts (p4d spot, band 10-15%, 1 h checkpoints):
    // low 2 × 10 × 10.978821 = 219.57642; ceiling 21.957642 × 2 × (10 + 3 × 1) = 570.898692; × 4 runs
    expect(tr.interruption!.checkpointed).toBe(true);
    expect(tr.interruption!.maxRetries).toBe(3);
    expect(tr.costPerRun!.low).toBeCloseTo(219.57642, 9);
    expect(tr.costPerRun!.high).toBeCloseTo(570.898692, 9);
    expect(tr.monthlyCost!.low).toBeCloseTo(4 * 219.57642, 9);
  });
});
