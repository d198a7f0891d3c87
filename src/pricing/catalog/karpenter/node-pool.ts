import { isExpression } from "../../../plan/json-values.js";

/** One NodePool scheduling requirement (`spec.template.spec.requirements[]`), as Kubernetes node selector terms. */
export interface NodePoolRequirement {
  key: string;
  operator: "In" | "NotIn" | "Exists" | "DoesNotExist" | "Gt" | "Lt";
  values: string[];
  /** A value is an unresolved expression (`${...}`): the requirement cannot narrow the allowed types. */
  unresolved: boolean;
}

/** A Karpenter NodePool (`karpenter.sh/v1` or `v1beta1`) as costgate reads it. Units: CPU cores, GiB, devices. */
export interface NodePool {
  name: string;
  apiVersion: string;
  requirements: NodePoolRequirement[];
  /** `spec.limits`; a limit that is an expression or unparsable is null (it cannot bound anything). */
  limits: { cpu?: number | null; memoryGib?: number | null; gpus?: number | null; neuron?: number | null };
  /** `spec.disruption.consolidationPolicy` (WhenEmptyOrUnderutilized, WhenEmpty; v1beta1 WhenUnderutilized). */
  consolidationPolicy?: string;
  /** `spec.disruption.consolidateAfter` in seconds; null for `Never`; undefined when not set. */
  consolidateAfterSeconds?: number | null;
  /** `spec.template.spec.nodeClassRef.name`. */
  nodeClassName?: string;
  /** `spec.template.metadata.labels` (literal values only). */
  labels: Record<string, string>;
}

const OPERATORS = new Set(["In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"]);

/** Whether a Kubernetes object is a Karpenter NodePool. */
export function isNodePool(doc: Record<string, unknown>): boolean {
  return doc.kind === "NodePool" && typeof doc.apiVersion === "string" && doc.apiVersion.startsWith("karpenter.sh/");
}

/** Read a NodePool object (already known to be one). Unknown shapes become unresolved requirements or null limits. */
export function readNodePool(doc: Record<string, unknown>): NodePool {
  const spec = obj(doc.spec);
  const template = obj(obj(spec.template).spec);
  const metadata = obj(doc.metadata);
  const requirements: NodePoolRequirement[] = [];
  for (const raw of Array.isArray(template.requirements) ? template.requirements : []) {
    const r = obj(raw);
    if (typeof r.key !== "string" || typeof r.operator !== "string" || !OPERATORS.has(r.operator)) continue;
    const values = Array.isArray(r.values) ? r.values.map((v) => String(v)) : [];
    requirements.push({ key: r.key, operator: r.operator as NodePoolRequirement["operator"], values, unresolved: values.some((v) => isExpression(v)) || isExpression(r.key) });
  }
  const limits = obj(spec.limits);
  const disruption = obj(spec.disruption);
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj(obj(obj(spec.template).metadata).labels))) if (typeof v === "string" && !isExpression(v)) labels[k] = v;
  const out: NodePool = {
    name: typeof metadata.name === "string" ? metadata.name : "(unnamed)",
    apiVersion: String(doc.apiVersion),
    requirements,
    limits: {},
    labels,
  };
  if (limits.cpu !== undefined) out.limits.cpu = quantity(limits.cpu);
  if (limits.memory !== undefined) {
    const bytes = quantity(limits.memory);
    out.limits.memoryGib = bytes === null ? null : bytes / 2 ** 30;
  }
  if (limits["nvidia.com/gpu"] !== undefined) out.limits.gpus = quantity(limits["nvidia.com/gpu"]);
  if (limits["aws.amazon.com/neuron"] !== undefined) out.limits.neuron = quantity(limits["aws.amazon.com/neuron"]);
  if (typeof disruption.consolidationPolicy === "string") out.consolidationPolicy = disruption.consolidationPolicy;
  if (disruption.consolidateAfter !== undefined) out.consolidateAfterSeconds = duration(disruption.consolidateAfter);
  const ref = obj(template.nodeClassRef);
  if (typeof ref.name === "string") out.nodeClassName = ref.name;
  return out;
}

/** Kubernetes resource quantity (`1000`, `500m`, `64Gi`, `1e3`, `2k`) in base units; null when not a quantity. */
export function quantity(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) && v >= 0 ? v : null;
  if (typeof v !== "string") return null;
  const m = /^\s*(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)\s*(m|k|M|G|T|P|Ki|Mi|Gi|Ti|Pi)?\s*$/.exec(v);
  if (!m) return null;
  const factor: Record<string, number> = { m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50 };
  return Number(m[1]) * (m[2] ? factor[m[2]]! : 1);
}

/** A Go duration as Karpenter writes it (`30s`, `5m`, `1h30m`) in seconds; `Never` is null; undefined if unreadable. */
export function duration(v: unknown): number | null | undefined {
  if (v === "Never") return null;
  if (typeof v !== "string" || v === "" || v.includes("${")) return undefined;
  const re = /(\d+(?:\.\d+)?)(h|m|s|ms)/g;
  let total = 0;
  let consumed = 0;
  for (const m of v.matchAll(re)) {
    total += Number(m[1]) * { h: 3600, m: 60, s: 1, ms: 0.001 }[m[2] as "h" | "m" | "s" | "ms"];
    consumed += m[0].length;
  }
  return consumed === v.length ? total : undefined;
}

function obj(v: unknown): Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
