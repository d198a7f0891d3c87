/** Policy regular expressions: compiled once, checked at load time. */
const cache = new Map<string, RegExp>();

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
  const id = `${flags}/${pattern}`;
  let re = cache.get(id);
  if (!re) {
    re = new RegExp(pattern, flags);
    cache.set(id, re);
  }
  return re;
}
