import { describe, expect, it } from "vitest";
import { parseUsage } from "../../../src/pricing/usage.js";
import { productDocument } from "../../fakes/price-list-documents.js";
import { priceStackLive } from "../../helpers/live-stack.js";
import { priceStack } from "../../helpers/stack-plan.js";

const rows = (r: { components: { name: string; monthlyQuantity: number | null; unitPrice?: number | null }[] }) => r.components.map((c) => [c.name, c.monthlyQuantity, c.unitPrice ?? null]);

describe("aws_transfer_server", () => {
  it("prices each protocol's endpoint-hours and usage-based data from the us-east-1 golden rows", async () => {
    const { res } = await priceStack(
      { aws_transfer_server: { multi: { protocols: ["SFTP", "FTPS", "FTP"] }, plain: {} } },
      { usage: parseUsage("resource_usage:\n  aws_transfer_server.multi:\n    monthly_data_downloaded_gb: 50\n    monthly_data_uploaded_gb: 10\n", "u.yml") },
    );
    const multi = res("aws_transfer_server.multi");
    expect(rows(multi)).toEqual([
      ["SFTP protocol enabled", 730, 0.3],
      ["FTPS protocol enabled", 730, 0.3],
      ["FTP protocol enabled", 730, 0.3],
      ["Data downloaded", 50, 0.04],
      ["Data uploaded", 10, 0.04],
    ]);
    // 3 × 730 × 0.30 = 657.00; 50 × 0.04 = 2.00; 10 × 0.04 = 0.40
    expect(multi.monthlyCost).toBeCloseTo(659.4, 10);
    expect(multi.components[0]!.price).toMatchObject({ source: "snapshot", asOf: "2024-07-01" });
    // Provider default: SFTP only. 730 × 0.30 = 219.00; data usage-based.
    const plain = res("aws_transfer_server.plain");
    expect(plain.components[0]).toMatchObject({ name: "SFTP protocol enabled", monthlyCost: 219 });
    expect(plain.components[1]).toMatchObject({ monthlyCost: null, usageKey: "monthly_data_downloaded_gb" });
  });

  it("is unpriced with the reason and the remedy outside us-east-1 offline, and for an AS2 endpoint", async () => {
    const { res } = await priceStack({ aws_transfer_server: { t: { protocols: ["AS2"] } } }, { region: "eu-west-1" });
    expect(res("aws_transfer_server.t").components[0]!.unpricedReason).toMatch(/eu-west-1 \(use --prices aws/);
  });

  it("live: protocol hours and data through the loopback Price List API", async () => {
    const doc = (usagetype: string, operation: string, unit: string, usd: string) =>
      productDocument({ serviceCode: "AWSTransfer", productFamily: "AWS Transfer Family", region: "eu-west-1", attributes: { usagetype, operation }, dimensions: [{ unit, usd }] });
    const { res, warnings } = await priceStackLive(
      { aws_transfer_server: { t: { protocols: ["SFTP"] } } },
      [doc("EU-ProtocolHours", "SFTP:S3", "Hrs", "0.3000000000"), doc("EU-DownloadBytes", "FTP:S3", "GB", "0.0400000000"), doc("EU-UploadBytes", "FTP:S3", "GB", "0.0400000000")],
      { region: "eu-west-1", usage: parseUsage("resource_usage:\n  aws_transfer_server.t:\n    monthly_data_downloaded_gb: 100\n", "u.yml") },
    );
    // 730 × 0.30 = 219.00; 100 × 0.04 = 4.00
    expect(res("aws_transfer_server.t").monthlyCost).toBeCloseTo(223, 10);
    expect(res("aws_transfer_server.t").components[0]!.price).toMatchObject({ source: "aws-pricing-api" });
    expect(warnings).toEqual([]);
  });
});

describe("aws_fsx_openzfs_file_system", () => {
  it("prices throughput, SSD storage and IOPS above the 3 per GB included (SINGLE_AZ_1, us-east-1 golden rows)", async () => {
    const { res } = await priceStack(
      {
        aws_fsx_openzfs_file_system: {
          fs: { storage_capacity: 300, throughput_capacity: 1024, deployment_type: "SINGLE_AZ_1", storage_type: "SSD", subnet_ids: ["s"], disk_iops_configuration: { mode: "USER_PROVISIONED", iops: 1000 } },
        },
      },
      { usage: parseUsage("resource_usage:\n  aws_fsx_openzfs_file_system.fs:\n    backup_storage_gb: 1000\n", "u.yml") },
    );
    const fs = res("aws_fsx_openzfs_file_system.fs");
    expect(rows(fs)).toEqual([
      ["Throughput capacity (1024 MBps)", 1024, 0.26],
      ["SSD storage", 300, 0.09],
      ["Provisioned IOPS above the 900", 100, 0.006],
      ["Backup storage", 1000, 0.05],
    ]);
    // 1024 × 0.26 = 266.24; 300 × 0.09 = 27.00; 100 × 0.006 = 0.60; 1000 × 0.05 = 50.00
    expect(fs.monthlyCost).toBeCloseTo(343.84, 10);
  });

  it("says why SINGLE_AZ_2, MULTI_AZ_1 offline and other regions are unpriced", async () => {
    const { res } = await priceStack({
      aws_fsx_openzfs_file_system: { two: { storage_capacity: 64, throughput_capacity: 160, deployment_type: "SINGLE_AZ_2" }, multi: { storage_capacity: 64, throughput_capacity: 160, deployment_type: "MULTI_AZ_1" } },
    });
    expect(res("aws_fsx_openzfs_file_system.two").components[0]!.unpricedReason).toMatch(/SINGLE_AZ_2 is not priced/);
    expect(res("aws_fsx_openzfs_file_system.multi").components[0]!.unpricedReason).toMatch(/--prices aws/);
  });

  it("live: a Multi-AZ file system through the loopback Price List API", async () => {
    const doc = (productFamily: string, attributes: Record<string, string>, unit: string, usd: string) =>
      productDocument({ serviceCode: "AmazonFSx", productFamily, region: "us-east-1", attributes: { fileSystemType: "OpenZFS", ...attributes }, dimensions: [{ unit, usd }] });
    const { res, warnings } = await priceStackLive(
      { aws_fsx_openzfs_file_system: { fs: { storage_capacity: 100, throughput_capacity: 160, deployment_type: "MULTI_AZ_1" } } },
      [
        doc("Provisioned Throughput", { deploymentOption: "Multi-AZ", usagetype: "USE1-ThroughputCapacity-MultiAZ" }, "MBps-Mo", "0.5200000000"),
        doc("Storage", { deploymentOption: "Multi-AZ", storageType: "SSD", usagetype: "USE1-StorageCapacity-MultiAZ" }, "GB-Mo", "0.1800000000"),
        doc("Storage", { deploymentOption: "N/A", usagetype: "USE1-BackupUsage" }, "GB-Mo", "0.0500000000"),
      ],
      { usage: parseUsage("resource_usage:\n  aws_fsx_openzfs_file_system.fs:\n    backup_storage_gb: 10\n", "u.yml") },
    );
    // 160 × 0.52 = 83.20; 100 × 0.18 = 18.00; 10 × 0.05 = 0.50
    const fs = res("aws_fsx_openzfs_file_system.fs");
    expect(fs.components.map((c) => c.monthlyCost)).toEqual([160 * 0.52, 100 * 0.18, 10 * 0.05]);
    expect(fs.components[0]!.price).toMatchObject({ source: "aws-pricing-api" });
    expect(warnings).toEqual([]);
  });
});
