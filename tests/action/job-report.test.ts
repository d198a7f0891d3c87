import { describe, expect, it } from "vitest";
import { annotateFindings } from "../../src/action/job-report.js";
import { failureMessage } from "../../src/action/run.js";
import { finding, verdict } from "../report/markdown-fixtures.js";

function recorder() {
  const calls: { level: string; message: string; title?: string }[] = [];
  const at = (level: string) => (message: string | Error, props?: { title?: string }) => void calls.push({ level, message: String(message), ...(props?.title ? { title: props.title } : {}) });
  return { calls, sink: { error: at("error"), warning: at("warning"), notice: at("notice") } };
}

describe("annotateFindings", () => {
  it("annotates mandatory findings as errors and advisory ones as warnings, capped at 10 each, then one notice", () => {
    const findings = [
      ...Array.from({ length: 14 }, (_, i) => finding({ ruleId: `CG-H-${i}`, enforcement: i % 2 ? "hard-mandatory" : "soft-mandatory", stack: "s", address: `aws_instance.x${i}` })),
      ...Array.from({ length: 3 }, (_, i) => finding({ ruleId: `CG-A-${i}`, enforcement: "advisory", message: "line1\nline2" })),
    ];
    const { calls, sink } = recorder();
    const counts = annotateFindings(verdict(findings), sink);
    expect(counts).toEqual({ errors: 10, warnings: 3, notAnnotated: 4 });
    expect(calls.filter((c) => c.level === "error")).toHaveLength(10);
    expect(calls[0]).toEqual({ level: "error", message: "s/aws_instance.x0: CG-H-0 violated", title: "costgate soft-mandatory: CG-H-0" });
    expect(calls.find((c) => c.level === "warning")!.message).toBe("plan: line1 line2");
    expect(calls.at(-1)).toMatchObject({ level: "notice", message: expect.stringContaining("4 more costgate findings not annotated") });
  });
});

describe("failureMessage", () => {
  const soft = verdict([finding({ ruleId: "CG-1", enforcement: "soft-mandatory" })]);
  const adv = verdict([finding({ ruleId: "CG-2", enforcement: "advisory" })]);
  it("fails on remaining mandatory findings unless fail-on is never", () => {
    expect(failureMessage({ failOn: "mandatory" }, soft)).toMatch(/1 mandatory policy finding block/);
    expect(failureMessage({ failOn: "never" }, soft)).toBeUndefined();
    expect(failureMessage({ failOn: "mandatory" }, adv)).toBeUndefined();
    expect(failureMessage({ failOn: "any" }, adv)).toMatch(/1 advisory finding/);
    expect(failureMessage({ failOn: "any" }, undefined)).toBeUndefined();
  });
});
