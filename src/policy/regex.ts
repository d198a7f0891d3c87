/** Policy regular expressions: compiled once, checked at load time. Keyed by flags, then pattern (no string built per test). */
const cache = new Map<string, Map<string, RegExp>>();

/** Why a pattern cannot be used, or undefined when it compiles. */
export function regexProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
    return undefined;
  } catch (e) {
    return `bad regular expression /${pattern}/: ${(e as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, "")}`;
  }
}

export function compileRegex(pattern: string, flags = ""): RegExp {
  let byPattern = cache.get(flags);
  if (!byPattern) cache.set(flags, (byPattern = new Map()));
  let re = byPattern.get(pattern);
  if (!re) {
    re = new RegExp(pattern, flags);
    byPattern.set(pattern, re);
  }
  return re;
}
