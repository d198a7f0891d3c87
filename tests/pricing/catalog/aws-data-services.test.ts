import { describe, expect, it } from "vitest";
import { parseUsage } from "../../../src/pricing/usage.js";
import { productDocument } from "../../fakes/price-list-documents.js";
import { priceStackLive } from "../../helpers/live-stack.js";
import { priceStack } from "../../helpers/stack-plan.js";

const usage = (address: string, values: Record<string, number>) =>
  parseUsage(`resource_usage:\n  ${address}:\n${Object.entries(values).map(([k, v]) => `    ${k}: ${v}`).join("\n")}\n`, "u.yml");

describe("aws_kinesis_stream", () => {
  it("prices a provisioned stream's shard-hours and PUT payload units (us-east-1)", async () => {
    const { res } = await priceStack({ aws_kinesis_stream: { s: { name: "s", shard_count: 4 } } }, { usage: usage("aws_kinesis_stream.s", { monthly_provisioned_put_units: 100_000_000 }) });
    // 4 × 730 × 0.015 = 43.80; 100 × 0.014 = 1.40
    expect(res("aws_kinesis_stream.s").components.map((c) => [c.monthlyQuantity, c.unitPrice])).toEqual([[2920, 0.015], [100, 0.014]]);
    expect(res("aws_kinesis_stream.s").monthlyCost).toBeCloseTo(45.2, 10);
  });

  it("prices an on-demand stream's stream-hours and data in and out (us-east-2)", async () => {
    const { res } = await priceStack(
      { aws_kinesis_stream: { s: { name: "s", stream_mode_details: { stream_mode: "ON_DEMAND" } } } },
      { region: "us-east-2", usage: usage("aws_kinesis_stream.s", { monthly_on_demand_data_in_gb: 500, monthly_on_demand_data_out_gb: 1000 }) },
    );
    // 730 × 0.04 = 29.20; 500 × 0.08 = 40; 1000 × 0.04 = 40
    expect(res("aws_kinesis_stream.s").monthlyCost).toBeCloseTo(109.2, 10);
  });

  it("live: shard-hours through the loopback Price List API", async () => {
    const k = (usagetype: string, unit: string, usd: string) => productDocument({ serviceCode: "AmazonKinesis", productFamily: "Kinesis Streams", region: "eu-west-1", attributes: { usagetype }, dimensions: [{ unit, usd }] });
    const { res, warnings } = await priceStackLive(
      { aws_kinesis_stream: { s: { name: "s", shard_count: 2 } } },
      [k("EU-Storage-ShardHour", "ShardHour", "0.0170000000"), k("EU-Extended-ShardHour", "ShardHour", "0.0200000000"), k("EU-PutRequestPayloadUnits", "PutRequest", "0.0000000160")],
      { region: "eu-west-1", usage: usage("aws_kinesis_stream.s", { monthly_provisioned_put_units: 10_000_000 }) },
    );
    // 2 × 730 × 0.017 = 24.82; 10 × 0.016 = 0.16
    expect(res("aws_kinesis_stream.s").monthlyCost).toBeCloseTo(24.98, 10);
    expect(warnings).toEqual([]);
  });
});

describe("aws_msk_cluster", () => {
  it("prices broker-hours and broker storage (us-east-1 kafka.m5.24xlarge $10.08/h, $0.10/GB-month)", async () => {
    const { res } = await priceStack({
      aws_msk_cluster: {
        k: { cluster_name: "k", kafka_version: "3.6.0", number_of_broker_nodes: 3, broker_node_group_info: { instance_type: "kafka.m5.24xlarge", client_subnets: ["a", "b", "c"], storage_info: { ebs_storage_info: { volume_size: 1000 } } } },
        small: { cluster_name: "s", number_of_broker_nodes: 2, broker_node_group_info: { instance_type: "kafka.m5.large", storage_info: { ebs_storage_info: { volume_size: 100 } } } },
      },
    });
    // 3 × 730 × 10.08 = 22,075.20; 3 × 1000 × 0.10 = 300
    expect(res("aws_msk_cluster.k").monthlyCost).toBeCloseTo(22375.2, 8);
    expect(res("aws_msk_cluster.small").components[0]!.unpricedReason).toMatch(/no price for MSK kafka\.m5\.large broker-hours in us-east-1 \(use --prices aws/);
    expect(res("aws_msk_cluster.small").components[1]!.monthlyCost).toBeCloseTo(20, 10);
  });
});

describe("aws_glue_job", () => {
  it("prices DPU-hours from workers × worker DPUs × monthly_job_hours, and a Python shell job at 0.0625 DPU", async () => {
    const u = parseUsage("resource_type_default_usage:\n  aws_glue_job:\n    monthly_job_hours: 100\n", "u.yml");
    const { res } = await priceStack(
      { aws_glue_job: { etl: { name: "e", role_arn: "r", worker_type: "G.1X", number_of_workers: 10, command: { script_location: "s3://x" } }, py: { name: "p", role_arn: "r", command: { name: "pythonshell", script_location: "s3://x" } } } },
      { usage: u },
    );
    expect(res("aws_glue_job.etl").monthlyCost).toBeCloseTo(440, 10); // 10 × 1 × 100 × 0.44
    expect(res("aws_glue_job.py").monthlyCost).toBeCloseTo(2.75, 10); // 0.0625 × 100 × 0.44
  });
});

describe("aws_route53_zone, aws_ebs_snapshot, aws_grafana_workspace", () => {
  it("price a hosted zone at the global $0.50 in any region", async () => {
    const { res } = await priceStack({ aws_route53_zone: { z: { name: "example.com" } } }, { region: "eu-west-1" });
    expect(res("aws_route53_zone.z").components[0]).toMatchObject({ unitPrice: 0.5, priceKey: "route53-zone-months|global" });
    expect(res("aws_route53_zone.z").monthlyCost).toBe(0.5);
  });

  it("price a snapshot at its volume's size, or at storage_gb ($0.05/GB-month)", async () => {
    const stack = { aws_ebs_volume: { v: { availability_zone: "us-east-1a", size: 100 } }, aws_ebs_snapshot: { s: { volume_id: "${aws_ebs_volume.v.id}" } } };
    const { res } = await priceStack(stack);
    expect(res("aws_ebs_snapshot.s").components[0]).toMatchObject({ name: "Snapshot storage (at most the volume's 100 GB)", monthlyQuantity: 100, quantitySource: "assumption" });
    expect(res("aws_ebs_snapshot.s").monthlyCost).toBeCloseTo(5, 10);
    const { res: r2 } = await priceStack(stack, { usage: usage("aws_ebs_snapshot.s", { storage_gb: 40 }) });
    expect(r2("aws_ebs_snapshot.s").monthlyCost).toBeCloseTo(2, 10);
  });

  it("price Grafana licences: one administrator assumed, viewers from usage", async () => {
    const { res } = await priceStack({ aws_grafana_workspace: { g: { account_access_type: "CURRENT_ACCOUNT", authentication_providers: ["AWS_SSO"], permission_type: "SERVICE_MANAGED" } } }, { usage: usage("aws_grafana_workspace.g", { viewer_licenses: 10 }) });
    // 1 × 9 + 10 × 5 = 59
    expect(res("aws_grafana_workspace.g").monthlyCost).toBeCloseTo(59, 10);
    expect(res("aws_grafana_workspace.g").components[0]!.quantitySource).toBe("assumption");
  });
});
