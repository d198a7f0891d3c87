import { firstBlock, isUnresolved, literalString, toNumber } from "../../plan/json-values.js";
import type { CostComponentSpec } from "../cost-component.js";
import { definePriceFactory, type PriceKey, type UnitConversion } from "../price-key.js";
import { GB_MONTHS, HOURS } from "../prices/units.js";
import type { CatalogEntry } from "./catalog-entry.js";
import { perResource, resourceHours, serviceFacts } from "./service-components.js";

/**
 * Amazon OpenSearch Service (`AmazonES` offer): instance-hours by instance type for data, dedicated master and
 * UltraWarm nodes (product family `Amazon OpenSearch Service Instance`, attribute `instanceType`), EBS storage by
 * volume type (`Amazon OpenSearch Service Volume`, `storageMedia`), io1 provisioned IOPS and gp3 throughput
 * above the baseline. The storage product attributes are not verified against the live API (a mismatch ends in
 * NoMatchingPrice, never a wrong price). `*.elasticsearch` type names are the legacy names of `*.search` types and
 * are priced as those.
 *
 * Offline prices (`services-2026-11-30.json`): instance-hours for 177 `*.search` types in 32 commercial regions
 * from `ec2instancesinfo-opensearch-2025-04-24` (medium confidence; matches the us-east-1 goldens) and the
 * us-east-1 golden rows (`infracost-goldens-95ba4f49`); EBS in us-east-1 only: gp2 $0.135, gp3 $0.122, io1 $0.169
 * per GB-month, io1 IOPS $0.088 per IOPS-month, gp3 throughput above 125 MiB/s $0.064 per MiB/s-month (magnetic is
 * rounded in its source and not quoted).
 */
export const opensearchInstancePrice: (region: string, instanceType: string) => PriceKey = definePriceFactory("opensearch-instance-hours", "AmazonES", (region, instanceType: string) => ({
  productFamily: "Amazon OpenSearch Service Instance",
  attributes: [{ field: "instanceType", value: instanceType }],
  checks: [{ field: "instanceType", op: "equals", value: instanceType }],
  units: HOURS,
  unit: "hours",
  what: `OpenSearch ${instanceType} in ${region}`,
}));

const IOPS_MONTHS: Readonly<Record<string, UnitConversion>> = { "IOPS-Mo": { unit: "IOPS-months", factor: 1 } };
const MIBPS_MONTHS: Readonly<Record<string, UnitConversion>> = { "MiBps-Mo": { unit: "MiBps-months", factor: 1 }, "GiBps-mo": { unit: "MiBps-months", factor: 1 / 1024 } };
const MEDIA: Record<string, string> = { gp2: "GP2", gp3: "GP3", io1: "PIOPS", standard: "Magnetic" };

export const opensearchStoragePrice: (region: string, volumeType: string) => PriceKey = definePriceFactory("opensearch-storage", "AmazonES", (region, volumeType: string) => ({
  productFamily: "Amazon OpenSearch Service Volume",
  attributes: [{ field: "storageMedia", value: MEDIA[volumeType] ?? volumeType }],
  checks: [],
  units: GB_MONTHS,
  unit: "GB-months",
  what: `OpenSearch ${volumeType} storage in ${region}`,
}));

/** io1 provisioned IOPS (IOPS-months) or gp3 throughput above 125 MiB/s (MiBps-months). */
export const opensearchProvisionedPrice: (region: string, what: "io1-iops" | "gp3-throughput") => PriceKey = definePriceFactory(
  "opensearch-provisioned",
  "AmazonES",
  (region, what: "io1-iops" | "gp3-throughput") => ({
    productFamily: what === "io1-iops" ? "Amazon OpenSearch Service Volume" : "Provisioned Throughput",
    attributes: [],
    checks: [{ field: "usagetype", op: "matches", pattern: what === "io1-iops" ? "PIOPS$" : "GP3-Throughput" }],
    units: what === "io1-iops" ? IOPS_MONTHS : MIBPS_MONTHS,
    unit: what === "io1-iops" ? "IOPS-months" : "MiBps-months",
    what: `OpenSearch ${what === "io1-iops" ? "io1 provisioned IOPS" : "gp3 throughput"} in ${region}`,
  }),
);

