import { describe, expect, it } from "vitest";
import { estimatePlan } from "../../src/pricing/estimate-plans.js";
import { parsePriceBook } from "../../src/pricing/price-book/load-price-book.js";
import { renderEstimateTable } from "../../src/report/estimate-table.js";
import { FOCUS_COLUMNS, renderFocusCsv } from "../../src/report/focus-csv.js";
import { estimateToJson } from "../../src/report/estimate-json.js";
import { renderMarkdownReport } from "../../src/report/markdown.js";
import { priceBookLines } from "../../src/report/price-book-lines.js";
import { stackPlan } from "../helpers/stack-plan.js";

// Four p5.48xlarge in us-east-1 (list $55.04/h), a 10% EDP, and a Savings Plan of $62.92/h at $31.46/h: it covers
// 2 of the 4 instances (1,460 h). Hand-computed:
//   covered   1,460 h: list 80,358.40, contracted (EDP) 72,322.56, effective 1,460 × 31.46 = 45,931.60, billed 0
//   uncovered 1,460 h: list 80,358.40, contracted 72,322.56, effective 72,322.56, billed 72,322.56
//   SP purchase: billed 45,931.60, effective 0; SP unused: 0.
const BOOK = `apiVersion: costgate.price-book/v1
metadata:
  name: acme
rates:
  - id: edp
    reason: EDP 2026
    discountPercent: 10
commitments:
  - id: p5-sp
    kind: savings-plan
    reason: Compute SP 2026-01
    match: { instanceType: p5.48xlarge }
    commitmentUsdPerHour: 62.92
    usdPerHour: 31.46
`;

async function priced() {
  return estimatePlan(stackPlan({ aws_instance: { gpu: { instance_type: "p5.48xlarge", count: 4 } } }), { priceBook: parsePriceBook(BOOK, "prices.yml"), today: "2026-11-30" });
}

/** Records of RFC 4180 CSV (quoted fields with commas and doubled quotes), by header. */
function parseCsv(text: string): Record<string, string>[] {
  const lines = text.trim().split("\r\n").map((l) => [...l.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1]!.replace(/^"|"$/g, "").replace(/""/g, '"')));
  const [head, ...rows] = lines;
  return rows.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i]!])));
}

