import { describe, expect, it } from "vitest";
import { diffEstimates } from "../../src/pricing/diff-estimates.js";
import { hasPricedChanges, markdownReportSections, renderMarkdownReport } from "../../src/report/markdown.js";
import { mermaidLabel, mermaidPie } from "../../src/report/mermaid-chart.js";
import { estimate, finding, resource, tableCells, verdict } from "./markdown-fixtures.js";

const base = estimate([
  resource({ address: "aws_instance.trainer", stack: "ml-train", instanceType: "g5.xlarge", hourly: 1.006 }),
  resource({ address: "aws_instance.web", stack: "ml-serve", instanceType: "m5.large", hourly: 0.096 }),
]);
const head = estimate([
  resource({ address: "aws_instance.trainer", stack: "ml-train", instanceType: "p5.48xlarge", hourly: 55.04, spotHourly: 20 }),
  resource({ address: "aws_instance.web", stack: "ml-serve", instanceType: "m5.large", hourly: 0.096 }),
  resource({ address: "aws_iam_role.r", stack: "ml-serve", type: "aws_iam_role", status: "free" }),
  resource({ address: "aws_foo.bar", stack: "ml-serve", type: "aws_foo", status: "unsupported" }),
  resource({ address: "aws_instance.odd", stack: "ml-serve", instanceType: "x9.huge", status: "unpriced" }),
]);
const diff = diffEstimates(base, head);

/** The lines of the first table after a heading that contains `title`. */
function tableAfter(md: string, title: string): string[] {
  const lines = md.split("\n");
  const start = lines.findIndex((l) => l.includes(title));
  expect(start, `heading ${title}`).toBeGreaterThanOrEqual(0);
  const first = lines.findIndex((l, i) => i > start && l.startsWith("|"));
  const out: string[] = [];
  for (let i = first; i < lines.length && lines[i]!.startsWith("|"); i++) out.push(lines[i]!);
  return out;
}

