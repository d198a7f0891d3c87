import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeActionReport, ACTION_REPORT_SCHEMA_VERSION } from "../../src/action/report-file.js";
import { runGate } from "../../src/gate.js";
import { loadPlan } from "../../src/plan/load-plan.js";
import { loadPolicyFiles } from "../../src/policy/load-policy.js";
import { estimateToJson } from "../../src/report/estimate-json.js";

describe("writeActionReport: the Action's JSON report, streamed", () => {
  it("writes the bytes the one-piece report had (estimates without attributes, diff rows without embedded estimates)", async () => {
    const head = loadPlan("examples/synth-output/cdktf.out");
    const base = loadPlan("tests/fixtures/policies/plans/base/ml-dev.tf.json");
    const out = await runGate({ head, base, policies: loadPolicyFiles(["policies/default.yaml"]), evaluation: { today: "2026-11-30" } });
    const input = {
      head: out.head,
      base: out.base!,
      diff: out.diff!,
      verdict: out.verdict!,
      overrides: [],
      pullRequest: { number: 7, headSha: "a".repeat(40), baseSha: "b".repeat(40) },
      policySource: "base" as const,
      notices: ["a notice"],
    };
    // The report as it was built before streaming: copies of everything, JSON.stringify in one piece.
    const expected = {
      schemaVersion: ACTION_REPORT_SCHEMA_VERSION,
      pullRequest: input.pullRequest,
      totals: { headMonthlyCost: out.head.totals.monthlyCost, baseMonthlyCost: out.diff!.totals.baseMonthlyCost, delta: out.diff!.totals.delta, deltaPct: out.diff!.totals.deltaPct },
      verdict: out.verdict,
      overrides: [],
      policySource: "base",
      notices: ["a notice"],
      diff: { schemaVersion: out.diff!.schemaVersion, totals: out.diff!.totals, stacks: out.diff!.stacks, resources: out.diff!.resources.map(({ base: _b, head: _h, ...rest }) => rest) },
      head: estimateToJson(out.head),
      base: estimateToJson(out.base!),
    };
    const dir = mkdtempSync(join(tmpdir(), "costgate-report-file-"));
    try {
      const path = join(dir, "nested", "report.json");
      writeActionReport(path, input);
      const text = readFileSync(path, "utf8");
      expect(text).toBe(JSON.stringify(expected, null, 2) + "\n");
      expect(text).not.toContain('"attributes"');
      expect(out.diff!.resources.length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
