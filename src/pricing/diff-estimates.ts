import { resourceKey } from "../plan/resource.js";
import { allResources, type Estimate, type ResourceEstimate } from "./estimate.js";

/** v2: resource, stack and total deltas carry `complete` (false: a side is not fully priced, the delta is unknown). */
export const DIFF_SCHEMA_VERSION = "costgate.diff/v2";

export type ChangeKind = "added" | "removed" | "changed" | "unchanged";

export interface ResourceDelta {
  /** `stack/address` */
  key: string;
  stack: string;
  address: string;
  type: string;
  change: ChangeKind;
  baseMonthlyCost: number;
  headMonthlyCost: number;
  /** Change in the priced part, USD/month; when `complete` is false the real change is unknown. */
  delta: number;
  /** False when either side's cost is not fully known: `delta` then compares only the priced parts. */
  complete: boolean;
  base?: ResourceEstimate;
  head?: ResourceEstimate;
}

export interface StackDelta {
  name: string;
  change: ChangeKind;
  baseMonthlyCost: number;
  headMonthlyCost: number;
  delta: number;
  /** False when a changed resource of the stack is not fully priced on either side. */
  complete: boolean;
}

export interface EstimateDiff {
  schemaVersion: typeof DIFF_SCHEMA_VERSION;
  base: Estimate;
  head: Estimate;
  stacks: StackDelta[];
  /** Every resource present in base or head, largest absolute delta first (ties by key). */
  resources: ResourceDelta[];
  totals: {
    baseMonthlyCost: number;
    headMonthlyCost: number;
    delta: number;
    /** Percent change; null when base is $0 (a percentage of nothing is meaningless). */
    deltaPct: number | null;
    /** False when a changed resource is not fully priced on either side (the delta is then a priced-part figure). */
    complete: boolean;
    /** Changed, added or removed resources whose cost is not fully known. */
    unknownChanges: number;
  };
}

/**
 * Pure: compare two estimates resource by resource (stack + address) and stack by stack. A resource changed when
 * anything its cost depends on changed — not only its priced total: one whose cost is unknown on both sides but
 * whose instance type moved from m5.large to p5.48xlarge is `changed`, with `complete: false`.
 */
export function diffEstimates(base: Estimate, head: Estimate): EstimateDiff {
  const b = new Map(allResources(base).map((r) => [resourceKey(r), r]));
  const h = new Map(allResources(head).map((r) => [resourceKey(r), r]));
  const keys = [...new Set([...b.keys(), ...h.keys()])];
  const stackChanged = new Set<string>();
  const stackIncomplete = new Set<string>();
  let unknownChanges = 0;
  const resources: ResourceDelta[] = keys.map((key) => {
    const br = b.get(key);
    const hr = h.get(key);
    const any = (hr ?? br)!;
    const baseMonthlyCost = br?.monthlyCost ?? 0;
    const headMonthlyCost = hr?.monthlyCost ?? 0;
    const change: ChangeKind = !br ? "added" : !hr ? "removed" : sameCost(br, hr) ? "unchanged" : "changed";
    const complete = (!br || br.complete) && (!hr || hr.complete);
    if (change !== "unchanged") {
      stackChanged.add(any.stack);
      if (!complete) {
        stackIncomplete.add(any.stack);
        unknownChanges++;
      }
    }
    return {
      key,
      stack: any.stack,
      address: any.address,
      type: any.type,
      change,
      baseMonthlyCost,
      headMonthlyCost,
      delta: headMonthlyCost - baseMonthlyCost,
      complete,
      ...(br ? { base: br } : {}),
      ...(hr ? { head: hr } : {}),
    };
  });
  resources.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));

  const bs = new Map(base.stacks.map((s) => [s.name, s.monthlyCost]));
  const hs = new Map(head.stacks.map((s) => [s.name, s.monthlyCost]));
  const stackNames = [...new Set([...head.stacks.map((s) => s.name), ...base.stacks.map((s) => s.name)])];
  const stacks: StackDelta[] = stackNames.map((name) => {
    const bc = bs.get(name);
    const hc = hs.get(name);
    const delta = (hc ?? 0) - (bc ?? 0);
    return {
      name,
      change: bc === undefined ? "added" : hc === undefined ? "removed" : stackChanged.has(name) ? "changed" : "unchanged",
      baseMonthlyCost: bc ?? 0,
      headMonthlyCost: hc ?? 0,
      delta,
      complete: !stackIncomplete.has(name),
    };
  });
  const baseTotal = base.totals.monthlyCost;
  const headTotal = head.totals.monthlyCost;
  return {
    schemaVersion: DIFF_SCHEMA_VERSION,
    base,
    head,
    stacks,
    resources,
    totals: {
      baseMonthlyCost: baseTotal,
      headMonthlyCost: headTotal,
      delta: headTotal - baseTotal,
      deltaPct: baseTotal === 0 ? null : ((headTotal - baseTotal) / baseTotal) * 100,
      complete: unknownChanges === 0,
      unknownChanges,
    },
  };
}

/**
 * Whether two versions of a resource cost the same for the same reasons: same pricing status, same priced and
 * on-demand figures and range, and the same components (name, price, quantity, why unpriced) and instance types.
 * Comparing only totals would call an unpriced m5.large → p5.48xlarge change "unchanged" ($0 = $0).
 */
export function sameCost(a: ResourceEstimate, b: ResourceEstimate): boolean {
  if (a.status !== b.status || a.monthlyCost !== b.monthlyCost || a.monthlyCostOnDemand !== b.monthlyCostOnDemand) return false;
  if (a.range.low !== b.range.low || a.range.high !== b.range.high) return false;
  if (a.components.length !== b.components.length || a.type !== b.type) return false;
  for (let i = 0; i < a.components.length; i++) {
    const x = a.components[i]!;
    const y = b.components[i]!;
    if (x.name !== y.name || x.priceKey !== y.priceKey || x.monthlyQuantity !== y.monthlyQuantity || x.unpricedReason !== y.unpricedReason) return false;
  }
  const ta = a.facts.instanceTypes;
  const tb = b.facts.instanceTypes;
  if (ta.length !== tb.length || ta.some((t, i) => t !== tb[i])) return false;
  return a.facts.instanceCount === b.facts.instanceCount && a.facts.gpuCount === b.facts.gpuCount;
}
