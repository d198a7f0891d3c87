import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCliCaptured } from "../helpers/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "costgate-today-"));
const plan = join(dir, "cdk.tf.json");
writeFileSync(plan, JSON.stringify({ provider: { aws: [{ region: "us-east-1" }] }, resource: { aws_eks_cluster: { c: { name: "c", role_arn: "arn", version: "1.34", vpc_config: { subnet_ids: ["s"] } } } } }));

describe("--today on every pricing command", () => {
  it("estimate and diff price as of the date: EKS 1.34 is standard on 2026-12-01, extended from 2026-12-02", async () => {
    const on = async (day: string) => JSON.parse((await runCliCaptured(["estimate", plan, "--format", "json", "--today", day])).stdout).totals.monthlyCost;
    expect(await on("2026-12-01")).toBeCloseTo(73, 9); // 0.10 × 730
    expect(await on("2026-12-02")).toBeCloseTo(438, 9); // 0.60 × 730
    const diff = await runCliCaptured(["diff", plan, plan, "--format", "json", "--today", "2026-12-02"]);
    expect(JSON.parse(diff.stdout).totals.headMonthlyCost).toBeCloseTo(438, 9);
  });

  it.each(["estimate", "diff", "check"])("%s refuses a date that is not on the calendar (exit 2, one line)", async (command) => {
    const args = command === "diff" ? [plan, plan] : command === "check" ? [plan, "--policy", "policies/default.yaml"] : [plan];
    const r = await runCliCaptured([command, ...args, "--today", "2026-02-30"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`costgate ${command}: error: bad --today \`2026-02-30\`; expected a calendar date YYYY-MM-DD`);
  });
});
