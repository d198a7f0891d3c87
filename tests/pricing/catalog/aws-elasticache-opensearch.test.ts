import { describe, expect, it } from "vitest";
import { productDocument } from "../../fakes/price-list-documents.js";
import { priceStackLive } from "../../helpers/live-stack.js";
import { priceStack } from "../../helpers/stack-plan.js";

describe("aws_elasticache_cluster, aws_elasticache_replication_group", () => {
  it("price node-hours by engine and node type (us-east-1 golden rows win over the secondary dataset)", async () => {
    const { res } = await priceStack({ aws_elasticache_cluster: { c: { engine: "redis", node_type: "cache.m4.large", num_cache_nodes: 2 } } });
    const c = res("aws_elasticache_cluster.c").components;
    expect(c[0]).toMatchObject({ name: "Cache nodes (2 × cache.m4.large, redis)", monthlyQuantity: 1460, unitPrice: 0.156 });
    // 2 × 730 × 0.156 = 227.76
    expect(c[0]!.monthlyCost).toBeCloseTo(227.76, 10);
    expect(c[0]!.price).toMatchObject({ asOf: "2024-07-01" });
    expect(c[1]).toMatchObject({ usageKey: "snapshot_storage_size_gb", monthlyCost: null });
  });

  it("price a replication group in another region from the 32-region dataset (eu-west-1 Valkey cache.r7g.large $0.1944/h)", async () => {
    const { res } = await priceStack({ aws_elasticache_replication_group: { g: { engine: "valkey", node_type: "cache.r7g.large", num_cache_clusters: 3 } } }, { region: "eu-west-1" });
    const c = res("aws_elasticache_replication_group.g").components[0]!;
    expect(c).toMatchObject({ monthlyQuantity: 2190, unitPrice: 0.1944 });
    // 3 × 730 × 0.1944 = 425.736
    expect(c.monthlyCost).toBeCloseTo(425.736, 10);
    expect(c.price).toMatchObject({ asOf: "2025-04-24" });
  });

  it("count cluster-mode nodes as node groups × (replicas + 1), engine redis by default", async () => {
    const { res } = await priceStack({ aws_elasticache_replication_group: { g: { node_type: "cache.r7g.large", num_node_groups: 2, replicas_per_node_group: 1 } } });
    // 4 × 730 × 0.219 = 639.48
    expect(res("aws_elasticache_replication_group.g").components[0]!.monthlyCost).toBeCloseTo(639.48, 10);
  });

  it("say why when the node type is an expression", async () => {
    const { res } = await priceStack({ aws_elasticache_cluster: { c: { engine: "memcached", node_type: "${var.t}" } } });
    expect(res("aws_elasticache_cluster.c").components[0]!.unpricedReason).toMatch(/node_type is an expression \(\$\{var.t\}\)/);
  });
});

describe("aws_opensearch_domain", () => {
  const domain = {
    cluster_config: { instance_type: "r6g.large.search", instance_count: 3, dedicated_master_enabled: true, dedicated_master_type: "m6g.large.search" },
    ebs_options: { ebs_enabled: true, volume_type: "gp3", volume_size: 100, throughput: 250 },
  };

  it("prices data and master nodes, gp3 storage per data node and throughput above 125 MiB/s (us-east-1)", async () => {
    const { res } = await priceStack({ aws_opensearch_domain: { d: domain } });
    const c = res("aws_opensearch_domain.d").components;
    expect(c.map((x) => [x.name, x.monthlyQuantity, x.unitPrice])).toEqual([
      ["Data nodes (3 × r6g.large.search)", 2190, 0.167],
      ["Dedicated master nodes (3 × m6g.large.search)", 2190, 0.128],
      ["Storage (gp3, 100 GB × 3 nodes)", 300, 0.122],
      ["Throughput above 125 MiB/s (gp3)", 375, 0.064],
    ]);
    // 365.73 + 280.32 + 36.60 + 24.00 = 706.65
    expect(res("aws_opensearch_domain.d").monthlyCost).toBeCloseTo(706.65, 10);
  });

  it("prices nodes in eu-west-1 and leaves EBS unpriced with the reason there; legacy .elasticsearch names price as .search", async () => {
    const { res } = await priceStack(
      { aws_opensearch_domain: { d: domain }, aws_elasticsearch_domain: { old: { cluster_config: { instance_type: "r6g.large.elasticsearch" } } } },
      { region: "eu-west-1" },
    );
    const c = res("aws_opensearch_domain.d").components;
    // 3 × 730 × 0.187 = 409.53
    expect(c[0]!.monthlyCost).toBeCloseTo(409.53, 10);
    expect(c[2]!.unpricedReason).toMatch(/no price for OpenSearch gp3 storage in eu-west-1 \(use --prices aws/);
    expect(res("aws_elasticsearch_domain.old").components[0]).toMatchObject({ name: "Data nodes (1 × r6g.large.search)", unitPrice: 0.187 });
  });

  it("does not assume a default instance or volume type", async () => {
    const { res } = await priceStack({ aws_opensearch_domain: { d: { ebs_options: { ebs_enabled: true, volume_size: 10 } } } });
    const c = res("aws_opensearch_domain.d").components;
    expect(c[0]!.unpricedReason).toMatch(/Data nodes instance type is not set \(AWS picks its default\)/);
    expect(c[1]!.unpricedReason).toMatch(/volume_type is not set/);
  });

  it("live: data nodes and gp3 storage through the loopback Price List API", async () => {
    const es = (productFamily: string, attributes: Record<string, string>, unit: string, usd: string) => productDocument({ serviceCode: "AmazonES", productFamily, region: "us-west-2", attributes, dimensions: [{ unit, usd }] });
    const { res, warnings } = await priceStackLive(
      { aws_opensearch_domain: { d: { cluster_config: { instance_type: "r6g.large.search", instance_count: 2 }, ebs_options: { ebs_enabled: true, volume_type: "gp3", volume_size: 50 } } } },
      [
        es("Amazon OpenSearch Service Instance", { instanceType: "r6g.large.search", usagetype: "USW2-ESInstance:r6g.large" }, "Hrs", "0.1670000000"),
        es("Amazon OpenSearch Service Instance", { instanceType: "r6g.xlarge.search", usagetype: "USW2-ESInstance:r6g.xlarge" }, "Hrs", "0.3350000000"),
        es("Amazon OpenSearch Service Volume", { storageMedia: "GP3", usagetype: "USW2-ES:GP3-Storage" }, "GB-Mo", "0.1220000000"),
        es("Amazon OpenSearch Service Volume", { storageMedia: "GP2", usagetype: "USW2-ES:GP2-Storage" }, "GB-Mo", "0.1350000000"),
      ],
      { region: "us-west-2" },
    );
    // 2 × 730 × 0.167 = 243.82; 100 × 0.122 = 12.20
    expect(res("aws_opensearch_domain.d").monthlyCost).toBeCloseTo(256.02, 10);
    expect(res("aws_opensearch_domain.d").components[0]!.price).toMatchObject({ source: "aws-pricing-api" });
    expect(warnings).toEqual([]);
  });
});
