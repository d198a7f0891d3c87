import { SNAPSHOT } from "../../snapshot/snapshot.js";
import { instanceLabels, instanceResources } from "./instance-labels.js";
import type { NodePool, NodePoolRequirement } from "./node-pool.js";

/** Requirement keys costgate matches against instance-type labels; others (zone, os, custom labels) narrow nothing here. */
const TYPE_KEYS = new Set([
  "node.kubernetes.io/instance-type",
  "karpenter.k8s.aws/instance-family",
  "karpenter.k8s.aws/instance-category",
  "karpenter.k8s.aws/instance-generation",
  "karpenter.k8s.aws/instance-size",
  "karpenter.k8s.aws/instance-gpu-name",
  "karpenter.k8s.aws/instance-gpu-manufacturer",
  "karpenter.k8s.aws/instance-gpu-count",
  "karpenter.k8s.aws/instance-cpu",
  "karpenter.k8s.aws/instance-memory",
  "kubernetes.io/arch",
]);

/** Karpenter's default when a NodePool has no arch requirement: amd64 only (Karpenter docs, NodePools). */
const DEFAULT_ARCH: NodePoolRequirement = { key: "kubernetes.io/arch", operator: "In", values: ["amd64"], unresolved: false };

/** What the requirements allow: the instance types, and the requirements that could not narrow them. */
export interface AllowedTypes {
  types: string[];
  /** Requirements on instance-type labels whose values are unresolved: the set is wider than the pool's real one. */
  unresolved: NodePoolRequirement[];
}

/**
 * The EC2 instance types a NodePool's requirements allow, from the snapshot's list of known types (never
 * guessed). An unresolved requirement narrows nothing (the set stays as wide as what is known: fail closed).
 */
export function allowedInstanceTypes(pool: NodePool): AllowedTypes {
  const reqs = pool.requirements.filter((r) => TYPE_KEYS.has(r.key));
  const unresolved = reqs.filter((r) => r.unresolved);
  const active = reqs.filter((r) => !r.unresolved);
  if (!reqs.some((r) => r.key === "kubernetes.io/arch")) active.push(DEFAULT_ARCH);
  const types = SNAPSHOT.knownInstanceTypes.filter((t) => active.every((r) => matches(r, instanceLabels(t)[r.key])));
  return { types, unresolved };
}

/** Kubernetes node-selector semantics over one label value (undefined: the type does not have the label). */
function matches(r: NodePoolRequirement, value: string | undefined): boolean {
  switch (r.operator) {
    case "In":
      return value !== undefined && r.values.includes(value);
    case "NotIn":
      return value === undefined || !r.values.includes(value);
    case "Exists":
      return value !== undefined;
    case "DoesNotExist":
      return value === undefined;
    case "Gt":
      return value !== undefined && Number(value) > Number(r.values[0]);
    case "Lt":
      return value !== undefined && Number(value) < Number(r.values[0]);
  }
}

/** The capacity types a NodePool allows (`karpenter.sh/capacity-type`; Karpenter's default is on-demand). */
export function capacityTypes(pool: NodePool): { types: string[]; unresolved: boolean } {
  const r = pool.requirements.find((x) => x.key === "karpenter.sh/capacity-type");
  if (!r) return { types: ["on-demand"], unresolved: false };
  if (r.unresolved) return { types: ["spot", "on-demand", "reserved"], unresolved: true };
  const all = ["spot", "on-demand", "reserved"];
  const types = all.filter((t) => matches(r, t));
  return { types, unresolved: false };
}

/**
 * Most nodes of `type` the pool's limits allow: the smallest `floor(limit ÷ per-node amount)` over limits that
 * count something this type has (Karpenter does not launch a node that would exceed a limit). null when no
 * limit bounds the type (no limits, an unknown per-node amount, or an unresolved limit) — unbounded.
 */
export function maxNodes(pool: NodePool, type: string): number | null {
  const r = instanceResources(type);
  let best: number | null = null;
  const bound = (limit: number | null | undefined, perNode: number | undefined) => {
    if (limit === undefined || limit === null || perNode === undefined || perNode <= 0) return;
    const n = Math.floor(limit / perNode);
    best = best === null ? n : Math.min(best, n);
  };
  bound(pool.limits.cpu, r.cpu);
  bound(pool.limits.memoryGib, r.memoryGib);
  bound(pool.limits.gpus, r.gpus);
  bound(pool.limits.neuron, r.neuron);
  return best;
}
