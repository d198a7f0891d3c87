import { describe, expect, it } from "vitest";
import type { Verdict } from "../../src/policy/verdict.js";
import { runCliCaptured } from "../helpers/run-cli.js";

/** Issue 15 field cases that need the CLI (check with the default policy, diff of two lone files). */
const dir = "tests/fixtures/field-cases";
const TODAY = "2026-11-30";

async function check(file: string): Promise<{ code: number; verdict: Verdict }> {
  const r = await runCliCaptured(["check", `${dir}/${file}`, "--policy", "policies/default.yaml", "--format", "json", "--today", TODAY]);
  expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  return { code: r.code, verdict: JSON.parse(r.stdout) as Verdict };
}

describe("field cases through the CLI (issue 15)", () => {
  it("cdktf-module-ignored: a module call is not counted, and the dev budget cannot pass", async () => {
    const est = await runCliCaptured(["estimate", `${dir}/cdktf-module-ignored/cdk.tf.json`, "--format", "json"]);
    expect(est.code).toBe(0);
    const e = JSON.parse(est.stdout);
    expect(e.stacks[0].name).toBe("gpu-dev"); // from //.metadata.stackName
    expect(e.totals).toMatchObject({ resources: 1, unpriced: 1, monthlyCost: 0 });
    expect(e.stacks[0].resources[0]).toMatchObject({ address: "module.eks", type: "module", status: "unpriced" });
    expect(e.stacks[0].resources[0].notes[0]).toMatch(/module contents not priced: costgate does not expand module terraform-aws-modules\/eks\/aws 20\.8\.5/);
    expect(e.warnings.join("\n")).toMatch(/module\.eks \(terraform-aws-modules\/eks\/aws 20\.8\.5\) is a module call/);
    const { code, verdict } = await check("cdktf-module-ignored/cdk.tf.json");
    expect(code).toBe(1);
    const bud = verdict.findings.find((f) => f.ruleId === "CG-BUD-001")!;
    // gpu-dev is a dev stack: the $10,000 budget, which a module of unknown cost cannot be shown to be within.
    expect(bud.message).toMatch(/stack:gpu-dev cannot be shown to be within its \$10,000 budget/);
  });

  it("asg-default-tags: tag rules see only the ASG's own tags", async () => {
    const { code, verdict } = await check("asg-default-tags/cdk.tf.json");
    expect(code).toBe(1);
    const tag = verdict.findings.filter((f) => f.ruleId === "CG-TAG-001" && f.address === "aws_autoscaling_group.workers");
    expect(tag.length).toBeGreaterThan(0);
    const text = tag.map((f) => f.message).join("\n");
    for (const k of ["team", "project", "environment", "owner"]) expect(text).toContain(k);
    expect(text).not.toMatch(/cost-center/);
    expect(tag.every((f) => f.enforcement === "hard-mandatory")).toBe(true); // no environment tag: prod rules
  });

  it("policy-dev-stack-budget: a stack named exactly `dev` gets the $10,000 dev budget", async () => {
    const { code, verdict } = await check("policy-dev-stack-budget/dev/cdk.tf.json");
    expect(code).toBe(1);
    // p4d.24xlarge $21.957642 × 730 = $16,029.08 + 100 GB gp3 × $0.08 = $8.00 → $16,037.08; over $10,000 by $6,037.08
    const bud = verdict.findings.find((f) => f.ruleId === "CG-BUD-001")!;
    expect(bud).toMatchObject({ enforcement: "soft-mandatory" });
    expect(bud.message).toBe("stack:dev costs $16,037/month, over its $10,000 budget by $6,037");
    expect(bud.monthlyCost).toBeCloseTo(21.957642 * 730 + 100 * 0.08 - 10000, 9); // the amount over
  });

  it("diff-lone-file-stack-name: two identical lone cdk.tf.json files are one unchanged stack", async () => {
    const r = await runCliCaptured(["diff", `${dir}/diff-lone-file-stack-name/base/cdk.tf.json`, `${dir}/diff-lone-file-stack-name/pr/cdk.tf.json`, "--format", "json"]);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    // $21.957642 × 730 + 100 × $0.08 = $16,037.08 on both sides
    expect(d.stacks).toHaveLength(1);
    expect(d.stacks[0]).toMatchObject({ name: "base" });
    expect(d.stacks[0].baseMonthlyCost).toBeCloseTo(21.957642 * 730 + 100 * 0.08, 9);
    expect(d.stacks[0].headMonthlyCost).toBeCloseTo(21.957642 * 730 + 100 * 0.08, 9);
    expect(d.resources.filter((x: { change: string }) => x.change !== "unchanged")).toEqual([]);
  });
});
