import { resourceKey } from "../plan/resource.js";
import { allResources, type Estimate, type ResourceEstimate } from "./estimate.js";

export const DIFF_SCHEMA_VERSION = "costgate.diff/v1";

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
  delta: number;
  base?: ResourceEstimate;
  head?: ResourceEstimate;
}

export interface StackDelta {
  name: string;
  change: ChangeKind;
  baseMonthlyCost: number;
  headMonthlyCost: number;
  delta: number;
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
  };
}

/** Pure: compare two estimates resource by resource (stack + address) and stack by stack. */
export function diffEstimates(base: Estimate, head: Estimate): EstimateDiff {
  const b = new Map(allResources(base).map((r) => [resourceKey(r), r]));
  const h = new Map(allResources(head).map((r) => [resourceKey(r), r]));
  const keys = [...new Set([...b.keys(), ...h.keys()])];
  const resources: ResourceDelta[] = keys.map((key) => {
    const br = b.get(key);
    const hr = h.get(key);
    const any = (hr ?? br)!;
    const baseMonthlyCost = br?.monthlyCost ?? 0;
    const headMonthlyCost = hr?.monthlyCost ?? 0;
    const change: ChangeKind = !br ? "added" : !hr ? "removed" : sameCost(br, hr) ? "unchanged" : "changed";
    return {
      key,
      stack: any.stack,
      address: any.address,
      type: any.type,
      change,
      baseMonthlyCost,
      headMonthlyCost,
      delta: headMonthlyCost - baseMonthlyCost,
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
    const changed = resources.some((r) => r.stack === name && r.change !== "unchanged");
    return {
      name,
      change: bc === undefined ? "added" : hc === undefined ? "removed" : changed ? "changed" : "unchanged",
      baseMonthlyCost: bc ?? 0,
      headMonthlyCost: hc ?? 0,
      delta,
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
    },
  };
}

/** Same cost and same pricing status: a resource whose price did not move but whose coverage did still changed. */
function sameCost(a: ResourceEstimate, b: ResourceEstimate): boolean {
  return a.monthlyCost === b.monthlyCost && a.status === b.status && a.monthlyCostOnDemand === b.monthlyCostOnDemand;
}