/** The `*.search` name of an instance type (`m5.large.elasticsearch` → `m5.large.search`). */
export function searchInstanceType(t: string): string {
  return t.replace(/\.elasticsearch$/, ".search");
}

/**
 * `aws_opensearch_domain`, `aws_elasticsearch_domain`: `cluster_config` data nodes (`instance_type` ×
 * `instance_count`, default 1), dedicated masters (`dedicated_master_type` × `dedicated_master_count`, default 3,
 * when enabled), UltraWarm nodes (`warm_type` × `warm_count` when enabled); `ebs_options` volume_size GB per data
 * node by `volume_type`, io1 `iops`, gp3 `throughput` above 125 MiB/s. An unset type or volume type is unpriced
 * with the reason (AWS picks a default costgate does not assume).
 */
export const awsOpensearchDomain: CatalogEntry = {
  types: ["aws_opensearch_domain", "aws_elasticsearch_domain"],
  components(r, ctx) {
    const cc = firstBlock(r.attributes.cluster_config) ?? {};
    const node = (label: string, typeRaw: unknown, countRaw: unknown, defaultCount: number): CostComponentSpec => {
      const t = literalString(typeRaw);
      const n = countRaw === undefined || countRaw === null ? defaultCount : toNumber(countRaw);
      const problem = !t
        ? `${label} instance type is ${typeRaw === undefined ? "not set (AWS picks its default)" : `not a literal (${String(typeRaw)})`}`
        : n === null
          ? `${label} count is unknown (${String(countRaw)})`
          : undefined;
      const type = t ? searchInstanceType(t) : undefined;
      return resourceHours(r, ctx, { name: `${label} (${n ?? "?"} × ${type ?? "unknown type"})`, priceKey: type ? opensearchInstancePrice(r.region, type) : null, perResource: n, problem });
    };
    const out: CostComponentSpec[] = [node("Data nodes", cc.instance_type, cc.instance_count, 1)];
    const on = (v: unknown) => v === true || v === "true";
    if (on(cc.dedicated_master_enabled)) out.push(node("Dedicated master nodes", cc.dedicated_master_type, cc.dedicated_master_count, 3));
    if (on(cc.warm_enabled)) out.push(node("UltraWarm nodes", cc.warm_type, cc.warm_count, 0));
    const ebs = firstBlock(r.attributes.ebs_options);
    if (ebs && on(ebs.ebs_enabled)) {
      const dataNodes = cc.instance_count === undefined || cc.instance_count === null ? 1 : toNumber(cc.instance_count);
      const size = toNumber(ebs.volume_size);
      const vt = literalString(ebs.volume_type);
      const problem = !vt
        ? `ebs_options.volume_type is ${ebs.volume_type === undefined ? "not set (AWS picks its default)" : `not a literal (${String(ebs.volume_type)})`}`
        : size === null
          ? `ebs_options.volume_size is unknown (${String(ebs.volume_size)})`
          : dataNodes === null
            ? "the data node count is unknown"
            : undefined;
      const gb = size !== null && dataNodes !== null ? size * dataNodes : null;
      out.push(perResource(r, { name: `Storage (${vt ?? "unknown type"}, ${size ?? "?"} GB × ${dataNodes ?? "?"} nodes)`, unit: "GB-months", perResource: gb, priceKey: vt ? opensearchStoragePrice(r.region, vt) : null, problem }));
      const iops = toNumber(ebs.iops);
      if (vt === "io1") out.push(perResource(r, { name: "Provisioned IOPS (io1)", unit: "IOPS-months", perResource: iops === null || dataNodes === null ? null : iops * dataNodes, priceKey: opensearchProvisionedPrice(r.region, "io1-iops"), problem: iops === null ? `ebs_options.iops is unknown (${String(ebs.iops)})` : undefined }));
      const tp = toNumber(ebs.throughput);
      if (vt === "gp3" && (tp === null ? isUnresolved(ebs.throughput) : tp > 125))
        out.push(perResource(r, { name: "Throughput above 125 MiB/s (gp3)", unit: "MiBps-months", perResource: tp === null || dataNodes === null ? null : (tp - 125) * dataNodes, priceKey: opensearchProvisionedPrice(r.region, "gp3-throughput"), problem: tp === null ? `ebs_options.throughput is unknown (${String(ebs.throughput)})` : undefined }));
    }
    return out;
  },
  facts: serviceFacts,
};
