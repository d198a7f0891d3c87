import { firstBlock, isUnresolved, literalString, toNumber } from "../../plan/json-values.js";
import type { CostComponentSpec } from "../cost-component.js";
import { definePriceFactory, type PriceKey } from "../price-key.js";
import { GB_MONTHS, HOURS } from "../prices/units.js";
import type { CatalogEntry } from "./catalog-entry.js";
import { fromUsage, perResource, resourceHours, serviceFacts } from "./service-components.js";

/**
 * Kinesis Data Streams (`AmazonKinesis`, product family `Kinesis Streams`, usage types as Infracost's
 * `kinesis_stream.go`: `Storage-ShardHour`, `PutRequestPayloadUnits`, `OnDemand-StreamHour`,
 * `OnDemand-BilledIncomingBytes`, `OnDemand-BilledOutgoingBytes`) and Amazon MSK (`AmazonMSK`: broker-hours by
 * broker type, usage type containing the type; broker storage GB-months, usage type containing `Storage`; the MSK
 * filters are not verified against the live API).
 *
 * Offline prices (`services-2026-11-30.json`, `infracost-goldens-95ba4f49`): Kinesis in us-east-1 and us-east-2:
 * $0.015 per shard-hour, $0.014 per 1M PUT payload units, on-demand $0.04 per stream-hour, $0.08/GB in, $0.04/GB
 * out; MSK in us-east-1: kafka.m5.24xlarge $10.08 per broker-hour (kafka.t3.small is rounded in its source and not
 * quoted), storage $0.10/GB-month. Retention and enhanced fan-out are not modelled. Usage keys (Infracost's):
 * `monthly_provisioned_put_units`, `monthly_on_demand_data_in_gb`, `monthly_on_demand_data_out_gb`.
 */
export type KinesisPart = "shard-hours" | "put-units" | "stream-hours" | "data-in" | "data-out";
const KINESIS: Record<KinesisPart, { suffix: string; unit: string; units: Record<string, { unit: string; factor: number }>; what: string }> = {
  "shard-hours": { suffix: "Storage-ShardHour", unit: "hours", units: { ShardHour: { unit: "hours", factor: 1 }, Hrs: { unit: "hours", factor: 1 } }, what: "shard-hours (provisioned)" },
  "put-units": { suffix: "PutRequestPayloadUnits", unit: "1M units", units: { PutRequest: { unit: "1M units", factor: 1e6 }, "PUT Payload Units": { unit: "1M units", factor: 1e6 } }, what: "PUT payload units (provisioned)" },
  "stream-hours": { suffix: "OnDemand-StreamHour", unit: "hours", units: { StreamHour: { unit: "hours", factor: 1 }, Hrs: { unit: "hours", factor: 1 } }, what: "stream-hours (on-demand)" },
  "data-in": { suffix: "OnDemand-BilledIncomingBytes", unit: "GB", units: { GB: { unit: "GB", factor: 1 } }, what: "data ingested (on-demand)" },
  "data-out": { suffix: "OnDemand-BilledOutgoingBytes", unit: "GB", units: { GB: { unit: "GB", factor: 1 } }, what: "data retrieved (on-demand)" },
};

export const kinesisPrice: (region: string, part: KinesisPart) => PriceKey = definePriceFactory("kinesis-streams", "AmazonKinesis", (region, part: KinesisPart) => ({
  productFamily: "Kinesis Streams",
  attributes: [],
  checks: [{ field: "usagetype", op: "matches", pattern: `(^|-)${KINESIS[part].suffix}$` }],
  units: KINESIS[part].units,
  unit: KINESIS[part].unit,
  what: `Kinesis Data Streams ${KINESIS[part].what} in ${region}`,
}));

/**
 * `aws_kinesis_stream`: `stream_mode_details.stream_mode` PROVISIONED (default): `shard_count` × shard-hours and
 * usage-based PUT payload units; ON_DEMAND: stream-hours and usage-based data in and out.
 */
