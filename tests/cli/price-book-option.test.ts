import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCliCaptured } from "../helpers/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "costgate-pricebook-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const PLAN = file("cdk.tf.json", JSON.stringify({ provider: { aws: [{ region: "us-east-1" }] }, resource: { aws_instance: { gpu: { instance_type: "p5.48xlarge", count: 2 } } } }));
const BOOK = "apiVersion: costgate.price-book/v1\nmetadata:\n  name: acme\nrates:\n  - id: edp\n    reason: EDP 2026\n    discountPercent: 10\n    until: 2027-01-01\n";

describe("--price-book", () => {
  it("estimate: JSON carries list and effective", async () => {
    const r = await runCliCaptured(["estimate", PLAN, "--price-book", file("ok.yaml", BOOK), "--format", "json"]);
    expect(r.code).toBe(0);
    const e = JSON.parse(r.stdout) as { totals: { monthlyCost: number; list: { monthlyCost: number } } };
    // 2 × 730 × 55.04 = 80,358.40 + 1.60 root = 80,360.00 list; 90% = 72,324.00.
    expect(e.totals.list.monthlyCost).toBeCloseTo(80360, 6);
    expect(e.totals.monthlyCost).toBeCloseTo(72324, 6);
  });

  it("check: --today judges validity (an expired EDP no longer applies)", async () => {
    const policy = file("p.yaml", "apiVersion: costgate.policy/v1\nmetadata:\n  name: p\nrules:\n  - id: CG-BUD-1\n    description: budget\n    severity: high\n    enforcement: hard-mandatory\n    check: {kind: budget, limit: 75000}\n");
    const before = await runCliCaptured(["check", PLAN, "--policy", policy, "--price-book", join(dir, "ok.yaml"), "--today", "2026-12-31"]);
    expect(before.code).toBe(0);
    const after = await runCliCaptured(["check", PLAN, "--policy", policy, "--price-book", join(dir, "ok.yaml"), "--today", "2027-01-01"]);
    expect(after.code).toBe(1);
    expect(after.stdout).toContain("total costs $80,360/month, over its $75,000 budget");
  });

  it("a bad price book is one positioned error, exit 2", async () => {
    const r = await runCliCaptured(["estimate", PLAN, "--price-book", file("bad.yaml", BOOK.replace("discountPercent: 10", "discountPercent: 100"))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("bad.yaml:5:5: `edp` makes a price zero");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