describe("renderMarkdownReport", () => {
  it("puts the marker first and the verdict right after it", () => {
    const v = verdict([finding({ ruleId: "CG-BUD-001", enforcement: "soft-mandatory", address: "aws_instance.trainer", stack: "ml-train" })]);
    const md = renderMarkdownReport({ estimate: head, diff, verdict: v, marker: "<!-- costgate-comment id=default -->" });
    const lines = md.split("\n");
    expect(lines[0]).toBe("<!-- costgate-comment id=default -->");
    expect(lines[1]).toBe("## ❌ costgate: blocked by 1 mandatory finding");
  });

  it("shows base → head totals with the delta, and the on-demand worst case for spot", () => {
    const md = renderMarkdownReport({ estimate: head, diff });
    // base: (1.006 + 0.096) × 730 = 804.46; head: 20 × 730 + 0.096 × 730 = 14,670.08
    // The head has an unpriced and an unsupported resource: its total is a lower bound, and so is the change.
    expect(md).toContain(
      "**Monthly cost:** \\$804.46 → ≥ \\$14,670.08 (**+\\$13,865.62**, +1723.6%; 2 changed resources not fully priced, so the real change is unknown) — a lower bound: 2 resources not fully priced",
    );
    expect(md).toContain("(\\$40,249.28 at on-demand prices if spot capacity is unavailable)");
  });

  it("renders a cost-by-stack table with base, head and delta per stack and a total row", () => {
    const rows = tableAfter(renderMarkdownReport({ estimate: head, diff }), "### Cost by stack");
    expect(rows[0]).toBe("| Stack | Base | Head | Δ |");
    const cells = rows.slice(2).map((r) => tableCells(r).map((c) => c.trim()));
    expect(cells).toEqual([
      ["ml\\-train", "\\$734.38", "\\$14,600.00", "+\\$13,865.62"],
      ["ml\\-serve", "\\$70.08", "\\$70.08", "\\$0.00"],
      ["**Total**", "**\\$804.46**", "**\\$14,670.08**", "**+\\$13,865.62**"],
    ]);
  });

  it("lists the top changed resources in one 4-column table, largest delta first, with their pricing status", () => {
    const md = renderMarkdownReport({ estimate: head, diff, topResources: 2 });
    const rows = tableAfter(md, "### Changed resources (3)");
    expect(rows[0]).toBe("| Resource | Change | Head /month | Δ /month |");
    const cells = rows.slice(2).map((r) => tableCells(r).map((c) => c.trim()));
    expect(cells[0]).toEqual(["<code>ml\\-train/aws\\_instance\\.trainer</code>", "changed", "\\$14,600.00", "+\\$13,865.62"]);
    expect(cells[1]![1]).toMatch(/^added \((unsupported|unpriced)\)$/);
    expect(cells).toHaveLength(2);
    // The free IAM role added at $0 is counted, not listed; so are the unchanged resources.
    expect(md).toContain("_1 more changed resource not listed; 1 free resource added at \\$0\\.00: aws\\_iam\\_role; 1 unchanged._");
  });

  it("groups findings by enforcement, blocking ones first, and counts them", () => {
    const v = verdict([
      finding({ ruleId: "CG-ADV-001", enforcement: "advisory", message: "consider spot" }),
      finding({ ruleId: "CG-TAG-001", enforcement: "soft-mandatory", address: "aws_instance.web", stack: "ml-serve", message: "missing tag team" }),
      finding({ ruleId: "CG-GPU-001", enforcement: "hard-mandatory", address: "aws_instance.trainer", stack: "ml-train", message: "p5 denied", monthlyCost: 14600 }),
    ]);
    const md = renderMarkdownReport({ estimate: head, diff, verdict: v });
    const hard = md.indexOf("### Hard-mandatory findings (block the PR; cannot be overridden) (1)");
    const soft = md.indexOf("### Soft-mandatory findings (block the PR unless overridden) (1)");
    const adv = md.indexOf("### Advisory findings (1)");
    expect(hard).toBeGreaterThan(0);
    expect(soft).toBeGreaterThan(hard);
    expect(adv).toBeGreaterThan(soft);
    expect(md).toContain("- **CG\\-GPU\\-001** · high · <code>ml\\-train/aws\\_instance\\.trainer</code>: p5 denied\n");
    expect(md.split("\n")[0]).toBe("## ❌ costgate: blocked by 2 mandatory findings");
  });

  it("writes overrides and their reason under the verdict, and waived findings in a details block", () => {
    const override = { ruleId: "*", approvedBy: "alice", reason: "launch week load test", via: "label:cost-override" };
    const v = verdict([], [finding({ ruleId: "CG-BUD-001", enforcement: "soft-mandatory", stack: "ml-train", override })]);
    const md = renderMarkdownReport({ estimate: head, diff, verdict: v });
    expect(md.split("\n")[0]).toBe("## ✅ costgate: passed (1 waived)");
    expect(md).toContain("> **Override:** 1 soft-mandatory finding overridden by alice via label:cost\\-override. Reason: launch week load test");
    expect(md).toContain("<details><summary>Waived findings (1)</summary>");
    expect(md).toContain("- **CG\\-BUD\\-001** · soft\\-mandatory · stack ml\\-train · override by alice (label:cost\\-override): launch week load test\n");
  });

  it("counts unpriced and unsupported resources and lists why, never as $0", () => {
    const md = renderMarkdownReport({ estimate: head, diff });
    expect(md).toContain("**Coverage:** 5 resources — 2 priced, 1 unpriced, 1 free, 1 unsupported.");
    expect(md).toContain("<details><summary>Resources not fully priced (2)</summary>");
    const section = md.slice(md.indexOf("Resources not fully priced"));
    const list = section.slice(0, section.indexOf("</details>")).split("\n").filter((l) => l.startsWith("- "));
    expect(list.map((l) => / · (\w+)/.exec(l)![1])).toEqual(["unsupported", "unpriced"]);
  });

  it("names every price source with its date", () => {
    const md = renderMarkdownReport({ estimate: head, diff });
    expect(md).toContain("- snapshot 2026\\-07\\-20: aws/karpenter\\-provider\\-aws generated On\\-Demand table \\(confidence: high\\)");
  });

  it("draws a mermaid pie of cost by stack when several stacks cost money (no base)", () => {
    const md = renderMarkdownReport({ estimate: head });
    expect(md).toContain("<details><summary>Chart: monthly cost by stack</summary>");
    expect(md).toContain('```mermaid\npie showData title Monthly cost by stack (USD)\n    "ml-train" : 14600.00\n    "ml-serve" : 70.08\n```');
  });

  it("on a diff, charts the change (not the head's cost): bars of the delta, by resource when one stack changed", () => {
    const md = renderMarkdownReport({ estimate: head, diff });
    expect(md).not.toContain("pie showData");
    expect(md).toContain(
      '```mermaid\nxychart-beta\n    title "Monthly cost change by resource (USD)"\n    x-axis ["aws_instance.trainer"]\n    y-axis "USD per month"\n    bar [13865.62]\n```',
    );
    const twoStacks = diffEstimates(base, estimate([resource({ address: "aws_instance.trainer", stack: "ml-train", hourly: 2 })]));
    const chart = renderMarkdownReport({ estimate: twoStacks.head, diff: twoStacks });
    expect(chart).toContain('title "Monthly cost change by stack (USD)"');
    expect(chart).toMatch(/x-axis \["ml-train", "ml-serve"\]\n    y-axis "USD per month"\n    bar \[725\.62, -70\.08\]/);
  });

  it("says when no priced resource changed", () => {
    const same = diffEstimates(base, base);
    expect(hasPricedChanges(same)).toBe(false);
    expect(renderMarkdownReport({ estimate: base, diff: same })).toContain("No priced resource changed in this pull request.");
    expect(hasPricedChanges(diff)).toBe(true);
    // Adding only a free resource is not a priced change.
    const withRole = estimate([...base.stacks.flatMap((s) => s.resources), resource({ address: "aws_iam_role.x", stack: "ml-serve", type: "aws_iam_role", status: "free" })]);
    expect(hasPricedChanges(diffEstimates(base, withRole))).toBe(false);
  });

  it("renders an estimate without a base: stack totals and the most expensive resources", () => {
    const md = renderMarkdownReport({ estimate: head });
    expect(md.split("\n")[0]).toBe("## 💲 costgate: cost estimate");
    expect(md).toContain("**Monthly cost:** ≥ \\$14,670.08 — a lower bound: 2 resources not fully priced");
    expect(tableAfter(md, "### Most expensive resources")[2]).toContain("<code>ml\\-train/aws\\_instance\\.trainer</code>");
  });

  it("escapes hostile stack names, addresses, messages and logins everywhere they appear", () => {
    const evilStack = "prod|<img src=x>";
    const evilAddr = 'aws_instance.x["@admin `rm` | <!-- costgate -->"]';
    const evil = estimate([resource({ address: evilAddr, stack: evilStack, hourly: 1 }), resource({ address: "aws_instance.y", stack: "other", hourly: 2 })]);
    const v = verdict(
      [finding({ ruleId: "CG-X-001", enforcement: "soft-mandatory", address: evilAddr, stack: evilStack, message: "see https://evil.example @team\n| fake | row |" })],
      [finding({ ruleId: "CG-X-002", enforcement: "soft-mandatory", override: { ruleId: "*", approvedBy: "@mallory", reason: "<b>ok</b> #1", via: "label:x" } })],
    );
    const md = renderMarkdownReport({ estimate: evil, diff: diffEstimates(estimate([]), evil), verdict: v, marker: "<!-- costgate-comment id=default -->" });
    expect(md.match(/<!--/g)).toHaveLength(1);
    expect(md).not.toContain("<img");
    expect(md).not.toContain("<b>");
    expect(md).not.toMatch(/@[A-Za-z]/);
    expect(md).not.toContain("://");
    expect(md).not.toMatch(/#[0-9]/);
    // Every table row still has its header's cell count.
    const lines = md.split("\n");
    for (let i = 0; i < lines.length; i++) {
      if (!/^\|[-:|]+\|$/.test(lines[i]!)) continue;
      const width = tableCells(lines[i - 1]!).length;
      for (let j = i + 1; j < lines.length && lines[j]!.startsWith("|"); j++) expect(tableCells(lines[j]!), lines[j]).toHaveLength(width);
    }
    // The mermaid labels cannot close the quote or the fence.
    const chart = md.slice(md.indexOf("```mermaid")).split("```")[1]!;
    expect(chart).toMatch(/\n    x-axis \[("[^"`\n]*"(, )?)+\]\n/);
  });

  it("keeps sections in display order: verdict (with coverage), blocking findings, changed resources, stacks", () => {
    const v = verdict([finding({ ruleId: "CG-A-001", enforcement: "hard-mandatory" })]);
    const ids = markdownReportSections({ estimate: head, diff, verdict: v }).map((x) => x.id);
    expect(ids.slice(0, 4)).toEqual(["verdict", "findings-hard-mandatory", "changed-resources", "stacks"]);
  });
});

describe("mermaidPie", () => {
  it("needs at least two positive slices", () => {
    expect(mermaidPie("t", [{ label: "a", value: 1 }, { label: "b", value: 0 }])).toBe("");
  });
  it("folds slices beyond eight into one 'other' slice", () => {
    const chart = mermaidPie("t", Array.from({ length: 12 }, (_, i) => ({ label: `s${i}`, value: 12 - i })));
    expect(chart.split("\n").filter((l) => l.startsWith("    "))).toHaveLength(8);
    expect(chart).toContain('"other (5)" : 15.00');
  });
  it("reduces labels to a safe character set", () => {
    expect(mermaidLabel('a"b`c\n;d#e')).toBe("a_b_c _d_e");
  });
});
