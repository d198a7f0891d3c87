// The Markdown, SARIF and FOCUS CSV renderers behind the CLI's --format option, on the example synth output.
import { describe, expect, it } from "vitest";
import { runCliCaptured } from "../helpers/run-cli.js";

const EXAMPLE = "examples/synth-output/cdktf.out";

describe("costgate --format markdown|sarif|focus-csv", () => {
  it("estimate --format markdown renders the report with stack table and price sources", async () => {
    const { code, stdout } = await runCliCaptured(["estimate", EXAMPLE, "--format", "markdown"]);
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toBe("## 💲 costgate: cost estimate");
    expect(stdout).toContain("### Cost by stack");
    expect(stdout).toMatch(/^\| training\\-dev \| \d+ \| \\\$[\d,]+\.\d\d \|$/m);
    expect(stdout).toMatch(/<details><summary>Price sources \(\d+\)<\/summary>/);
    expect(stdout).toContain("<details><summary>Resources not fully priced");
  });

  it("diff --format markdown shows base → head", async () => {
    const { code, stdout } = await runCliCaptured(["diff", "tests/fixtures/tfplan/gpu-plan.json", EXAMPLE, "--format", "markdown"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\*\*Monthly cost:\*\* \\\$[\d,]+\.\d\d → (≥ )?\\\$[\d,]+\.\d\d \(\*\*[+-]\\\$[\d,]+\.\d\d\*\*/m);
    expect(stdout).toContain("| Stack | Base | Head | Δ |");
  });

  it("check --format sarif emits SARIF 2.1.0 with the policy findings and keeps the exit code", async () => {
    const { code, stdout } = await runCliCaptured(["check", EXAMPLE, "--policy", "policies/default.yaml", "--format", "sarif", "--today", "2026-11-23"]);
    const sarif = JSON.parse(stdout);
    expect(sarif.version).toBe("2.1.0");
    const results = sarif.runs[0].results as { ruleId: string; level: string }[];
    expect(results.length).toBeGreaterThan(0);
    expect(code).toBe(results.some((r) => r.level === "error") ? 1 : 0);
  });

  it("check --format markdown puts the verdict first", async () => {
    const { stdout } = await runCliCaptured(["check", EXAMPLE, "--policy", "policies/default.yaml", "--format", "markdown", "--today", "2026-11-23"]);
    expect(stdout.split("\n")[0]).toMatch(/^## (❌|⚠️|✅) costgate: /);
  });

  it("estimate --format focus-csv writes one CSV record per cost component", async () => {
    const { code, stdout } = await runCliCaptured(["estimate", EXAMPLE, "--format", "focus-csv"]);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\r\n");
    expect(lines[0]!.startsWith("BilledCost,EffectiveCost,ListCost,")).toBe(true);
    expect(lines.length).toBeGreaterThan(10);
  });

  it("rejects an unknown format", async () => {
    const { code, stderr } = await runCliCaptured(["estimate", EXAMPLE, "--format", "sarif"]);
    expect(code).toBe(2);
    expect(stderr).toContain("unknown --format `sarif`; expected one of table, json, markdown, focus-csv");
  });
});
