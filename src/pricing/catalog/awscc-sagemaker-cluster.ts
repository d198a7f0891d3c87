import { blocks, firstBlock, literalString, toNumber } from "../../plan/json-values.js";
import type { CostComponentSpec } from "../cost-component.js";
import type { CatalogEntry } from "./catalog-entry.js";
import { exposedInstanceFacts } from "./exposed-instances.js";
import { readInstanceType, workloadFromTags } from "./compute-components.js";

/** Why HyperPod is unpriced offline: no dated public HyperPod price was found (shared/pricing SOURCES-2026-11-30). */
export const HYPERPOD_UNPRICED = "SageMaker HyperPod has no dated public price in the embedded snapshot (no source found); it is not priced as EC2 or as SageMaker training";

/**
 * `awscc_sagemaker_cluster` (SageMaker HyperPod): one component per instance group — instance type × count ×
 * hours plus the per-instance EBS volume — unpriced with the reason until a dated HyperPod price exists, and the
 * groups' GPUs visible to GPU, instance-type and coverage rules (a HyperPod cluster is never 0 GPUs).
 */
export const awsccSagemakerCluster: CatalogEntry = {
  types: ["awscc_sagemaker_cluster"],
  components(r, ctx) {
    return blocks(r.attributes.instance_groups).flatMap((g, i): CostComponentSpec[] => {
      const it = readInstanceType(g.instance_type, `/instance_groups/${i}/instance_type`, ctx);
      const name = literalString(g.instance_group_name) ?? `group ${i}`;
      const count = toNumber(g.instance_count);
      const out: CostComponentSpec[] = [
        { name: `HyperPod instances (${name}, ${it.type ?? "unknown type"} × ${count ?? "?"})`, unit: "hours", monthlyQuantity: null, priceKey: null, purchaseOption: "on-demand", unpricedReason: it.problem ?? HYPERPOD_UNPRICED },
      ];
      const ebs = firstBlock(firstBlock(g.instance_storage_configs)?.ebs_volume_config);
      const size = toNumber(ebs?.volume_size_in_gb);
      if (size !== null)
        out.push({ name: `HyperPod instance storage (${name}, ${size} GB per instance)`, unit: "GB-months", monthlyQuantity: null, priceKey: null, purchaseOption: "on-demand", unpricedReason: HYPERPOD_UNPRICED });
      return out;
    });
  },
  facts(r, ctx) {
    const groups = blocks(r.attributes.instance_groups).map((g) => {
      const t = g.instance_type;
      const type = typeof t === "string" ? t : "";
      return { instanceType: type, resolved: type !== "" && !type.includes("${"), count: toNumber(g.instance_count) };
    });
    const facts = exposedInstanceFacts(groups.filter((g) => g.instanceType !== ""), ctx.gpusOf);
    facts.purchaseOption = "on-demand";
    const w = workloadFromTags(r);
    facts.workload = w ?? "training";
    return facts;
  },
};
