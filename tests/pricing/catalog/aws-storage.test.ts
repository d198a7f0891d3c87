import { describe, expect, it } from "vitest";
import { parseUsage } from "../../../src/pricing/usage.js";
import { priceStack } from "../../helpers/stack-plan.js";

describe("storage and networking", () => {
  it("aws_ebs_volume: gp2 by default; io2 storage plus provisioned IOPS", async () => {
    const { res } = await priceStack({ aws_ebs_volume: { a: { size: 100 }, b: { type: "io2", size: 50, iops: 1000 } } });
    expect(res("aws_ebs_volume.a").monthlyCost).toBe(10);
    expect(res("aws_ebs_volume.b").components.map((c) => c.monthlyCost)).toEqual([0.125 * 50, 0.065 * 1000]);
  });

  it("aws_s3_bucket is usage-based until a usage file gives storage and requests", async () => {
    expect((await priceStack({ aws_s3_bucket: { b: { bucket: "x" } } })).res("aws_s3_bucket.b").status).toBe("usage-based");
    const usage = parseUsage("resource_type_default_usage:\n  aws_s3_bucket:\n    storage_gb: 10000\n    monthly_put_requests: 2000000\n    monthly_get_requests: 5000000\n", "u.yml");
    const r = (await priceStack({ aws_s3_bucket: { b: { bucket: "x" } } }, { usage })).res("aws_s3_bucket.b");
    expect(r.status).toBe("priced");
    expect(r.components.map((c) => c.monthlyCost)).toEqual([230, 0.005 * 2000, 0.0004 * 5000]);
  });

  it("aws_fsx_lustre_file_system prices SCRATCH_2 and PERSISTENT_2 at 125 MB/s/TiB; others unpriced", async () => {
    const { res } = await priceStack({
      aws_fsx_lustre_file_system: {
        s: { storage_capacity: 1200, deployment_type: "SCRATCH_2" },
        p: { storage_capacity: 2400, deployment_type: "PERSISTENT_2", per_unit_storage_throughput: 125 },
        d: { storage_capacity: 1200 },
      },
    });
    expect(res("aws_fsx_lustre_file_system.s").monthlyCost).toBe(0.14 * 1200);
    expect(res("aws_fsx_lustre_file_system.p").monthlyCost).toBe(0.145 * 2400);
    expect(res("aws_fsx_lustre_file_system.d").components[0]!.unpricedReason).toMatch(/SCRATCH_1/);
  });

  it("aws_nat_gateway has no snapshot price outside us-east-1: unpriced, with the reason", async () => {
    const r = (await priceStack({ aws_nat_gateway: { n: { subnet_id: "s" } } }, { region: "eu-west-1" })).res("aws_nat_gateway.n");
    expect(r.status).toBe("unpriced");
    expect(r.notes[0]).toMatch(/embedded snapshot has no price for NAT gateway hours/);
  });

  it("lists unknown types as unsupported and known-free types as free", async () => {
    const { res, estimate } = await priceStack({ aws_memorydb_cluster: { l: { node_type: "db.r6g.large" } }, aws_iam_role: { r: { name: "x" } } });
    expect(res("aws_memorydb_cluster.l").status).toBe("unsupported");
    expect(res("aws_iam_role.r").status).toBe("free");
    expect(estimate.totals).toMatchObject({ unsupported: 1, free: 1, monthlyCost: 0 });
  });
});