export const awsKinesisStream: CatalogEntry = {
  types: ["aws_kinesis_stream"],
  components(r, ctx) {
    const mode = firstBlock(r.attributes.stream_mode_details)?.stream_mode;
    if (literalString(mode) === "ON_DEMAND")
      return [
        resourceHours(r, ctx, { name: "Stream hours (on-demand)", priceKey: kinesisPrice(r.region, "stream-hours") }),
        fromUsage(ctx, { name: "Data ingested", unit: "GB", usageKey: "monthly_on_demand_data_in_gb", priceKey: kinesisPrice(r.region, "data-in") }),
        fromUsage(ctx, { name: "Data retrieved", unit: "GB", usageKey: "monthly_on_demand_data_out_gb", priceKey: kinesisPrice(r.region, "data-out") }),
      ];
    const shards = toNumber(r.attributes.shard_count);
    const problem = isUnresolved(mode) ? `stream_mode is an expression (${String(mode)})` : shards === null ? `shard_count is unknown (${String(r.attributes.shard_count ?? "not set")})` : undefined;
    return [
      resourceHours(r, ctx, { name: `Shard hours (${shards ?? "?"} shards)`, priceKey: kinesisPrice(r.region, "shard-hours"), perResource: shards, problem }),
      fromUsage(ctx, { name: "PUT payload units", unit: "1M units", usageKey: "monthly_provisioned_put_units", priceKey: kinesisPrice(r.region, "put-units"), per: 1e6 }),
    ];
  },
  facts: serviceFacts,
};

export const mskBrokerPrice: (region: string, brokerType: string) => PriceKey = definePriceFactory("msk-broker-hours", "AmazonMSK", (region, brokerType: string) => ({
  attributes: [],
  checks: [{ field: "usagetype", op: "matches", pattern: `${brokerType.replace(/[.]/g, "\\.")}$` }],
  units: HOURS,
  unit: "hours",
  what: `MSK ${brokerType} broker-hours in ${region}`,
}));

export const mskStoragePrice: (region: string) => PriceKey = definePriceFactory("msk-storage", "AmazonMSK", (region) => ({
  attributes: [],
  checks: [{ field: "usagetype", op: "matches", pattern: "Kafka\\.Storage|Storage" }],
  units: GB_MONTHS,
  unit: "GB-months",
  what: `MSK broker storage in ${region}`,
}));

/**
 * `aws_msk_cluster`: `number_of_broker_nodes` × broker-hours of `broker_node_group_info.instance_type`, and each
 * broker's EBS volume (`storage_info.ebs_storage_info.volume_size`, or the older `ebs_volume_size`) in GB-months.
 */
export const awsMskCluster: CatalogEntry = {
  types: ["aws_msk_cluster"],
  components(r, ctx) {
    const info = firstBlock(r.attributes.broker_node_group_info) ?? {};
    const type = literalString(info.instance_type);
    const brokers = toNumber(r.attributes.number_of_broker_nodes);
    const ebs = firstBlock(firstBlock(info.storage_info)?.ebs_storage_info);
    const size = toNumber(ebs?.volume_size ?? info.ebs_volume_size);
    const brokerProblem = brokers === null ? `number_of_broker_nodes is unknown (${String(r.attributes.number_of_broker_nodes)})` : undefined;
    const out: CostComponentSpec[] = [
      resourceHours(r, ctx, { name: `Brokers (${brokers ?? "?"} × ${type ?? "unknown type"})`, priceKey: type ? mskBrokerPrice(r.region, type) : null, perResource: brokers, problem: type ? brokerProblem : `broker instance_type is not a literal (${String(info.instance_type)})` }),
      perResource(r, { name: `Broker storage (${size ?? "?"} GB × ${brokers ?? "?"})`, unit: "GB-months", perResource: size === null || brokers === null ? null : size * brokers, priceKey: mskStoragePrice(r.region), problem: brokerProblem ?? (size === null ? "the broker volume size is unknown" : undefined) }),
    ];
    return out;
  },
  facts: serviceFacts,
};
