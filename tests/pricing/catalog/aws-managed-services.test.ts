import { describe, expect, it } from "vitest";
import { parseUsage } from "../../../src/pricing/usage.js";
import { productDocument } from "../../fakes/price-list-documents.js";
import { priceStackLive } from "../../helpers/live-stack.js";
import { priceStack } from "../../helpers/stack-plan.js";

const usage = (address: string, values: Record<string, number>) =>
  parseUsage(`resource_usage:\n  ${address}:\n${Object.entries(values).map(([k, v]) => `    ${k}: ${v}`).join("\n")}\n`, "u.yml");
const total = (cs: { monthlyCost: number | null }[]) => cs.reduce((a, c) => a + c.monthlyCost!, 0);

describe("aws_vpc_endpoint", () => {
  it("prices an Interface endpoint per AZ-hour and its data processed (us-east-1: $0.01/AZ-h, $0.01/GB)", async () => {
    const { res } = await priceStack(
      { aws_vpc_endpoint: { ecr: { vpc_endpoint_type: "Interface", service_name: "com.amazonaws.us-east-1.ecr.dkr", subnet_ids: ["a", "b", "c"] } } },
      { usage: usage("aws_vpc_endpoint.ecr", { monthly_data_processed_gb: 500 }) },
    );
    const c = res("aws_vpc_endpoint.ecr").components;
    expect(c.map((x) => [x.name, x.monthlyQuantity, x.unitPrice])).toEqual([
      ["Endpoint hours (3 AZs)", 2190, 0.01],
      ["Data processed", 500, 0.01],
    ]);
    // 3 × 730 × 0.01 = 21.90; 500 × 0.01 = 5.00
    expect(res("aws_vpc_endpoint.ecr").monthlyCost).toBeCloseTo(26.9, 10);
  });

  it("has no cost for a Gateway endpoint (the provider default); unknown subnets and data beyond 1 PB are unpriced with the reason", async () => {
    const { res } = await priceStack(
      {
        aws_vpc_endpoint: {
          s3: { service_name: "com.amazonaws.us-east-1.s3" },
          expr: { vpc_endpoint_type: "Interface", subnet_ids: "${var.subnets}" },
          huge: { vpc_endpoint_type: "Interface", subnet_ids: ["a"] },
        },
      },
      { usage: usage("aws_vpc_endpoint.huge", { monthly_data_processed_gb: 2_000_000 }) },
    );
    expect(res("aws_vpc_endpoint.s3").components).toEqual([]);
    expect(res("aws_vpc_endpoint.s3").monthlyCost).toBe(0);
    expect(res("aws_vpc_endpoint.expr").components[0]).toMatchObject({ monthlyQuantity: null, monthlyCost: null });
    expect(res("aws_vpc_endpoint.expr").components[0]!.unpricedReason).toMatch(/number of subnets \(AZs\) is unknown \(subnet_ids: \$\{var.subnets\}\)/);
    expect(res("aws_vpc_endpoint.huge").components[1]!.unpricedReason).toMatch(/exceeds the first 1 PB tier/);
  });
});

