import type { Resource } from "../../plan/resource.js";
import type { CapacityChoice, CostComponentSpec } from "../cost-component.js";
import { HOURS_PER_MONTH } from "../estimate.js";
import type { NodePoolFacts, ResourceFacts } from "../resource-facts.js";
import { ebsStoragePrice, ec2InstancePrice } from "../prices/index.js";
import type { CatalogContext, CatalogEntry } from "./catalog-entry.js";
import { ebsComponents, workloadFromTags } from "./compute-components.js";
import { allowedInstanceTypes, capacityTypes, maxNodes } from "./karpenter/allowed-types.js";
import { instanceResources } from "./karpenter/instance-labels.js";
import { manifestDocuments } from "./karpenter/kubernetes-manifests.js";
import { isNodePool, quantity, readNodePool, type NodePool } from "./karpenter/node-pool.js";

/** The most instance types one NodePool component names as choices (each is a price to look up). */
const MAX_CHOICES = 400;

/**
 * `kubernetes_manifest` / `kubectl_manifest`: a Karpenter NodePool (`karpenter.sh/v1`, `v1beta1`) launches EC2
 * capacity that no `aws_*` resource shows. Per pool: instance-hours over the instance types its requirements
 * allow (from the snapshot's known types) — expected from usage (`node_hours`, or `gpu_hours` divided by each
 * type's GPUs) at the cheapest allowed type, the high end at the most nodes the pool's `limits` allow of the
 * most expensive type × 730 h (unbounded without limits) — plus the EC2NodeClass's EBS volumes per node when the
 * EC2NodeClass is in the same stack. Spot when the pool allows spot (Karpenter prefers it). Other Kubernetes
 * objects create no AWS bill by themselves: no components.
 */
export const karpenterNodePool: CatalogEntry = {
  types: ["kubernetes_manifest", "kubectl_manifest"],
  components(r, ctx) {
    const { docs, problem } = manifestDocuments(r);
    if (problem) {
      const body = String(r.attributes.yaml_body ?? "");
      return /kind:\s*NodePool/.test(body)
        ? [{ name: "Karpenter NodePool capacity", unit: "hours", monthlyQuantity: null, priceKey: null, purchaseOption: "on-demand", unpricedReason: problem }]
        : [];
    }
    return docs.filter(isNodePool).flatMap((d) => poolComponents(readNodePool(d), r, ctx));
  },
  facts(r, ctx) {
    const pool = manifestDocuments(r).docs.filter(isNodePool).map(readNodePool)[0];
    if (!pool) return { instanceTypes: [], instanceCount: null, gpusPerInstance: null };
    const facts = poolFacts(pool, r);
    // The nodes carry the EC2NodeClass's tags (Karpenter tags what it launches with them): the bill's tags.
    const tags = (nodeClassOf(pool, ctx)?.spec as { tags?: unknown } | undefined)?.tags;
    if (typeof tags === "object" && tags !== null) {
      const literal = Object.fromEntries(Object.entries(tags).filter(([, v]) => typeof v === "string" && !v.includes("${"))) as Record<string, string>;
      facts.billedTags = { ...r.tags, ...literal };
    }
    return facts;
  },
};

function poolComponents(pool: NodePool, r: Resource, ctx: CatalogContext): CostComponentSpec[] {
  const allowed = allowedInstanceTypes(pool);
  const caps = capacityTypes(pool);
  const purchase = caps.types.includes("spot") ? "spot" : "on-demand";
  const label = `Karpenter NodePool ${pool.name} nodes (${purchase}, ${allowed.types.length} allowed types)`;
  if (allowed.types.length === 0)
    return [{ name: label, unit: "hours", monthlyQuantity: null, priceKey: null, purchaseOption: purchase, unpricedReason: "no instance type the snapshot knows satisfies the NodePool's requirements" }];
  if (allowed.types.length > MAX_CHOICES)
    return [
      {
        name: label,
        unit: "hours",
        monthlyQuantity: null,
        priceKey: null,
        purchaseOption: purchase,
        unpricedReason: `the requirements allow ${allowed.types.length} instance types; narrow them (instance-family, instance-category, instance-type) so costgate can bound the cost`,
      },
    ];
  const nodeHours = ctx.usage.node_hours;
  const gpuHours = ctx.usage.gpu_hours;
  const choices: CapacityChoice[] = allowed.types.map((t) => {
    const gpus = instanceResources(t).gpus + instanceResources(t).neuron;
    const expected = nodeHours !== undefined ? nodeHours : gpuHours !== undefined ? (gpus > 0 ? gpuHours / gpus : null) : null;
    const n = maxNodes(pool, t);
    return { instanceType: t, priceKey: ec2InstancePrice(r.region, t), expected, high: n === null ? null : n * HOURS_PER_MONTH };
  });
  const usageKey = gpuHours !== undefined && nodeHours === undefined ? "gpu_hours" : "node_hours";
  const out: CostComponentSpec[] = [{ name: label, unit: "hours", monthlyQuantity: null, usageKey, priceKey: null, purchaseOption: purchase, choices }];
  if (nodeHours !== undefined || gpuHours !== undefined) out[0]!.quantitySource = "usage";
  out.push(...nodeClassVolumes(pool, r, ctx, choices));
  return out;
}

