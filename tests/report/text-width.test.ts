import cliTruncate from "cli-truncate";
import fc from "fast-check";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { displayWidth, shortenEnd, shortenMiddle } from "../../src/report/text-width.js";

// The ASCII fast paths must give exactly what string-width and cli-truncate give.
const ascii = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 80 });

describe("text-width: printable ASCII without string-width / cli-truncate, same results", () => {
  it("displayWidth of ASCII and of wide, emoji, control and ANSI text equals string-width", () => {
    fc.assert(fc.property(ascii, (s) => displayWidth(s) === stringWidth(s)));
    for (const s of ["", "abc", "日本語", "a😀b", "tab\there", "\u001b[31mred\u001b[0m", "é—…×"]) expect(displayWidth(s)).toBe(stringWidth(s));
  });

  it("shortenMiddle and shortenEnd on ASCII equal cli-truncate's middle and end, at every width", () => {
    fc.assert(
      fc.property(ascii, fc.integer({ min: -2, max: 90 }), (s, width) => {
        const w = Math.max(1, width);
        const middle = displayWidth(s) <= width ? s : cliTruncate(s, w, { position: "middle" });
        const end = displayWidth(s) <= width ? s : cliTruncate(s, w, { position: "end" });
        return shortenMiddle(s, width) === middle && shortenEnd(s, width) === end;
      }),
      { numRuns: 2000 },
    );
    expect(shortenMiddle("aws_sagemaker_endpoint_configuration_C7CC0976", 20)).toBe("aws_sagema…_C7CC0976");
  });
});