describe("aws_kms_key", () => {
  it("prices $1 per key-month and symmetric requests at $0.03 per 10k (us-east-1)", async () => {
    const { res } = await priceStack({ aws_kms_key: { k: { count: 3 } } }, { usage: usage("aws_kms_key.k", { monthly_requests: 2_000_000 }) });
    const c = res("aws_kms_key.k").components;
    expect(c.map((x) => [x.name, x.monthlyQuantity, x.unitPrice])).toEqual([
      ["Customer managed key", 3, 1],
      ["Requests (symmetric)", 200, 0.03],
    ]);
    // 3 × 1 = 3; 200 × 0.03 = 6
    expect(res("aws_kms_key.k").monthlyCost).toBeCloseTo(9, 10);
    expect(c[0]!.price).toMatchObject({ asOf: "2024-07-01" });
  });

  it("applies AWS's one key-month price in other commercial regions, labelled undated; requests there are unpriced", async () => {
    const { res } = await priceStack({ aws_kms_key: { k: {} } }, { region: "eu-west-1", usage: usage("aws_kms_key.k", { monthly_requests: 10_000 }) });
    const c = res("aws_kms_key.k").components;
    expect(c[0]).toMatchObject({ unitPrice: 1, monthlyCost: 1 });
    expect(c[0]!.price).toMatchObject({ asOf: "undated" });
    expect(c[1]!.unpricedReason).toMatch(/no price for KMS symmetric requests in eu-west-1 \(use --prices aws/);
  });
});

describe("aws_secretsmanager_secret", () => {
  it("prices $0.40 per secret-month, one more per replica (in its region), and API calls at $0.05 per 10k", async () => {
    const { res } = await priceStack(
      { aws_secretsmanager_secret: { s: { name: "db", replica: [{ region: "eu-west-1" }] } } },
      { usage: usage("aws_secretsmanager_secret.s", { monthly_requests: 100_000 }) },
    );
    const c = res("aws_secretsmanager_secret.s").components;
    expect(c.map((x) => [x.name, x.monthlyQuantity, x.unitPrice])).toEqual([
      ["Secret", 1, 0.4],
      ["Replica secret (eu-west-1)", 1, 0.4],
      ["API calls", 10, 0.05],
    ]);
    // 0.40 + 0.40 + 10 × 0.05 = 1.30
    expect(total(c)).toBeCloseTo(1.3, 10);
    expect(c[1]!.price!.note).toMatch(/low confidence/);
  });
});

describe("aws_cloudwatch_log_group", () => {
  it("prices ingestion, archival storage and Insights scans from usage (us-east-1 and eu-west-1 rows)", async () => {
    const u = usage("aws_cloudwatch_log_group.app", { monthly_data_ingested_gb: 100, storage_gb: 500, monthly_data_scanned_gb: 1000 });
    const { res } = await priceStack({ aws_cloudwatch_log_group: { app: { name: "/app", retention_in_days: 30 } } }, { usage: u });
    // 100 × 0.50 = 50; 500 × 0.03 = 15; 1000 × 0.005 = 5
    expect(res("aws_cloudwatch_log_group.app").components.map((c) => c.unitPrice)).toEqual([0.5, 0.03, 0.005]);
    expect(res("aws_cloudwatch_log_group.app").monthlyCost).toBeCloseTo(70, 10);
    const { res: eu } = await priceStack({ aws_cloudwatch_log_group: { app: { name: "/app" } } }, { region: "eu-west-1", usage: u });
    // 100 × 0.57 = 57; 500 × 0.03 = 15; 1000 × 0.0057 = 5.70
    expect(eu("aws_cloudwatch_log_group.app").monthlyCost).toBeCloseTo(77.7, 10);
  });

  it("is usage-based (never $0) without usage", async () => {
    const { res } = await priceStack({ aws_cloudwatch_log_group: { app: { name: "/app" } } });
    expect(res("aws_cloudwatch_log_group.app")).toMatchObject({ status: "usage-based", complete: false });
  });
});

describe("aws_ecr_repository", () => {
  it("prices storage_gb at $0.10/GB-month (us-east-1)", async () => {
    const { res } = await priceStack({ aws_ecr_repository: { r: { name: "images" } } }, { usage: usage("aws_ecr_repository.r", { storage_gb: 250 }) });
    // 250 × 0.10 = 25
    expect(res("aws_ecr_repository.r").monthlyCost).toBeCloseTo(25, 10);
  });
});

describe("aws_efs_file_system", () => {
  it("prices Standard and IA storage, IA access and provisioned throughput (us-east-1)", async () => {
    const { res } = await priceStack(
      { aws_efs_file_system: { fs: { throughput_mode: "provisioned", provisioned_throughput_in_mibps: 10 } } },
      { usage: usage("aws_efs_file_system.fs", { storage_gb: 100, infrequent_access_storage_gb: 1000, monthly_infrequent_access_read_gb: 50, monthly_infrequent_access_write_gb: 20 }) },
    );
    const c = res("aws_efs_file_system.fs").components;
    expect(c.map((x) => [x.monthlyQuantity, x.unitPrice])).toEqual([[100, 0.3], [1000, 0.025], [50, 0.01], [20, 0.01], [10, 6]]);
    // 30 + 25 + 0.50 + 0.20 + 60 = 115.70
    expect(res("aws_efs_file_system.fs").monthlyCost).toBeCloseTo(115.7, 10);
  });

  it("prices One Zone classes when availability_zone_name is set", async () => {
    const { res } = await priceStack({ aws_efs_file_system: { fs: { availability_zone_name: "us-east-1a" } } }, { usage: usage("aws_efs_file_system.fs", { storage_gb: 100, infrequent_access_storage_gb: 100 }) });
    // 100 × 0.16 = 16; 100 × 0.0133 = 1.33
    expect(total(res("aws_efs_file_system.fs").components.slice(0, 2))).toBeCloseTo(17.33, 10);
  });
});

describe("aws_sqs_queue, aws_sns_topic", () => {
  it("price requests per 1M: SQS standard $0.40, FIFO $0.50; SNS $0.50, FIFO publish $0.30 (us-east-1)", async () => {
    const u = parseUsage("resource_type_default_usage:\n  aws_sqs_queue:\n    monthly_requests: 5000000\n  aws_sns_topic:\n    monthly_requests: 2000000\n", "u.yml");
    const { res } = await priceStack(
      { aws_sqs_queue: { q: {}, f: { fifo_queue: true, name: "x.fifo" } }, aws_sns_topic: { t: {}, f: { fifo_topic: true, name: "x.fifo" } } },
      { usage: u },
    );
    expect(res("aws_sqs_queue.q").monthlyCost).toBeCloseTo(2, 10); // 5 × 0.40
    expect(res("aws_sqs_queue.f").monthlyCost).toBeCloseTo(2.5, 10); // 5 × 0.50
    expect(res("aws_sns_topic.t").monthlyCost).toBeCloseTo(1, 10); // 2 × 0.50
    expect(res("aws_sns_topic.f").monthlyCost).toBeCloseTo(0.6, 10); // 2 × 0.30
  });
});

describe("live, through the loopback Price List API", () => {
  it("prices an Interface endpoint, a KMS key and a secret in eu-west-1", async () => {
    const p = (serviceCode: string, productFamily: string, usagetype: string, unit: string, usd: string) =>
      productDocument({ serviceCode, productFamily, region: "eu-west-1", attributes: { usagetype }, dimensions: [{ unit, usd }] });
    const { res, warnings } = await priceStackLive(
      { aws_vpc_endpoint: { e: { vpc_endpoint_type: "Interface", subnet_ids: ["a", "b"] } }, aws_kms_key: { k: {} }, aws_secretsmanager_secret: { s: {} } },
      [
        p("AmazonVPC", "VpcEndpoint", "EU-VpcEndpoint-Hours", "Hrs", "0.0110000000"),
        p("AmazonVPC", "VpcEndpoint", "EU-VpcEndpoint-Bytes", "GB", "0.0100000000"),
        p("awskms", "Encryption Key", "eu-west-1-KMS-Keys", "Keys", "1.0000000000"),
        p("awskms", "API Request", "eu-west-1-KMS-Requests", "Requests", "0.0000030000"),
        p("AWSSecretsManager", "Secret", "EU-AWSSecretsManager-Secrets", "Secrets", "0.4000000000"),
        p("AWSSecretsManager", "API Request", "EU-AWSSecretsManager-APIRequest", "API Requests", "0.0000050000"),
      ],
      { region: "eu-west-1", usage: parseUsage("resource_usage:\n  aws_kms_key.k:\n    monthly_requests: 1000000\n  aws_secretsmanager_secret.s:\n    monthly_requests: 20000\n  aws_vpc_endpoint.e:\n    monthly_data_processed_gb: 0\n", "u.yml") },
    );
    // 2 × 730 × 0.011 = 16.06
    expect(res("aws_vpc_endpoint.e").monthlyCost).toBeCloseTo(16.06, 10);
    // 1 + 100 × (0.000003 × 10,000 = 0.03) = 4
    expect(res("aws_kms_key.k").components[1]!.unitPrice).toBeCloseTo(0.03, 12);
    expect(res("aws_kms_key.k").monthlyCost).toBeCloseTo(4, 10);
    // 0.40 + 2 × 0.05 = 0.50
    expect(res("aws_secretsmanager_secret.s").monthlyCost).toBeCloseTo(0.5, 10);
    expect(warnings).toEqual([]);
  });
});

describe("aws_cloudwatch_metric_alarm", () => {
  it("counts alarm metrics, unpriced offline with the reason (no sourced price), and prices them live", async () => {
    const stack = {
      aws_cloudwatch_metric_alarm: {
        cpu: { alarm_name: "cpu", comparison_operator: "GreaterThanThreshold", evaluation_periods: 2, metric_name: "CPUUtilization", namespace: "AWS/EC2", period: 300, statistic: "Average", threshold: 80 },
        math: {
          alarm_name: "m",
          metric_query: [
            { id: "e1", expression: "m1/m2", return_data: true },
            { id: "m1", metric: { metric_name: "Errors", namespace: "AWS/Lambda", period: 10, stat: "Sum" } },
            { id: "m2", metric: { metric_name: "Invocations", namespace: "AWS/Lambda", period: 10, stat: "Sum" } },
          ],
        },
      },
    };
    const { res } = await priceStack(stack);
    expect(res("aws_cloudwatch_metric_alarm.cpu").components[0]).toMatchObject({ name: "Alarm metrics (1, standard resolution)", monthlyQuantity: 1, monthlyCost: null });
    expect(res("aws_cloudwatch_metric_alarm.cpu").components[0]!.unpricedReason).toMatch(/no price for CloudWatch standard-resolution alarm metrics in us-east-1 \(use --prices aws/);
    expect(res("aws_cloudwatch_metric_alarm.math").components[0]).toMatchObject({ name: "Alarm metrics (2, high resolution)", monthlyQuantity: 2 });
    const a = (usagetype: string, usd: string) => productDocument({ serviceCode: "AmazonCloudWatch", productFamily: "Alarm", region: "us-east-1", attributes: { usagetype }, dimensions: [{ unit: "Alarms", usd }] });
    const live = await priceStackLive(stack, [a("CW:AlarmMonitorUsage", "0.1000000000"), a("CW:HighResAlarmMonitorUsage", "0.3000000000")]);
    expect(live.res("aws_cloudwatch_metric_alarm.cpu").monthlyCost).toBeCloseTo(0.1, 12);
    expect(live.res("aws_cloudwatch_metric_alarm.math").monthlyCost).toBeCloseTo(0.6, 12); // 2 × 0.30
    expect(live.warnings).toEqual([]);
  });
});

describe("aws_cloudfront_distribution", () => {
  it("prices a PriceClass_100 distribution's data transfer out at the one rate its geographies share ($0.085/GB, first 10 TB)", async () => {
    const { res } = await priceStack(
      { aws_cloudfront_distribution: { cdn: { enabled: true, price_class: "PriceClass_100" }, big: { enabled: true, price_class: "PriceClass_100" } } },
      { usage: parseUsage("resource_usage:\n  aws_cloudfront_distribution.cdn:\n    monthly_data_transfer_to_internet_gb: 5000\n  aws_cloudfront_distribution.big:\n    monthly_data_transfer_to_internet_gb: 20000\n", "u.yml") },
    );
    const c = res("aws_cloudfront_distribution.cdn").components;
    expect(c[0]).toMatchObject({ monthlyQuantity: 5000, unitPrice: 0.085, priceKey: "cloudfront-data-out|global|US, Mexico, Canada" });
    expect(c[0]!.monthlyCost).toBeCloseTo(425, 10); // 5000 × 0.085
    expect(c[1]!.unpricedReason).toMatch(/no price for CloudFront HTTPS requests/);
    const b = res("aws_cloudfront_distribution.big").components;
    expect(b[0]!.monthlyCost).toBeCloseTo(850, 10); // first 10,000 GB × 0.085
    expect(b[1]).toMatchObject({ monthlyQuantity: 10000, monthlyCost: null });
  });

  it("leaves other price classes' data transfer unpriced: the viewers' geography decides the rate", async () => {
    const { res } = await priceStack({ aws_cloudfront_distribution: { cdn: { enabled: true } } });
    expect(res("aws_cloudfront_distribution.cdn").components[0]!.unpricedReason).toMatch(/PriceClass_All serves viewers from edge geographies with different rates/);
  });
});
