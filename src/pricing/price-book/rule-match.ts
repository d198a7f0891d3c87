import type { PriceFilter } from "../price-key.js";
import type { PriceBookMatch } from "./price-book.js";

/**
 * Specificity of a match, compared field by field in this order (a higher count in an earlier field wins):
 * instance type, instance family, number of attributes, product family, service (offer code), region.
 * So `instanceType` beats `instanceFamily`, which beats `service`, which beats `region` alone; a rule with no
 * match (an EDP over everything) is the least specific.
 */
export function specificity(m: PriceBookMatch | undefined): number[] {
  return [
    m?.instanceType !== undefined ? 1 : 0,
    m?.instanceFamily !== undefined ? 1 : 0,
    Object.keys(m?.attributes ?? {}).length,
    m?.productFamily !== undefined ? 1 : 0,
    m?.service !== undefined ? 1 : 0,
    m?.region !== undefined ? 1 : 0,
  ];
}

/** Compare two specificities: > 0 when `a` is more specific. */
export function compareSpecificity(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** The instance family of a type: everything before the size (`p5` of `p5.48xlarge`, `ml.g5` of `ml.g5.2xlarge`). */
export function instanceFamilyOf(instanceType: string): string {
  const dot = instanceType.lastIndexOf(".");
  return dot < 0 ? instanceType : instanceType.slice(0, dot);
}

const eq = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The value a price filter states for a Price List attribute (TERM_MATCH filters, then `equals` checks). */
function attributeOf(f: PriceFilter, name: string): string | undefined {
  for (const a of f.attributes) if (eq(a.field, name)) return a.value;
  for (const c of f.checks) if (c.op === "equals" && eq(c.field, name)) return c.value;
  if (eq(name, "productFamily")) return f.productFamily;
  if (eq(name, "instanceType")) return f.instanceType;
  return undefined;
}

/** Whether a component's price filter is matched: every field the match gives equals the filter's (case-insensitive). */
export function matchesFilter(m: PriceBookMatch | undefined, f: PriceFilter): boolean {
  if (!m) return true;
  if (m.service !== undefined && !eq(m.service, f.service)) return false;
  if (m.region !== undefined && !eq(m.region, f.region)) return false;
  if (m.productFamily !== undefined && (f.productFamily === undefined || !eq(m.productFamily, f.productFamily))) return false;
  if (m.instanceType !== undefined && (f.instanceType === undefined || !eq(m.instanceType, f.instanceType))) return false;
  if (m.instanceFamily !== undefined && (f.instanceType === undefined || !eq(m.instanceFamily, instanceFamilyOf(f.instanceType)))) return false;
  for (const [name, value] of Object.entries(m.attributes ?? {})) {
    const v = attributeOf(f, name);
    if (v === undefined || !eq(v, value)) return false;
  }
  return true;
}

/**
 * Whether two matches of the same specificity could both match one price: every field both give is equal
 * (attributes: every name both give). Used to refuse true conflicts when a price book is loaded.
 */
export function couldOverlap(a: PriceBookMatch | undefined, b: PriceBookMatch | undefined): boolean {
  const same = (x: string | undefined, y: string | undefined) => x === undefined || y === undefined || eq(x, y);
  if (!same(a?.service, b?.service) || !same(a?.region, b?.region) || !same(a?.productFamily, b?.productFamily)) return false;
  if (!same(a?.instanceType, b?.instanceType) || !same(a?.instanceFamily, b?.instanceFamily)) return false;
  const ba = b?.attributes ?? {};
  for (const [k, v] of Object.entries(a?.attributes ?? {})) {
    const other = Object.entries(ba).find(([k2]) => eq(k, k2));
    if (other && !eq(other[1], v)) return false;
  }
  return true;
}

/** Whether two validity periods ([from, until), open ends) share a day. */
export function periodsOverlap(a: { from?: string; until?: string }, b: { from?: string; until?: string }): boolean {
  const aFrom = a.from ?? "0000-00-00";
  const bFrom = b.from ?? "0000-00-00";
  const aUntil = a.until ?? "9999-99-99";
  const bUntil = b.until ?? "9999-99-99";
  return aFrom < bUntil && bFrom < aUntil;
}
