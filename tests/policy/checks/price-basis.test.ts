import { describe, expect, it } from "vitest";
import { runGate } from "../../../src/gate.js";
import { parsePolicy } from "../../../src/policy/load-policy.js";
import { composePolicies } from "../../../src/policy/compose-policies.js";
import { parsePriceBook } from "../../../src/pricing/price-book/load-price-book.js";
import { stackPlan } from "../../helpers/stack-plan.js";

// Snapshot us-east-1: p5.48xlarge $55.04/h. Two p5: 2 × 730 × 55.04 = 80,358.40 list + 2 root volumes 1.60;
// with a 10% EDP: 72,322.56 + 1.44 = 72,324.00. Four p5: 160,720.00 list; 144,648.00 effective.
const book = parsePriceBook("apiVersion: costgate.price-book/v1\nmetadata:\n  name: acme\nrates:\n  - id: edp\n    reason: EDP 2026\n    discountPercent: 10\n", "prices.yml");
const plan = (n: number) => stackPlan({ aws_instance: { gpu: { instance_type: "p5.48xlarge", count: n } } });
const policy = (check: string) =>
  parsePolicy(`apiVersion: costgate.policy/v1\nmetadata:\n  name: p\nrules:\n  - id: R-1\n    description: test rule\n    severity: high\n    enforcement: hard-mandatory\n    check: ${check}\n`, "p.yml");

describe("budget and cost-delta: basis list | effective", () => {
  it("a budget judges effective cost by default when a price book is given, list when asked", async () => {
    const eff = await runGate({ head: plan(4), policies: [policy("{kind: budget, limit: 150000}")], priceBook: book, evaluation: { today: "2026-11-30" } });
    expect(eff.head.totals.monthlyCost).toBeCloseTo(144648, 6);
    expect(eff.verdict!.status).toBe("pass");
    const list = await runGate({ head: plan(4), policies: [policy("{kind: budget, limit: 150000, basis: list}")], priceBook: book, evaluation: { today: "2026-11-30" } });
    expect(list.verdict!.status).toBe("fail");
    expect(list.verdict!.findings[0]!.message).toBe("total costs $160,720/month at list prices, over its $150,000 budget by $10,720");
  });

  it("a cost delta judges the effective change by default, the list change when asked", async () => {
    // Effective +72,324.00; list +80,360.00.
    const cap = (basis: string) => policy(`{kind: cost-delta, maxIncrease: {absolute: 75000}${basis}}`);
    const eff = await runGate({ head: plan(4), base: plan(2), policies: [cap("")], priceBook: book, evaluation: { today: "2026-11-30" } });
    expect(eff.verdict!.status).toBe("pass");
    const list = await runGate({ head: plan(4), base: plan(2), policies: [cap(", basis: list")], priceBook: book, evaluation: { today: "2026-11-30" } });
    expect(list.verdict!.findings[0]!.message).toBe("total changes by +$80,360/month at list prices (+100.0%), $80,360 → $160,720; cap +$75,000");
  });

  it("without a price book, list and effective are the same figures", async () => {
    for (const basis of ["", ", basis: list"]) {
      const v = await runGate({ head: plan(4), policies: [policy(`{kind: budget, limit: 150000${basis}}`)] });
      expect(v.verdict!.findings.map((f) => f.message)).toEqual(["total costs $160,720/month, over its $150,000 budget by $10,720"]);
    }
  });

  it("a project policy may not move a budget from list to effective (that loosens it)", () => {
    const central = policy("{kind: budget, limit: 1000, basis: list}");
    const project = parsePolicy(
      "apiVersion: costgate.policy/v1\nmetadata:\n  name: team\n  layer: project\nrules:\n  - id: R-1\n    description: test rule\n    severity: high\n    enforcement: hard-mandatory\n    check: {kind: budget, limit: 1000, basis: effective}\n",
      "team.yml",
    );
    const composed = composePolicies([central, project]);
    expect(composed.compositionNotes.join("\n")).toContain("weakens basis from list to effective");
  });
});
