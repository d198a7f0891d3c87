/**
 * Glob patterns for policy selectors: `*` matches any run of characters (including `.` and `/`), `?` one
 * character; everything else is literal. Case-sensitive, anchored at both ends.
 */
export function globToRegExp(glob: string, flags = ""): RegExp {
  let src = "";
  for (const ch of glob) {
    if (ch === "*") src += ".*";
    else if (ch === "?") src += ".";
    else src += ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${src}$`, flags);
}

const cache = new Map<string, RegExp>();

export function globMatch(glob: string, value: string): boolean {
  let re = cache.get(glob);
  if (!re) {
    re = globToRegExp(glob);
    cache.set(glob, re);
  }
  return re.test(value);
}

/** The first glob of a list that matches the value, if any. */
export function firstMatchingGlob(globs: readonly string[], value: string): string | undefined {
  return globs.find((g) => globMatch(g, value));
}
