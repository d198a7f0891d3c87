import { describe, expect, it } from "vitest";
import { levelOf, renderSarif } from "../../src/report/sarif.js";
import { estimate, finding, resource, verdict } from "./markdown-fixtures.js";

const head = estimate([resource({ address: "aws_instance.trainer", stack: "ml-train", hourly: 55.04 })], { input: "cdktf.out" });

describe("renderSarif", () => {
  const v = verdict(
    [
      finding({ ruleId: "CG-GPU-001", enforcement: "hard-mandatory", address: "aws_instance.trainer", stack: "ml-train", message: "p5 denied" }),
      finding({ ruleId: "CG-TAG-001", enforcement: "advisory", severity: "low", address: "aws_instance.trainer", stack: "ml-train", message: "tag\nmissing\u202E" }),
      finding({ ruleId: "CG-BUD-001", enforcement: "advisory", severity: "medium", message: "near budget" }),
    ],
    [
      finding({
        ruleId: "CG-BUD-002",
        enforcement: "soft-mandatory",
        stack: "ml-train",
        override: { ruleId: "*", approvedBy: "alice", reason: "load test", via: "label:cost-override" },
      }),
    ],
  );
  const log = renderSarif(v, head, { version: "0.1.0" });
  const run = log.runs[0]!;

  it("is a SARIF 2.1.0 log with one rule per rule id, referenced by index", () => {
    expect(log.version).toBe("2.1.0");
    expect(run.tool.driver.name).toBe("costgate");
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(["CG-BUD-001", "CG-BUD-002", "CG-GPU-001", "CG-TAG-001"]);
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
  });

  it("maps enforcement and severity to levels: mandatory → error, advisory → warning or note", () => {
    expect(run.results.map((r) => [r.ruleId, r.level])).toEqual([
      ["CG-GPU-001", "error"],
      ["CG-TAG-001", "note"],
      ["CG-BUD-001", "warning"],
      ["CG-BUD-002", "error"],
    ]);
    expect(levelOf(finding({ ruleId: "x", enforcement: "soft-mandatory", severity: "info" }))).toBe("error");
  });

  it("keeps waived findings as suppressed results with the override reason", () => {
    const waived = run.results.find((r) => r.ruleId === "CG-BUD-002")!;
    expect(waived.suppressions).toEqual([{ kind: "external", status: "accepted", justification: "overridden by alice via label:cost-override: load test" }]);
    expect(run.results.filter((r) => r.suppressions)).toHaveLength(1);
  });

  it("locates each result in a repository file, with the resource as a logical location", () => {
    const gpu = run.results[0]!;
    expect(gpu.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: "cdktf.out/stacks/ml-train/cdk.tf.json", uriBaseId: "%SRCROOT%" });
    expect(gpu.locations[0]!.logicalLocations).toEqual([{ fullyQualifiedName: "ml-train/aws_instance.trainer", kind: "resource" }]);
    // A plan-wide finding falls back to the policy file.
    expect(run.results[2]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe("policies/budget.yaml");
    const custom = renderSarif(v, head, { artifactFor: () => "infra\\my dir/plan.json" });
    expect(custom.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe("infra/my%20dir/plan.json");
  });

  it("writes messages as one line of plain text", () => {
    expect(run.results[1]!.message.text).toBe("ml-train/aws_instance.trainer: tag missing");
  });

  it("fingerprints findings stably by rule and resource", () => {
    const again = renderSarif(v, head).runs[0]!.results.map((r) => r.partialFingerprints["costgateFinding/v1"]);
    expect(again).toEqual(run.results.map((r) => r.partialFingerprints["costgateFinding/v1"]));
    expect(new Set(again).size).toBe(again.length);
  });

  it("records the verdict and total in run properties and survives a JSON round trip", () => {
    expect(run.properties).toMatchObject({ verdict: "fail", monthlyCost: 55.04 * 730, currency: "USD" });
    expect(JSON.parse(JSON.stringify(log))).toEqual(log);
  });
});
