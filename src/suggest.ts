/** Levenshtein edit distance between two strings (insertions, deletions, substitutions; cost 1 each). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The candidates nearest to `input` for a "did you mean" hint, best first: at most `max`, and only those within
 * `maxDistance` edits (default: a third of the input's length, at least 2), so unrelated names are not offered.
 */
export function nearest(input: string, candidates: Iterable<string>, max = 3, maxDistance = Math.max(2, Math.floor(input.length / 3))): string[] {
  const scored: [string, number][] = [];
  for (const c of new Set(candidates)) {
    const d = editDistance(input, c);
    if (d <= maxDistance) scored.push([c, d]);
  }
  return scored.sort((x, y) => x[1] - y[1] || (x[0] < y[0] ? -1 : 1)).slice(0, max).map(([c]) => c);
}

/** " (did you mean `a` or `b`?)", or "" when there is nothing near. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const near = nearest(input, candidates);
  if (near.length === 0) return "";
  const quoted = near.map((n) => `\`${n}\``);
  return ` (did you mean ${quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`}?)`;
}
