import { MAX_NESTING } from "../../plan/json-values.js";
import type { ComponentEstimate, ResourceEstimate } from "../../pricing/estimate.js";
import { priceKeyFromId } from "../../pricing/price-key.js";
import type { PricingCoverageCheck } from "../policy-document.js";
import { gpuCountOf, incompleteReason } from "../policy-resource.js";
import type { CheckDefinition, CheckResult } from "./check-definition.js";

/** An accelerated instance type (GPU, Trainium, Inferentia) written anywhere in a resource's attributes. */
const ACCELERATED_TYPE = /^(ml\.)?(p\d|g\d|trn\d|inf\d|dl\d)[a-z0-9-]*\.[a-z0-9]+$/;

function mentionsAcceleratedType(v: unknown, depth = 0): string | undefined {
  if (typeof v === "string") return ACCELERATED_TYPE.test(v) ? v : undefined;
  // Attributes nested deeper than costgate reads are not searched (and cannot exhaust the stack).
  if (typeof v !== "object" || v === null || depth >= MAX_NESTING) return undefined;
  for (const k in v) {
    if (k === "//") continue; // cdktf metadata (construct paths), not configuration
    const hit = mentionsAcceleratedType((v as Record<string, unknown>)[k], depth + 1);
    if (hit) return hit;
  }
  return undefined;
}

/** Compute components (instance-hours: the price filter names an instance type) — the part of a GPU resource whose price matters. */
function isCompute(c: ComponentEstimate): boolean {
  const price = c.priceKey === null ? undefined : priceKeyFromId(c.priceKey);
  return price === undefined ? c.unit === "hours" : price.instanceType !== undefined;
}

/** Why a GPU resource's GPU cost is unknown, or undefined when its compute is priced. */
function gpuPricingGap(e: ResourceEstimate): string | undefined {
  if (e.status === "unsupported") {
    // The instance types it exposes (EMR groups, fleets, …): a GPU type, or one that is unresolved and could be.
    const gpus = gpuCountOf(e);
    const types = e.facts.instanceTypes;
    if (types.length > 0 && gpus !== 0)
      return `unsupported resource type with ${gpus === null ? "instance type" : `${gpus} GPUs of type`} ${types.join(", ")}${gpus === null ? " (unresolved or unknown: it could be a GPU)" : ""}; costgate cannot price it`;
    const t = mentionsAcceleratedType(e.attributes);
    return t ? `unsupported resource type with accelerated instance type ${t}; costgate cannot price it` : undefined;
  }
  const gpus = e.facts.gpusPerInstance;
  // Capacity that may also run other types (a node group's later instance_types) may run GPUs its first type has not.
  const maxGpus = e.facts.maxGpuCount;
  const mayHaveGpus = (gpus !== null && gpus > 0) || (gpus === null && gpuCountOf(e) === null) || (maxGpus !== undefined && maxGpus !== 0);
  if (!mayHaveGpus) return undefined;
  const gap = e.components.find((c) => c.unpricedReason !== undefined && isCompute(c));
  if (gap) return `${gap.name}: ${gap.unpricedReason}`;
  // Capacity that may also run other types, bounded, whose high end is unknown: one of those types has no price.
  const other = e.components.find((c) => c.highEndInstanceType !== undefined && c.costRange?.high === null && c.quantityRange?.high != null && isCompute(c));
  return other ? `${other.name}: it may also run ${other.highEndInstanceType}, whose price or count at the high end is unknown` : undefined;
}

/**
 * Every resource in scope is priced: unpriced, partly priced and unsupported resources fail (never a silent
 * $0). Usage-based resources pass unless `allowUsageBased: false`. `gpuOnly` looks only at the compute of
 * resources with GPUs (or an instance type costgate cannot resolve), and at unsupported resource types that
 * name an accelerated instance type.
 */
export const pricingCoverage: CheckDefinition<PricingCoverageCheck> = {
  kind: "pricing-coverage",
  evaluate(check, ctx) {
    const out: CheckResult[] = [];
    for (const r of ctx.head) {
      const e = r.estimate;
      if (check.gpuOnly) {
        const gap = gpuPricingGap(e);
        if (gap) out.push({ resource: r, message: `GPU cost is not priced (${gap})` });
        continue;
      }
      const failing = e.status === "unpriced" || e.status === "partial" || e.status === "unsupported" || (e.status === "usage-based" && check.allowUsageBased === false);
      if (failing) out.push({ resource: r, message: `not fully priced (${incompleteReason(e)})` });
    }
    return out;
  },
  loosenings(central, project) {
    const out: string[] = [];
    if (central.gpuOnly !== true && project.gpuOnly === true) out.push("narrows coverage to GPU resources only");
    if (central.allowUsageBased === false && project.allowUsageBased !== false) out.push("allows usage-based resources");
    return out;
  },
};
