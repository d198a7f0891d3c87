/**
 * Prices of the `AmazonEC2` offer: instance-hours, EBS volumes and NAT gateways (NAT gateways are products of the
 * EC2 offer, product family `NAT Gateway`). Filters follow what AWS's own clients send (Karpenter for instances).
 */
import { definePriceFactory, type PriceKey } from "../price-key.js";
import { GB_MONTHS, HOURS } from "./units.js";

/** On-Demand Linux instance-hours (shared tenancy; bare-metal types are dedicated and their own family). */
export const ec2InstancePrice: (region: string, instanceType: string) => PriceKey = definePriceFactory("ec2-instance", "AmazonEC2", (region, instanceType: string) => {
  const metal = instanceType.includes(".metal");
  const productFamily = metal ? "Compute Instance (bare metal)" : "Compute Instance";
  return {
    productFamily,
    attributes: [
      { field: "serviceCode", value: "AmazonEC2" },
      { field: "preInstalledSw", value: "NA" },
      { field: "operatingSystem", value: "Linux" },
      { field: "capacitystatus", value: "Used" },
      { field: "marketoption", value: "OnDemand" },
      { field: "tenancy", value: metal ? "Dedicated" : "Shared" },
      { field: "productFamily", value: productFamily },
      { field: "instanceType", value: instanceType },
    ],
    checks: [{ field: "instanceType", op: "equals", value: instanceType }],
    units: HOURS,
    unit: "hours",
    what: `EC2 ${instanceType} (Linux, on-demand) in ${region}`,
    instanceType,
  };
});

/** EBS volume storage, GB-months, by `volumeApiName` (gp2, gp3, io1, io2, st1, sc1, standard). */
export const ebsStoragePrice: (region: string, volumeType: string) => PriceKey = definePriceFactory("ebs-storage", "AmazonEC2", (region, volumeType: string) => ({
  productFamily: "Storage",
  attributes: [{ field: "volumeApiName", value: volumeType }],
  checks: [{ field: "volumeApiName", op: "equals", value: volumeType }],
  units: GB_MONTHS,
  unit: "GB-months",
  what: `EBS ${volumeType} storage in ${region}`,
}));

/**
 * Provisioned-IOPS usage types per EBS volume type. io2's cheaper tiers are separate products: `io2@32000` (IOPS
 * above 32,000, `.tier2`) and `io2@64000` (above 64,000, `.tier3`).
 */
const EBS_IOPS_USAGE: Record<string, string> = {
  io1: "VolumeP-IOPS.piops",
  io2: "VolumeP-IOPS.io2",
  "io2@32000": "VolumeP-IOPS.io2.tier2",
  "io2@64000": "VolumeP-IOPS.io2.tier3",
  gp3: "VolumeP-IOPS.gp3",
};

/** EBS provisioned IOPS, IOPS-months (io1, io2's first tier, gp3 above its baseline). */
export const ebsIopsPrice: (region: string, volumeType: string) => PriceKey = definePriceFactory("ebs-iops", "AmazonEC2", (region, volumeType: string) => {
  const usage = EBS_IOPS_USAGE[volumeType];
  return {
    productFamily: "System Operation",
    attributes: [{ field: "volumeApiName", value: volumeType.split("@")[0]! }],
    checks: [{ field: "usagetype", op: "ends-with", value: usage ?? "VolumeP-IOPS" }],
    units: { "IOPS-Mo": { unit: "IOPS-months", factor: 1 } },
    unit: "IOPS-months",
    what: `EBS ${volumeType} provisioned IOPS in ${region}`,
    ...(usage ? {} : { notInPriceList: `EBS ${volumeType} volumes have no provisioned-IOPS price` }),
  };
});

/** EBS provisioned throughput (gp3 above its baseline). The Price List bills GiBps-months; costgate MiB/s-months. */
export const ebsThroughputPrice: (region: string, volumeType: string) => PriceKey = definePriceFactory("ebs-throughput", "AmazonEC2", (region, volumeType: string) => ({
  productFamily: "Provisioned Throughput",
  attributes: [{ field: "volumeApiName", value: volumeType }],
  checks: [{ field: "usagetype", op: "ends-with", value: `VolumeP-Throughput.${volumeType}` }],
  units: { "GiBps-mo": { unit: "MiBps-months", factor: 1 / 1024 }, "MiBps-Mo": { unit: "MiBps-months", factor: 1 } },
  unit: "MiBps-months",
  what: `EBS ${volumeType} provisioned throughput in ${region}`,
}));

/** NAT gateway hours (usage type `…NatGateway-Hours`). */
export const natGatewayHoursPrice: (region: string) => PriceKey = definePriceFactory("nat-gateway-hours", "AmazonEC2", (region) => ({
  productFamily: "NAT Gateway",
  attributes: [],
  checks: [{ field: "usagetype", op: "ends-with", value: "NatGateway-Hours" }],
  units: HOURS,
  unit: "hours",
  what: `NAT gateway hours in ${region}`,
}));

/** NAT gateway data processed, GB (usage type `…NatGateway-Bytes`). */
export const natGatewayDataPrice: (region: string) => PriceKey = definePriceFactory("nat-gateway-data", "AmazonEC2", (region) => ({
  productFamily: "NAT Gateway",
  attributes: [],
  checks: [{ field: "usagetype", op: "ends-with", value: "NatGateway-Bytes" }],
  units: { GB: { unit: "GB", factor: 1 } },
  unit: "GB",
  what: `NAT gateway data processed in ${region}`,
}));
