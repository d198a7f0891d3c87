import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { gpuPlatformApp, type GpuPlatformApp } from "../../examples/gpu-platform/main.js";
import { loadPlan } from "../../src/plan/load-plan.js";
import { evaluatePolicies } from "../../src/policy/evaluate-policies.js";
import { loadPolicyFiles } from "../../src/policy/load-policy.js";
import { estimatePlans } from "../../src/pricing/estimate-plans.js";
import { loadUsageFile } from "../../src/pricing/usage.js";

// The demo's app, synthesized for real, then checked the way `npm run demo` checks it.
const POLICY = "policies/default.yaml";
const USAGE = "examples/gpu-platform/usage.yml";

let outdir: string;
let built: GpuPlatformApp;
beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), "costgate-example-"));
  // Write the output even if the governance aspect reports errors (as `cdktf synth` does), so a policy
  // problem fails the policy test below and not every test; stacks read this when they are created.
  const saved = process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
  process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS = "true";
  try {
    built = gpuPlatformApp({ outdir, policy: POLICY, usage: USAGE });
  } finally {
    if (saved === undefined) delete process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
    else process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS = saved;
  }
  built.app.synth();
});
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

type Json = { resource: Record<string, Record<string, Record<string, unknown>>> };
const stackJson = (name: string) => JSON.parse(readFileSync(join(outdir, "stacks", name, "cdk.tf.json"), "utf8")) as Json;

describe("examples/gpu-platform", () => {
  test("has a dev and a prod stack with the three constructs", () => {
    const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8"));
    expect(Object.keys(manifest.stacks).sort()).toEqual(["gpu-platform-dev", "gpu-platform-prod"]);
    for (const name of ["gpu-platform-dev", "gpu-platform-prod"]) {
      const json = stackJson(name);
      for (const type of ["aws_batch_compute_environment", "aws_sagemaker_endpoint", "aws_eks_node_group"]) expect(Object.keys(json.resource[type] ?? {}), `${name} ${type}`).toHaveLength(1);
    }
  });

  test("only dev scales its endpoint down on a schedule", () => {
    expect(Object.keys(stackJson("gpu-platform-dev").resource.aws_appautoscaling_scheduled_action ?? {})).toHaveLength(2);
    expect(stackJson("gpu-platform-prod").resource.aws_appautoscaling_scheduled_action).toBeUndefined();
  });

  test("every tagged resource carries the environment's cost tags", () => {
    for (const env of ["dev", "prod"]) {
      for (const [type, byName] of Object.entries(stackJson(`gpu-platform-${env}`).resource)) {
        for (const [name, r] of Object.entries(byName)) {
          if (!r.tags) continue;
          expect(r.tags, `${env} ${type}.${name}`).toMatchObject({ team: "ml-platform", environment: env, "cost-center": "CC-4711", owner: "ml-platform@example.com" });
        }
      }
    }
  });

  test("synthesizes without error annotations (cost tags complete, no mandatory finding)", () => {
    const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8"));
    const errors = Object.values(manifest.stacks as Record<string, { annotations: { level: string; constructPath: string; message: string }[] }>)
      .flatMap((s) => s.annotations)
      .filter((a) => a.level === "@cdktf/error")
      .map((a) => `[${a.constructPath}] ${a.message}`);
    expect(errors).toEqual([]);
  });

  test("passes the default policy (advisory findings at most), in the aspect and as `costgate check` sees it", async () => {
    const [head] = await estimatePlans([loadPlan(outdir, { defaultRegion: "us-east-1" })], { usage: loadUsageFile(USAGE) });
    const verdict = evaluatePolicies(loadPolicyFiles([POLICY]), head!, {});
    expect(verdict.findings.filter((f) => f.enforcement !== "advisory").map((f) => `${f.ruleId} ${f.stack}/${f.address}: ${f.message}`)).toEqual([]);
    expect(verdict.status).not.toBe("fail");

    // The synth-time aspect priced each stack exactly as the CLI did, and found the same.
    for (const { stack, governance } of built.stacks) {
      const r = governance.lastResult!;
      const cli = head!.stacks.find((s) => s.name === stack.node.id)!;
      expect(r.estimate.stacks[0]!.monthlyCost).toBeCloseTo(cli.monthlyCost, 6);
      expect(cli.monthlyCost).toBeGreaterThan(0);
      const key = (f: { ruleId: string; address?: string }) => `${f.ruleId} ${f.address ?? ""}`;
      expect(r.verdict.findings.map(key).sort()).toEqual(verdict.findings.filter((f) => f.stack === stack.node.id).map(key).sort());
    }
  });
});
