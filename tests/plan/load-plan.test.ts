import { describe, expect, it } from "vitest";
import { loadPlan } from "../../src/plan/load-plan.js";

describe("loadPlan", () => {
  it("loads every stack of a cdktf output directory via manifest.json", () => {
    const plan = loadPlan("examples/synth-output/cdktf.out");
    expect(plan.format).toBe("cdktf");
    expect(plan.stacks).toEqual(["training-dev", "inference-prod"]);
    expect(new Set(plan.resources.map((r) => r.stack))).toEqual(new Set(["training-dev", "inference-prod"]));
    expect(plan.resources.find((r) => r.address === "aws_instance.trainer")!.origin.file).toMatch(/stacks\/training-dev\/cdk\.tf\.json$/);
  });

  it("accepts the project directory holding cdktf.out, and a single cdk.tf.json named by its stack folder", () => {
    expect(loadPlan("examples/synth-output").stacks).toEqual(["training-dev", "inference-prod"]);
    const one = loadPlan("examples/synth-output/cdktf.out/stacks/inference-prod/cdk.tf.json");
    expect(one.stacks).toEqual(["inference-prod"]);
  });

  it("detects terraform show -json output", () => {
    expect(loadPlan("tests/fixtures/tfplan/gpu-plan.json").format).toBe("terraform-plan");
  });

  it.each([
    ["tests/fixtures/nope.json", /nope\.json: no such file or directory/],
    ["tests/fixtures/bad/truncated.json", /truncated\.json:1:\d+: not valid JSON/],
    ["tests/fixtures/bad/not-json.txt", /not-json\.txt:1:\d+: not valid JSON/],
    ["tests/fixtures/bad/empty.json", /empty\.json: file is empty; expected JSON/],
    ["tests/fixtures/bad/state.json", /looks like Terraform state/],
    ["tests/fixtures/bad/wrong-shape.json", /wrong-shape\.json at \/: not a recognised input/],
    ["tests/fixtures/bad/missing-stack", /manifest\.json at \/stacks\/a\/synthesizedStackPath: stack file stacks\/a\/cdk\.tf\.json does not exist/],
    ["tests", /directory has no manifest\.json/],
  ])("%s fails with one clear error", (path, message) => {
    expect(() => loadPlan(path)).toThrow(message);
  });

  it("rejects a default region that is not a region name", () => {
    expect(() => loadPlan("examples/synth-output", { defaultRegion: "mars-1" })).toThrow(/not an AWS region name/);
  });
});
