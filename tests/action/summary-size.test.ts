import { describe, expect, it } from "vitest";
import { fitSummaryBytes, GITHUB_SUMMARY_MAX_BYTES } from "../../src/action/summary-size.js";
import { fitSections } from "../../src/report/truncate-markdown.js";

describe("fitSummaryBytes", () => {
  it("fits CJK-heavy reports into the runner's 1 MiB of UTF-8, not 1,000,000 UTF-16 units", () => {
    // 20,000 rows of CJK resource names: ~1.4 MB of UTF-8 at 1,000,000 UTF-16 units.
    const rows = Array.from({ length: 20_000 }, (_, i) => `| 推論エンドポイント用のとても長いリソース名前${i} | $1.00 |\n`);
    const render = (limit: number) => fitSections([{ id: "verdict", priority: 100, required: true, head: "## ✅ costgate\n\n" }, { id: "rows", priority: 1, head: "| a | b |\n|---|---|\n", rows }], { limit, truncatedNote: "\n_cut_\n" }).text;
    const unfitted = render(1_000_000);
    expect(Buffer.byteLength(unfitted, "utf8")).toBeGreaterThan(GITHUB_SUMMARY_MAX_BYTES);
    const text = fitSummaryBytes(render, 1_000_000, GITHUB_SUMMARY_MAX_BYTES);
    expect(Buffer.byteLength(text, "utf8")).toBeLessThanOrEqual(GITHUB_SUMMARY_MAX_BYTES);
    expect(Buffer.byteLength(text, "utf8")).toBeGreaterThan(GITHUB_SUMMARY_MAX_BYTES * 0.8);
    expect(text.startsWith("## ✅ costgate")).toBe(true);
    expect(text).toContain("_cut_");
  });
});
