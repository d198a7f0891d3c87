import { describe, expect, it } from "vitest";
import { diffEstimates } from "../../src/pricing/diff-estimates.js";
import { renderMarkdownReport } from "../../src/report/markdown.js";
import { fitSections, GITHUB_COMMENT_MAX_CHARS, hardCut, type MarkdownSection } from "../../src/report/truncate-markdown.js";
import { estimate, finding, resource, tableCells, verdict } from "./markdown-fixtures.js";

const MARKER = "<!-- costgate-comment id=default -->";

function hugeReport() {
  const longName = (i: number) => `module.tenant_${i}.aws_instance.worker["${"x".repeat(120)}-${i}"]`;
  const base = estimate(Array.from({ length: 1500 }, (_, i) => resource({ address: longName(i), stack: `stack-${i % 40}`, hourly: 1 })));
  const head = estimate(Array.from({ length: 1500 }, (_, i) => resource({ address: longName(i), stack: `stack-${i % 40}`, hourly: 1 + i / 100 })));
  const findings = Array.from({ length: 800 }, (_, i) =>
    finding({ ruleId: `CG-TAG-${String(i % 1000).padStart(3, "0")}`, enforcement: i % 3 === 0 ? "hard-mandatory" : i % 3 === 1 ? "soft-mandatory" : "advisory", address: longName(i), stack: `stack-${i % 40}`, message: `missing tag \`team\` on ${"y".repeat(200)}` }),
  );
  return { estimate: head, diff: diffEstimates(base, head), verdict: verdict(findings), marker: MARKER, topResources: 1500 };
}

function assertWellFormed(md: string) {
  const lines = md.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (!/^\|[-:|]+\|$/.test(lines[i]!)) continue;
    const width = tableCells(lines[i - 1]!).length;
    for (let j = i + 1; j < lines.length && lines[j]!.startsWith("|"); j++) expect(tableCells(lines[j]!)).toHaveLength(width);
  }
  expect((md.match(/<details>/g) ?? []).length).toBe((md.match(/<\/details>/g) ?? []).length);
  expect((md.match(/^```/gm) ?? []).length % 2).toBe(0);
  expect(md).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
}

describe("truncation by structure", () => {
  it("fits a huge report under GitHub's comment limit, keeping the marker and the verdict", () => {
    const input = hugeReport();
    const full = renderMarkdownReport(input);
    expect(full.length).toBeGreaterThan(GITHUB_COMMENT_MAX_CHARS * 3);
    const md = renderMarkdownReport({ ...input, limit: GITHUB_COMMENT_MAX_CHARS, truncatedNote: "\n_Shortened; see the job summary._\n" });
    expect(md.length).toBeLessThan(GITHUB_COMMENT_MAX_CHARS);
    const lines = md.split("\n");
    expect(lines[0]).toBe(MARKER);
    expect(lines[1]).toBe("## ❌ costgate: blocked by 534 mandatory findings");
    expect(md).toContain("**Monthly cost:**");
    expect(md.trimEnd().endsWith("_Shortened; see the job summary._")).toBe(true);
    assertWellFormed(md);
    // Blocking findings are kept (shortened, with a count of the rest) before optional sections are.
    expect(md).toContain("### Hard-mandatory findings (block the PR; cannot be overridden) (267)");
    expect(md).toMatch(/\n- … \d+ more hard-mandatory findings; see the job summary\n/);
    // The least important section (the chart) goes first.
    expect(md).not.toContain("```mermaid");
  });

  it("uses the budget: a truncated report is close to the limit, not far below it", () => {
    const md = renderMarkdownReport({ ...hugeReport(), limit: GITHUB_COMMENT_MAX_CHARS });
    expect(md.length).toBeGreaterThan(GITHUB_COMMENT_MAX_CHARS * 0.9);
  });

  it("leaves a report that fits untouched", () => {
    const input = { ...hugeReport(), topResources: 3 };
    const small = { estimate: input.estimate.stacks.length ? estimate(input.estimate.stacks[0]!.resources.slice(0, 3)) : input.estimate, marker: MARKER };
    expect(renderMarkdownReport({ ...small, limit: GITHUB_COMMENT_MAX_CHARS })).toBe(renderMarkdownReport(small));
  });
});

describe("fitSections", () => {
  const rows = (n: number, width = 20) => Array.from({ length: n }, (_, i) => `| row ${i} ${"z".repeat(width)} |\n`);
  const sections = (): MarkdownSection[] => [
    { id: "marker", priority: 1000, required: true, head: `${MARKER}\n## verdict\n` },
    { id: "important", priority: 900, head: "| important |\n|---|\n", rows: rows(50), more: (n) => `| ${n} more important |\n` },
    { id: "minor", priority: 100, head: "| minor |\n|---|\n", rows: rows(50), more: (n) => `| ${n} more minor |\n` },
    { id: "chart", priority: 10, head: "```mermaid\npie\n```\n" },
  ];

  it("drops the least important section and rows before touching more important ones", () => {
    const all = fitSections(sections(), { limit: 1_000_000 }).text;
    const r = fitSections(sections(), { limit: all.length - 500, truncatedNote: "\n(cut)\n" });
    expect(r.truncated).toBe(true);
    expect(r.dropped).toEqual(["chart"]);
    expect(r.text).toMatch(/\| \d+ more minor \|/);
    expect(r.text).not.toMatch(/more important/);
    expect(r.text.length).toBeLessThan(all.length - 500);
    expect(r.text.endsWith("(cut)\n")).toBe(true);
  });

  it("drops optional sections entirely when their minimum does not fit, but never a required one", () => {
    const r = fitSections(sections(), { limit: 400 });
    expect(r.dropped).toEqual(["minor", "chart"]);
    expect(r.text).toMatch(/\| row 0 z+ \|\n(\| row \d+ z+ \|\n)*\| \d+ more important \|\n$/);
    expect(r.text.length).toBeLessThan(400);
    const tiny = fitSections(sections(), { limit: 120 });
    expect(tiny.dropped).toEqual(["important", "minor", "chart"]);
    expect(tiny.text.startsWith(`${MARKER}\n## verdict\n`)).toBe(true);
    expect(tiny.text.length).toBeLessThan(120);
  });

  it("cuts at a line boundary and closes an open code fence as a last resort", () => {
    const cut = hardCut(`${MARKER}\n## verdict\n\`\`\`\n${"line of code\n".repeat(1000)}`, 500);
    expect(cut.length).toBeLessThan(500);
    expect(cut.startsWith(`${MARKER}\n## verdict\n`)).toBe(true);
    expect((cut.match(/^```/gm) ?? []).length).toBe(2);
    expect(cut).toMatch(/line of code\n```\n\n…\(truncated\)\n$/);
  });
});
