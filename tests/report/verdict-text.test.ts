import { describe, expect, it } from "vitest";
import { evaluatePolicies } from "../../src/policy/evaluate-policies.js";
import { estimatePlan } from "../../src/pricing/estimate-plans.js";
import { parsePriceBook } from "../../src/pricing/price-book/load-price-book.js";
import { renderVerdictText } from "../../src/report/verdict-text.js";
import { planFromCdktfStack } from "../../src/plan/cdktf-plan.js";

describe("check's terminal verdict", () => {
  it("shows what pricing warned about and, with a price book, effective beside list", async () => {
    // A provider without a region: pricing assumes us-east-1 and warns; the verdict must not hide that.
    const plan = planFromCdktfStack({ provider: { aws: [{}] }, resource: { aws_instance: { web: { instance_type: "g5.xlarge" } } } }, { stack: "s", file: "s.json", defaultRegion: "us-east-1" });
    const book = parsePriceBook("apiVersion: costgate.price-book/v1\nmetadata: {name: b}\nrates:\n  - {id: edp, reason: contract 42, discountPercent: 10}\n", "book.yml");
    const head = await estimatePlan(plan, { priceBook: book, today: "2026-11-30" });
    const text = renderVerdictText(evaluatePolicies([], head), { head });
    expect(text).toMatch(/\nWarnings:\n {2}- s: provider aws has no region; assumed us-east-1/);
    // 730 × 1.006 + 0.80 = 735.18 list; × 0.9 = 661.662 effective.
    expect(text).toContain("Price book book.yml (as of 2026-11-30): effective $661.66/month vs list $735.18/month (−$73.52, 10.0%)");
    expect(text).toContain("  - rule edp: 2 components (contract 42)");
  });
});

describe("diff's terminal text", () => {
  it("shows the head's price-book lines and the pricing warnings of both sides", async () => {
    const { diffEstimates } = await import("../../src/pricing/diff-estimates.js");
    const { renderDiffText } = await import("../../src/report/diff-text.js");
    const plan = (type: string) => planFromCdktfStack({ provider: { aws: [{}] }, resource: { aws_instance: { web: { instance_type: type } } } }, { stack: "s", file: "s.json", defaultRegion: "us-east-1" });
    const book = parsePriceBook("apiVersion: costgate.price-book/v1\nmetadata: {name: b}\nrates:\n  - {id: edp, reason: contract 42, discountPercent: 10}\n", "book.yml");
    const base = await estimatePlan(plan("g5.xlarge"), { priceBook: book, today: "2026-11-30" });
    const head = await estimatePlan(plan("g5.2xlarge"), { priceBook: book, today: "2026-11-30" });
    const text = renderDiffText(diffEstimates(base, head), { estimates: { head, base } });
    expect(text).toContain("Price book book.yml (as of 2026-11-30): effective");
    expect(text).toMatch(/\nWarnings:\n {2}- s: provider aws has no region; assumed us-east-1/);
    // The same warning on both sides is said once.
    expect(text.match(/no region/g)).toHaveLength(1);
  });
});
