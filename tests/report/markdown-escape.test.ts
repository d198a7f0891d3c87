import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clip, escapeHtml, escapeMarkdown } from "../../src/report/escape-markdown.js";
import { tableCells } from "./markdown-fixtures.js";

const HOSTILE = [
  "a | b | c",
  "`code` ``` fenced",
  "<img src=x onerror=alert(1)>",
  "<!-- costgate-comment -->",
  "--> </details> <details open>",
  "@octocat and @org/team please",
  "fixes #123 and GH-45",
  "[click](https://evil.example/x) ![i](http://e/x.png)",
  "https://evil.example www.evil.example",
  "line1\nline2\r\n| injected | row |",
  "**bold** _it_ ~~strike~~ $x^2$ \\",
  "tab\there\u202Ereversed\u2066",
  "& &amp; &#35; ' \"",
];

describe("escapeMarkdown", () => {
  it.each(HOSTILE)("keeps a hostile value inside one table cell: %j", (value) => {
    const row = `| ${escapeMarkdown(value)} | next |`;
    expect(row).not.toMatch(/[\r\n]/);
    expect(tableCells(row)).toHaveLength(2);
  });

  it("never lets HTML tags or comment markers through", () => {
    for (const value of HOSTILE) {
      const out = escapeMarkdown(value);
      expect(out).not.toMatch(/[<>]/);
      expect(out).not.toContain("<!--");
      expect(out).not.toContain("-->");
    }
    expect(escapeMarkdown("<img src=x onerror=alert(1)>")).toBe("&lt;img src=x onerror=alert\\(1\\)&gt;");
  });

  it("breaks @mentions, issue references and autolinks with a zero-width space", () => {
    const out = escapeMarkdown("@octocat @org/team #123 GH-45 https://evil.example www.evil.example");
    expect(out).not.toMatch(/@[A-Za-z0-9\\]/);
    expect(out).not.toMatch(/#[0-9]/);
    expect(out).not.toMatch(/GH\\?-[0-9]/i);
    expect(out).not.toContain("://");
    expect(out).not.toMatch(/www\\?\./i);
    // What a reader sees is unchanged apart from invisible characters and escapes.
    expect(out.replace(/\u200B/g, "").replace(/\\(.)/g, "$1")).toBe("@octocat @org/team #123 GH-45 https://evil.example www.evil.example");
  });

  it("escapes code spans, emphasis, links, math and table pipes with backslashes", () => {
    expect(escapeMarkdown("`a` *b* _c_ [d](e) $f$ g|h ~i~ \\")).toBe("\\`a\\` \\*b\\* \\_c\\_ \\[d\\]\\(e\\) \\$f\\$ g\\|h \\~i\\~ \\\\");
  });

  it("turns line breaks into spaces and drops control and bidi characters", () => {
    expect(escapeMarkdown("a\nb\r\nc\td")).toBe("a b c d");
    expect(escapeMarkdown("x\u202Ey\u2066z\u0007")).toBe("xyz");
  });

  it("HTML-escapes quotes and ampersands without creating issue references", () => {
    expect(escapeMarkdown(`' " & &#35;`)).toBe("&#x27; &quot; &amp; &amp;\\#\u200B35;");
  });

  it("caps a field by code points and never splits a surrogate pair", () => {
    const long = "💸".repeat(50);
    const out = escapeMarkdown(long, { maxLength: 10 });
    expect(Array.from(out)).toHaveLength(10);
    expect(out.endsWith("…")).toBe(true);
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(clip("abc", 3)).toBe("abc");
    expect(clip("abcd", 3)).toBe("ab…");
  });

  it("holds for arbitrary strings: one line, one cell, no tags, no mentions", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (value) => {
        const out = escapeMarkdown(value);
        expect(out).not.toMatch(/[\r\n<>]/);
        expect(tableCells(`| ${out} | x |`)).toHaveLength(2);
        expect(out).not.toMatch(/(^|[^\\])`/);
        expect(out).not.toMatch(/@[A-Za-z0-9\\_-]/);
      }),
      { numRuns: 500 },
    );
  });
});

describe("escapeHtml", () => {
  it("escapes the five HTML special characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#x27;&amp;&#x27;&lt;/a&gt;");
  });
});
