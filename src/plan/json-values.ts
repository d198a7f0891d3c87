/** Helpers for reading loosely-shaped Terraform JSON values. */

/** True for a string holding an unresolved Terraform expression (`${...}`). */
export function isExpression(v: unknown): v is string {
  return typeof v === "string" && v.includes("${");
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Terraform JSON blocks may be written as one object or an array of objects; read both as an array. */
export function blocks(v: unknown): Record<string, unknown>[] {
  if (Array.isArray(v)) return v.filter(isObject);
  return isObject(v) ? [v] : [];
}

/** First block of a (possibly array-shaped) nested block. */
export function firstBlock(v: unknown): Record<string, unknown> | undefined {
  return blocks(v)[0];
}

/** A number, or a numeric string; null for expressions, missing or non-numeric values. */
export function toNumber(v: unknown): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return null;
}

/** A literal string (not an expression), else undefined. */
export function literalString(v: unknown): string | undefined {
  return typeof v === "string" && !isExpression(v) ? v : undefined;
}

/** JSON pointers of every unresolved expression inside a value. */
export function findExpressions(v: unknown): string[] {
  const found: string[] = [];
  const path: string[] = [];
  // Paths are joined only on a hit: most values hold no expression, and this runs for every resource.
  const walk = (x: unknown): void => {
    if (typeof x === "string") {
      if (x.includes("${")) found.push("/" + path.join("/"));
    } else if (Array.isArray(x)) {
      for (let i = 0; i < x.length; i++) {
        path.push(String(i));
        walk(x[i]);
        path.pop();
      }
    } else if (typeof x === "object" && x !== null) {
      for (const k in x as Record<string, unknown>) {
        if (k === "//") continue;
        path.push(k.includes("~") || k.includes("/") ? k.replace(/~/g, "~0").replace(/\//g, "~1") : k);
        walk((x as Record<string, unknown>)[k]);
        path.pop();
      }
    }
  };
  walk(v);
  return found;
}

/** Read a string→string tag map; expression values are reported separately. */
export function readTags(v: unknown): { tags: Record<string, string>; unknown: string[] } {
  const tags: Record<string, string> = {};
  const unknown: string[] = [];
  if (!isObject(v)) return { tags, unknown };
  for (const [k, val] of Object.entries(v)) {
    if (isExpression(val)) unknown.push(k);
    else if (typeof val === "string" || typeof val === "number" || typeof val === "boolean") tags[k] = String(val);
  }
  return { tags, unknown };
}
