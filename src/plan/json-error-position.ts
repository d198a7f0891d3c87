/**
 * Find where a JSON text stops being valid, as `{ offset, problem }`. Node's JSON.parse messages differ across
 * versions and sometimes quote the input instead of giving a position; this scanner gives one consistently.
 * Only called after JSON.parse has failed, so its speed does not matter.
 */
export function jsonErrorPosition(text: string): { offset: number; problem: string } {
  let i = 0;
  const fail = (problem: string): never => {
    throw { offset: i, problem };
  };
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const value = (depth: number): void => {
    // Recursion: bounded well below the stack limit (costgate refuses values nested past MAX_NESTING anyway).
    if (depth > 2_000) fail("nesting too deep");
    ws();
    const c = text[i];
    if (c === undefined) fail("unexpected end of input");
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail("expected a property name in double quotes");
        string();
        ws();
        if (text[i] !== ":") fail("expected ':' after a property name");
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "}") return void i++;
        else fail(text[i] === undefined ? "unexpected end of input" : "expected ',' or '}'");
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") return void i++;
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "]") return void i++;
        else fail(text[i] === undefined ? "unexpected end of input" : "expected ',' or ']'");
      }
    }
    if (c === '"') return string();
    const lit = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!lit) fail(`unexpected character ${JSON.stringify(c)}`);
    i += lit![0].length;
  };
  const string = () => {
    i++;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') return void i++;
      if (c === "\\") {
        const n = text[i + 1];
        if (n === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if (n !== undefined && '"\\/bfnrt'.includes(n)) i += 2;
        else fail("bad escape in a string");
      } else if (c < " ") fail("control character in a string");
      else i++;
    }
    fail("unterminated string");
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail("unexpected text after the JSON value");
    return { offset: i, problem: "invalid JSON" };
  } catch (e) {
    if (typeof e === "object" && e !== null && "offset" in e) return e as { offset: number; problem: string };
    throw e;
  }
}

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return `${line}:${offset - before.lastIndexOf("\n")}`;
}
