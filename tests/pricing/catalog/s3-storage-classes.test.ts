import { describe, expect, it } from "vitest";
import { parseUsage } from "../../../src/pricing/usage.js";
import { priceStack } from "../../helpers/stack-plan.js";

const usage = (lines: string[]) => parseUsage(["resource_usage:", ...lines, ""].join("\n"), "u.yml");

describe("aws_s3_bucket storage classes through lifecycle rules", () => {
  it("lists the classes the lifecycle configuration moves objects to, usage-based, priced from the us-east-1 golden rows", async () => {
    const { res } = await priceStack(
      {
        aws_s3_bucket: { data: { bucket: "training-data" } },
        aws_s3_bucket_lifecycle_configuration: {
          lc: { bucket: "${aws_s3_bucket.data.id}", rule: [{ id: "r", status: "Enabled", transition: [{ days: 30, storage_class: "STANDARD_IA" }, { days: 90, storage_class: "GLACIER" }], noncurrent_version_transition: [{ noncurrent_days: 30, storage_class: "DEEP_ARCHIVE" }] }] },
        },
      },
      { usage: usage(["  aws_s3_bucket.data:", "    storage_gb: 1000", "    standard_infrequent_access_storage_gb: 2000", "    glacier_flexible_retrieval_storage_gb: 10000"]) },
    );
    const b = res("aws_s3_bucket.data");
    expect(b.components.map((c) => [c.name, c.monthlyQuantity, c.unitPrice ?? null])).toEqual([
      ["Standard storage", 1000, 0.023],
      ["PUT, COPY, POST, LIST requests", null, 0.005],
      ["GET, SELECT and other requests", null, 0.0004],
      ["Standard-Infrequent Access storage", 2000, 0.0125],
      ["Glacier Flexible Retrieval storage", 10000, 0.0036],
      ["Glacier Deep Archive storage", null, 0.00099],
    ]);
    // 1000 × 0.023 = 23.00; 2000 × 0.0125 = 25.00; 10000 × 0.0036 = 36.00 (requests and Deep Archive usage-based)
    expect(b.monthlyCost).toBeCloseTo(84, 10);
    expect(b.components[3]!.price).toMatchObject({ source: "snapshot", asOf: "2025-07-07" });
  });

  it("reads inline lifecycle_rule blocks and awscc lifecycle_configuration; a class with a usage key set is listed too", async () => {
    const { res } = await priceStack(
      {
        aws_s3_bucket: { old: { bucket: "b", lifecycle_rule: [{ enabled: true, transition: [{ days: 30, storage_class: "INTELLIGENT_TIERING" }] }] }, plain: { bucket: "p" } },
        awscc_s3_bucket: { cc: { bucket_name: "c", lifecycle_configuration: { rules: [{ status: "Enabled", transitions: [{ storage_class: "ONEZONE_IA", transition_in_days: 30 }] }] } } },
      },
      { usage: usage(["  aws_s3_bucket.old:", "    intelligent_tiering_frequent_access_storage_gb: 100", "  aws_s3_bucket.plain:", "    glacier_deep_archive_storage_gb: 1000", "  awscc_s3_bucket.cc:", "    one_zone_infrequent_access_storage_gb: 100"]) },
    );
    const old = res("aws_s3_bucket.old").components.slice(3);
    expect(old.map((c) => [c.name, c.monthlyQuantity, c.unitPrice ?? null])).toEqual([
      ["Intelligent-Tiering frequent access storage", 100, 0.023],
      ["Intelligent-Tiering infrequent access storage", null, 0.0125],
    ]);
    // 1000 × 0.00099 = 0.99
    expect(res("aws_s3_bucket.plain").components[3]).toMatchObject({ name: "Glacier Deep Archive storage", monthlyCost: 0.99 });
    // 100 × 0.01 = 1.00
    expect(res("awscc_s3_bucket.cc").components[3]).toMatchObject({ name: "One Zone-Infrequent Access storage", monthlyCost: 1 });
  });

  it("Glacier Instant Retrieval (no sourced price) and an unknown class are unpriced with the reason", async () => {
    const { res } = await priceStack({
      aws_s3_bucket: { b: { bucket: "b" } },
      aws_s3_bucket_lifecycle_configuration: { lc: { bucket: "b", rule: [{ transition: [{ storage_class: "GLACIER_IR" }, { storage_class: "REDUCED_REDUNDANCY" }] }] } },
    }, { usage: usage(["  aws_s3_bucket.b:", "    glacier_instant_retrieval_storage_gb: 10"]) });
    const c = res("aws_s3_bucket.b").components.slice(3);
    expect(c[0]!.unpricedReason).toMatch(/Glacier Instant Retrieval|GLACIER_IR/);
    expect(c[1]).toMatchObject({ name: "REDUCED_REDUNDANCY storage", unpricedReason: "costgate does not price the S3 storage class REDUCED_REDUNDANCY" });
  });
});
