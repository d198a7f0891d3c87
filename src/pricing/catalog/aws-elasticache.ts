import { isUnresolved, literalString, toNumber } from "../../plan/json-values.js";
import type { Resource } from "../../plan/resource.js";
import type { CostComponentSpec } from "../cost-component.js";
import { definePriceFactory, type PriceKey } from "../price-key.js";
import { GB_MONTHS, HOURS } from "../prices/units.js";
import type { CatalogEntry } from "./catalog-entry.js";
import { fromUsage, resourceHours, serviceFacts } from "./service-components.js";

/**
 * Amazon ElastiCache (`AmazonElastiCache` offer): node-hours by node type and engine (product family `Cache
 * Instance`, attributes `instanceType`, `cacheEngine`) and usage-based backup storage (`Storage Snapshot`), as
 * Infracost's `elasticache_cluster.go` filters them.
 *
 * Offline prices (`services-2026-11-30.json`): node-hours for 91 node types × Redis/Memcached/Valkey in 32
 * commercial regions from `ec2instancesinfo-elasticache-2025-04-24` (LeanerCloud/ec2-instances-info, a copy of the
 * ec2instances.info data; medium confidence; it matches every us-east-1 golden row), the us-east-1 rows of
 * `infracost-goldens-95ba4f49`; backup storage $0.085/GB-month in us-east-1 (golden). Usage key:
 * `snapshot_storage_size_gb` (Infracost's).
 */
export type CacheEngine = "redis" | "memcached" | "valkey";
const ENGINE: Record<CacheEngine, string> = { redis: "Redis", memcached: "Memcached", valkey: "Valkey" };

export const elasticacheNodePrice: (region: string, engine: CacheEngine, nodeType: string) => PriceKey = definePriceFactory(
  "elasticache-node-hours",
  "AmazonElastiCache",
  (region, engine: CacheEngine, nodeType: string) => ({
    productFamily: "Cache Instance",
    attributes: [
      { field: "instanceType", value: nodeType },
      { field: "cacheEngine", value: ENGINE[engine] ?? engine },
    ],
    checks: [{ field: "instanceType", op: "equals", value: nodeType }],
    units: HOURS,
    unit: "hours",
    what: `ElastiCache ${nodeType} (${ENGINE[engine] ?? engine}) in ${region}`,
  }),
);

export const elasticacheBackupPrice: (region: string) => PriceKey = definePriceFactory("elasticache-backup-storage", "AmazonElastiCache", (region) => ({
  productFamily: "Storage Snapshot",
  attributes: [],
  checks: [],
  units: GB_MONTHS,
  unit: "GB-months",
  what: `ElastiCache backup storage in ${region}`,
}));

/** The engine (`engine`, default as given), node type and node count of a cache, or why one is unknown. */
function cacheNodes(r: Resource, defaultEngine: CacheEngine | undefined, nodes: number | null, nodesWhy: string) {
  const e = r.attributes.engine;
  const engineStr = e === undefined || e === null ? defaultEngine : literalString(e);
  const engine: CacheEngine | undefined = engineStr === "redis" || engineStr === "memcached" || engineStr === "valkey" ? engineStr : undefined;
  const nt = r.attributes.node_type;
  const nodeType = literalString(nt);
  const problem = !engine
    ? `engine ${e === undefined ? "is not set" : JSON.stringify(e) + " is not redis, valkey or memcached"}`
    : !nodeType
      ? `node_type is ${nt === undefined ? "not set" : isUnresolved(nt) ? `an expression (${String(nt)})` : "not a string"}`
      : nodes === null
        ? nodesWhy
        : undefined;
  return { engine, nodeType, problem, nodes };
}

function cacheComponents(r: Resource, ctx: Parameters<CatalogEntry["components"]>[1], n: ReturnType<typeof cacheNodes>): CostComponentSpec[] {
  return [
    resourceHours(r, ctx, {
      name: `Cache nodes (${n.nodes ?? "?"} × ${n.nodeType ?? "unknown type"}, ${n.engine ?? "unknown engine"})`,
      priceKey: n.engine && n.nodeType ? elasticacheNodePrice(r.region, n.engine, n.nodeType) : null,
      perResource: n.nodes,
      problem: n.problem,
    }),
    fromUsage(ctx, { name: "Backup storage", unit: "GB-months", usageKey: "snapshot_storage_size_gb", priceKey: elasticacheBackupPrice(r.region) }),
  ];
}

/** `aws_elasticache_cluster`: `num_cache_nodes` (default 1) × node-hours of `node_type` and `engine`; backups from usage. */
export const awsElasticacheCluster: CatalogEntry = {
  types: ["aws_elasticache_cluster"],
  components(r, ctx) {
    const raw = r.attributes.num_cache_nodes;
    const nodes = raw === undefined || raw === null ? 1 : toNumber(raw);
    // A cluster that joins a replication group takes its engine and type from the group (priced there).
    if (r.attributes.replication_group_id !== undefined && r.attributes.node_type === undefined) return [];
    return cacheComponents(r, ctx, cacheNodes(r, undefined, nodes, `num_cache_nodes is unknown (${String(raw)})`));
  },
  facts: serviceFacts,
};

/**
 * `aws_elasticache_replication_group`: nodes = `num_cache_clusters` (or the older `number_cache_clusters`), or in
 * cluster mode `num_node_groups` × (`replicas_per_node_group` + 1); default 1 node; engine default `redis`.
 */
export const awsElasticacheReplicationGroup: CatalogEntry = {
  types: ["aws_elasticache_replication_group"],
  components(r, ctx) {
    const a = r.attributes;
    let nodes: number | null;
    let why = "";
    if (a.num_node_groups !== undefined || a.replicas_per_node_group !== undefined) {
      const groups = a.num_node_groups === undefined ? 1 : toNumber(a.num_node_groups);
      const replicas = a.replicas_per_node_group === undefined ? 0 : toNumber(a.replicas_per_node_group);
      nodes = groups === null || replicas === null ? null : groups * (replicas + 1);
      why = `num_node_groups or replicas_per_node_group is unknown (${String(a.num_node_groups)}, ${String(a.replicas_per_node_group)})`;
    } else {
      const raw = a.num_cache_clusters ?? a.number_cache_clusters;
      nodes = raw === undefined || raw === null ? 1 : toNumber(raw);
      why = `num_cache_clusters is unknown (${String(raw)})`;
    }
    return cacheComponents(r, ctx, cacheNodes(r, "redis", nodes, why));
  },
  facts: serviceFacts,
};
