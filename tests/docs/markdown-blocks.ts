/** A fenced code block of a Markdown file, with the doc-test directive written just before it, if any. */
export interface CodeBlock {
  /** 1-based line of the opening fence. */
  line: number;
  /** The info string's first word (`sh`, `ts`, `yaml`, …), or "" for a plain block. */
  lang: string;
  code: string;
  /** `<!-- doctest: skip (why) -->` → { kind: "skip", arg: "(why)" }; `<!-- doctest: file usage.yml -->` → file. */
  directive?: { kind: string; arg: string };
}

/**
 * The fenced code blocks (``` or ~~~, CommonMark style: a closing fence of the same character, at least as
 * long) of a Markdown document, in order. Indented code blocks and fences inside lists are not used in the README.
 */
export function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split("\n");
  const out: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[1]!;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const close = /^(`{3,}|~{3,})\s*$/.exec(lines[j]!);
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length) break;
      body.push(lines[j]!);
    }
    const before = i > 0 ? /^<!--\s*doctest:\s*(\S+)\s*(.*?)\s*-->\s*$/.exec(lines[i - 1]!) : null;
    out.push({ line: i + 1, lang: open[2] ?? "", code: body.join("\n"), ...(before ? { directive: { kind: before[1]!, arg: before[2]! } } : {}) });
    i = j;
  }
  return out;
}