describe("reports with a price book", () => {
  it("FOCUS CSV: ListCost vs ContractedCost vs EffectiveCost, covered usage split out, the commitment's own rows", async () => {
    const csv = renderFocusCsv(await priced(), { now: new Date("2026-11-23T00:00:00Z") });
    expect(csv.split("\r\n")[0]).toBe(FOCUS_COLUMNS.join(","));
    const rows = parseCsv(csv);
    const gpu = rows.filter((r) => r.x_IacAddress === "aws_instance.gpu" && r.ChargeDescription!.startsWith("Instance usage"));
    expect(gpu.map((r) => [r.PricingQuantity, r.ListCost, r.ContractedCost, r.EffectiveCost, r.BilledCost, r.CommitmentDiscountId, r.CommitmentDiscountStatus, r.PricingCategory])).toEqual([
      ["1460", "80358.4", "72322.56", "45931.6", "0", "p5-sp", "Used", "Committed"],
      ["1460", "80358.4", "72322.56", "72322.56", "72322.56", "", "", "Standard"],
    ]);
    expect(gpu[1]!.x_PriceBookRule).toBe("edp");
    expect(gpu[0]!.ContractedUnitPrice).toBe("49.536");
    expect(gpu[0]!.ListUnitPrice).toBe("55.04");
    const sp = rows.filter((r) => r.CommitmentDiscountId === "p5-sp" && r.x_IacAddress === "");
    expect(sp.map((r) => [r.ChargeCategory, r.BilledCost, r.EffectiveCost, r.CommitmentDiscountStatus, r.CommitmentDiscountType])).toEqual([
      ["Purchase", "45931.6", "0", "", "Savings Plan"],
      ["Usage", "0", "0", "Unused", "Savings Plan"],
    ]);
    // Billed and effective each sum to the same month: 72,322.56 + 45,931.60 + root volumes (4 × 0.80 × 0.9 = 2.88).
    const sum = (col: string) => rows.reduce((a, r) => a + Number(r[col] || 0), 0);
    expect(sum("BilledCost")).toBeCloseTo(118257.04, 6);
    expect(sum("EffectiveCost")).toBeCloseTo(118257.04, 6);
  });

  it("JSON keeps list beside effective and names the rule and the commitment", async () => {
    const json = estimateToJson(await priced()) as { totals: { monthlyCost: number; list: { monthlyCost: number } }; priceBook: { commitments: { id: string }[] }; stacks: { resources: { components: { priceBookRule?: { id: string }; commitments?: unknown[] }[] }[] }[] };
    // List 160,716.80 + 3.20; effective 118,254.16 + 2.88.
    expect(json.totals.list.monthlyCost).toBeCloseTo(160720, 6);
    expect(json.totals.monthlyCost).toBeCloseTo(118257.04, 6);
    expect(json.priceBook.commitments.map((k) => k.id)).toEqual(["p5-sp"]);
    expect(json.stacks[0]!.resources[0]!.components[0]!.priceBookRule!.id).toBe("edp");
    expect(json.stacks[0]!.resources[0]!.components[0]!.commitments).toHaveLength(1);
  });

  it("the table shows List/mo and Effective/mo columns and the price-book summary", async () => {
    const text = renderEstimateTable(await priced());
    expect(text).toMatch(/List\/mo\s+Effective\/mo/);
    expect(text).toContain("price book: edp −10%; p5-sp covers 1,460 hours at $31.46");
    expect(text).toContain("Price book prices.yml (as of 2026-11-30): effective $118,257.04/month vs list $160,720.00/month");
    expect(text).toContain("Savings Plan p5-sp: $45,931.60/month committed, $45,931.60 used, $0.00 unused");
  });

  it("the PR comment shows list and effective side by side, the rules, and the unused commitment line", async () => {
    const md = renderMarkdownReport({ estimate: await priced() });
    expect(md).toContain("**Monthly cost:** \\$118,257.04 (effective; list \\$160,720.00)");
    expect(md).toContain("### Your prices (price book <code>prices\\.yml</code>, as of 2026-11-30)");
    expect(md).toContain("| <code>aws\\_instance\\.gpu</code> | \\$160,720.00 | \\$118,257.04 | edp −10%; p5\\-sp covers 1,460 hours |");
    expect(md).toContain("| _unused Savings Plan_ <code>p5\\-sp</code> | | \\$0.00 | Compute SP 2026\\-01 |");
  });
});

describe("price-book summary with unknowns", () => {
  it("a list or effective total that is not fully known is a lower bound, and no saving is stated", async () => {
    const book = parsePriceBook(
      "apiVersion: costgate.price-book/v1\nmetadata: {name: b}\nrates:\n  - id: p5e\n    reason: p5e agreement\n    match: { instanceType: p5e.48xlarge }\n    usdPerUnit: 40\n    unit: hours\n  - id: typo\n    reason: deal\n    match: { instanceType: g5.xlarg }\n    discountPercent: 5\n",
      "b.yml",
    );
    // p5e.48xlarge has no public list price: the fixed rate prices it (730 × 40 = 29,200) but its list stays unknown.
    // Effective 29,200 + two 8 GB root volumes 2 × 0.80 + g5.xlarge 734.38 = 29,935.98; list ≥ 734.38 + 1.60 = 735.98.
    const e = await estimatePlan(stackPlan({ aws_instance: { big: { instance_type: "p5e.48xlarge" }, web: { instance_type: "g5.xlarge" } } }), { priceBook: book, today: "2026-11-30" });
    const lines = priceBookLines(e);
    expect(lines[0]).toMatch(/^Price book b\.yml \(as of 2026-11-30\): effective \$29,935\.98\/month vs list ≥ \$735\.98\/month \(saving not known: 1 resource without a known list price\)$/);
    expect(lines).toContain("rule typo matched no price in this estimate (check its match and unit)");
    const md = renderMarkdownReport({ estimate: e });
    expect(md).toContain("vs list ≥ \\$735.98/month (saving not known");
  });
});

