import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { diffEstimates } from "../../src/pricing/diff-estimates.js";
import { renderDiffText } from "../../src/report/diff-text.js";
import { renderEstimateTable } from "../../src/report/estimate-table.js";
import { terminalWidth } from "../../src/report/terminal-width.js";
import { shortenAddress } from "../../src/report/text-width.js";
import { renderVerdictText } from "../../src/report/verdict-text.js";
import { runCliCaptured } from "../helpers/run-cli.js";
import { estimate, finding, resource, verdict } from "./markdown-fixtures.js";

// Synth-shaped: long construct-derived names with an 8-character hash, spot prices, an unpriced resource.
const LONG = "aws_sagemaker_endpoint_configuration.inference_endpoint-configuration_C7CC0976";
const TRAINER = "aws_instance.training_cluster_gpu-node-pool_primary-worker_launch_2764374F";
const base = estimate([resource({ address: TRAINER, stack: "gpu-platform-dev", instanceType: "g5.xlarge", hourly: 1.006 })]);
const head = estimate(
  [
    resource({ address: TRAINER, stack: "gpu-platform-dev", instanceType: "p5.48xlarge", hourly: 55.04, spotHourly: 20 }),
    resource({ address: LONG, stack: "gpu-platform-production-eu-west-1", instanceType: "ml.g5.2xlarge", hourly: 1.515, count: 2 }),
    resource({ address: "aws_instance.odd_experimental_cluster_node_9F00AA11", stack: "gpu-platform-dev", instanceType: "x9.huge", status: "unpriced", notes: ["no On-Demand price for x9.huge in us-east-1 in the embedded snapshot, and the AWS Price List API was not asked (pass --prices live to ask it); it is not counted in the total"] }),
    ...Array.from({ length: 12 }, (_, i) => resource({ address: `aws_iam_role.role_${i}_ABCDEF${10 + i}`, stack: "gpu-platform-dev", type: "aws_iam_role", status: "free" })),
  ],
  { warnings: ["gpu-platform-dev: provider aws.west has a region expression costgate cannot resolve; assumed us-east-1 (set --region) ".repeat(3)] },
);
const LONG_MESSAGE = Array.from({ length: 60 }, (_, i) => `word${i}`).join(" ") + " " + "x".repeat(150) + " end of the message, which is 733 characters long in the issue".padEnd(200, ".");

function widest(text: string): number {
  return Math.max(...text.split("\n").map((l) => stringWidth(l)));
}
/** The words of a text, ignoring how it was wrapped and indented. */
const words = (text: string) => text.split(/\s+/).filter(Boolean).join(" ");

describe("terminal width", () => {
  it("uses --wide (no limit), else the terminal's width, else COLUMNS, else 100; never below 40", () => {
    expect(terminalWidth({ wide: true, columns: 80 })).toBe(Infinity);
    expect(terminalWidth({ columns: 132, env: { COLUMNS: "80" } })).toBe(132);
    expect(terminalWidth({ env: { COLUMNS: "80" } })).toBe(80);
    expect(terminalWidth({ env: { COLUMNS: "junk" } })).toBe(100);
    expect(terminalWidth({})).toBe(100);
    expect(terminalWidth({ columns: 20 })).toBe(40);
  });

  it("shortens addresses in the middle, keeping stack, type and construct hash", () => {
    const s = shortenAddress(`gpu-platform-production-eu-west-1/${LONG}`, 48);
    expect(stringWidth(s)).toBeLessThanOrEqual(48);
    expect(s).toMatch(/^gpu-plat…u-west-1\/aws_sag/);
    expect(s).toContain("/aws_sag");
    expect(s.endsWith("_C7CC0976")).toBe(true);
    expect(shortenAddress("aws_instance.x", 48)).toBe("aws_instance.x");
  });

  for (const width of [80, 120]) {
    it(`estimate table at ${width} columns: no line longer, one line per resource row, sources under their rows`, () => {
      const wide = renderEstimateTable(head);
      expect(widest(wide)).toBeGreaterThan(120);
      const out = renderEstimateTable(head, { width });
      expect(widest(out)).toBeLessThanOrEqual(width);
      const lines = out.split("\n");
      // Each resource has its own row with its cost at the right edge, its address cut in the middle.
      const row = lines.find((l) => l.includes("C7CC0976"))!;
      expect(row).toMatch(/^ {2}aws_sage.*C7CC0976\s+\$2,211\.90$/);
      const trainer = lines.find((l) => l.includes("2764374F"))!;
      expect(trainer).toMatch(/\$14,600\.00$/);
      // The price source (with the spot worst case) is kept, under the component when it does not fit beside it.
      expect(out).toContain("snapshot 2026-07-20; on-demand $40,179.20");
      // Messages wrap at word boundaries: nothing is lost.
      expect(words(out)).toContain(words(head.warnings[0]!));
      expect(words(out)).toContain("it is not counted in the total");
    });

    it(`diff text at ${width} columns: no line longer; free resources added at $0 counted in one line`, () => {
      const out = renderDiffText(diffEstimates(base, head), { width });
      expect(widest(out)).toBeLessThanOrEqual(width);
      expect(out).not.toContain("role_3");
      expect(words(out)).toContain("12 free resources added at $0.00: aws_iam_role ×12 (not listed; --wide lists them)");
      expect(out).toMatch(/\/aws_instance\.\S*2764374F\s+changed\s+.*\+\$13,865\.62/);
    });

    it(`check text at ${width} columns: long messages wrap under their finding, no line longer`, () => {
      const v = verdict([
        finding({ ruleId: "CG-GPU-001", enforcement: "hard-mandatory", stack: "gpu-platform-production-eu-west-1", address: LONG, message: LONG_MESSAGE }),
        finding({ ruleId: "CG-TAG-001", enforcement: "advisory", severity: "low", stack: "gpu-platform-dev", address: TRAINER, message: "missing tag team" }),
      ]);
      const out = renderVerdictText(v, { head, base }, { width });
      expect(widest(out)).toBeLessThanOrEqual(width);
      // Nothing is lost: only whitespace differs (a word longer than the line is broken).
      expect(out.replace(/\s+/g, "")).toContain(LONG_MESSAGE.replace(/\s+/g, ""));
      const first = out.split("\n").findIndex((l) => l.startsWith("  CG-GPU-001 [high] "));
      expect(first).toBeGreaterThan(0);
      // Continuation lines are indented under the finding.
      expect(out.split("\n")[first + 1]).toMatch(/^ {6}\S/);
    });
  }

  it("--wide: everything, however wide (full addresses and free resources listed)", () => {
    const out = renderDiffText(diffEstimates(base, head), { wide: true });
    expect(out).toContain(`gpu-platform-production-eu-west-1/${LONG}`);
    expect(out).toContain("gpu-platform-dev/aws_iam_role.role_3_ABCDEF13");
  });

  it("the CLI fits COLUMNS, and --wide lifts the limit", async () => {
    const narrow = await runCliCaptured(["estimate", "examples/synth-output/cdktf.out"], { COLUMNS: "80" });
    expect(narrow.code).toBe(0);
    expect(widest(narrow.stdout)).toBeLessThanOrEqual(80);
    const at120 = await runCliCaptured(["estimate", "examples/synth-output/cdktf.out"], { COLUMNS: "120" });
    expect(widest(at120.stdout)).toBeLessThanOrEqual(120);
    const wide = await runCliCaptured(["estimate", "examples/synth-output/cdktf.out", "--wide"], { COLUMNS: "80" });
    expect(widest(wide.stdout)).toBeGreaterThan(120);
  });
});
