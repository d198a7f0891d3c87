/**
 * One shared copy of each distinct string given: component names are built per resource ("Instance usage
 * (Linux/UNIX, spot, p5.48xlarge)") but a plan has only a few dozen distinct ones, and one copy each keeps
 * large estimates small. Bounded, so a plan of all-distinct names cannot grow it without limit.
 */
export function internedString(s: string): string {
  const known = table.get(s);
  if (known !== undefined) return known;
  if (table.size >= MAX_INTERNED) table.clear();
  table.set(s, s);
  return s;
}

const table = new Map<string, string>();
const MAX_INTERNED = 10_000;