/** The pool's EC2NodeClass object when it is in the same stack (a `kubernetes_manifest` or `kubectl_manifest`). */
function nodeClassOf(pool: NodePool, ctx: CatalogContext): Record<string, unknown> | undefined {
  if (!pool.nodeClassName) return undefined;
  return [...ctx.resourcesOfType("kubernetes_manifest"), ...ctx.resourcesOfType("kubectl_manifest")]
    .flatMap((x) => manifestDocuments(x).docs)
    .find((d) => d.kind === "EC2NodeClass" && (d.metadata as { name?: unknown } | undefined)?.name === pool.nodeClassName);
}

/** EBS volumes of the pool's EC2NodeClass (same stack), per node: average nodes = expected instance-hours ÷ 730. */
function nodeClassVolumes(pool: NodePool, r: Resource, ctx: CatalogContext, choices: readonly CapacityChoice[]): CostComponentSpec[] {
  if (!pool.nodeClassName) return [];
  const nodeClass = nodeClassOf(pool, ctx);
  if (!nodeClass) return [];
  const mappings = ((nodeClass.spec as { blockDeviceMappings?: unknown } | undefined)?.blockDeviceMappings ?? []) as unknown[];
  // Nodes on average: the same for every choice when usage is node-hours; per GPU-hours it depends on the type,
  // so the volumes are priced at the fewest nodes (the cheapest choice carries the instance cost).
  const expectedHours = choices.map((c) => c.expected).filter((x): x is number => x !== null);
  const nodes = expectedHours.length === choices.length ? Math.min(...expectedHours) / HOURS_PER_MONTH : null;
  const highs = choices.map((c) => c.high);
  const maxNodeCount = highs.some((h) => h === null) ? null : Math.max(...(highs as number[])) / HOURS_PER_MONTH;
  return mappings.flatMap((m, i) => {
    const ebs = (m as { ebs?: Record<string, unknown>; deviceName?: unknown }).ebs;
    if (!ebs) return [];
    const bytes = quantity(ebs.volumeSize);
    const sizeGb = bytes === null ? null : bytes / 2 ** 30;
    const volumeType = typeof ebs.volumeType === "string" ? ebs.volumeType : "gp3"; // EC2NodeClass default volumeType
    const label = `EC2NodeClass ${pool.nodeClassName} volume ${String((m as { deviceName?: unknown }).deviceName ?? i)} per node`;
    if (nodes === null)
      return [{ name: `${label} (${volumeType}, ${sizeGb ?? "?"} GB)`, unit: "GB-months", monthlyQuantity: null, usageKey: "node_hours", priceKey: ebsStoragePrice(r.region, volumeType), purchaseOption: "usage" } satisfies CostComponentSpec];
    return ebsComponents({ region: r.region, volumeType, sizeGb, iops: quantity(ebs.iops), throughput: quantity(ebs.throughput), volumes: nodes, label }).map((c) =>
      c.unit === "GB-months" && sizeGb !== null ? { ...c, quantitySource: "usage" as const, quantityRange: { low: 0, high: maxNodeCount === null ? null : maxNodeCount * sizeGb } } : c,
    );
  });
}

function poolFacts(pool: NodePool, r: Resource): ResourceFacts {
  const allowed = allowedInstanceTypes(pool);
  const caps = capacityTypes(pool);
  let maxGpus: number | null = 0;
  let perInstance = 0;
  for (const t of allowed.types) {
    const res = instanceResources(t);
    const g = res.gpus + res.neuron;
    if (g === 0) continue;
    perInstance = Math.max(perInstance, g);
    const n = maxNodes(pool, t);
    maxGpus = maxGpus === null || n === null ? null : Math.max(maxGpus, n * g);
  }
  const unresolvedTypes = allowed.unresolved.length > 0;
  if (unresolvedTypes) maxGpus = null;
  const nodePool: NodePoolFacts = {
    name: pool.name,
    mayRunGpus: perInstance > 0 || unresolvedTypes,
    limits: {
      cpu: typeof pool.limits.cpu === "number",
      memory: typeof pool.limits.memoryGib === "number",
      gpus: typeof pool.limits.gpus === "number",
      neuron: typeof pool.limits.neuron === "number",
      unresolved: Object.entries(pool.limits).filter(([, v]) => v === null).map(([k]) => k),
    },
    capacityTypes: caps.types,
  };
  if (pool.consolidationPolicy !== undefined) nodePool.consolidationPolicy = pool.consolidationPolicy;
  if (pool.consolidateAfterSeconds !== undefined) nodePool.consolidateAfterSeconds = pool.consolidateAfterSeconds;
  const workload = pool.labels.workload ?? pool.labels["costgate/workload"] ?? pool.labels["workload-type"];
  const facts: ResourceFacts = {
    // Unresolved requirements leave the set open: an unresolved value marks the types as unknown to policies.
    instanceTypes: [...allowed.types, ...allowed.unresolved.map((u) => u.values.find((v) => v.includes("${")) ?? "${unresolved}")],
    instanceCount: null,
    gpusPerInstance: unresolvedTypes ? null : perInstance,
    maxGpuCount: maxGpus,
    purchaseOption: caps.types.includes("spot") ? (caps.types.length === 1 ? "spot" : "mixed") : "on-demand",
    minCapacity: 0,
    scalesToZero: true,
    nodePool,
  };
  const w = workload === "training" || workload === "inference" ? workload : workloadFromTags(r);
  if (w) facts.workload = w;
  return facts;
}
