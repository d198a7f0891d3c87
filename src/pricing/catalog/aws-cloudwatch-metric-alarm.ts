import { blocks, toNumber } from "../../plan/json-values.js";
import { definePriceFactory, type PriceKey } from "../price-key.js";
import type { CatalogEntry } from "./catalog-entry.js";
import { perResource, serviceFacts } from "./service-components.js";

/**
 * CloudWatch metric alarms (`AmazonCloudWatch`, product family `Alarm`, usage types `…CW:AlarmMonitorUsage`
 * (standard resolution) and `…CW:HighResAlarmMonitorUsage` (period under 60 s)), $ per alarm metric-month, as
 * Infracost's `cloudwatch_metric_alarm.go` filters them. A metric-math alarm is billed per metric it reads.
 *
 * Offline: none — the shared facts have no alarm price. Every alarm is unpriced offline with that reason (never
 * $0) and priced with `--prices aws`.
 */
export const alarmPrice: (region: string, resolution: "standard" | "high") => PriceKey = definePriceFactory("cloudwatch-alarm-metric-months", "AmazonCloudWatch", (region, resolution: "standard" | "high") => ({
  productFamily: "Alarm",
  attributes: [],
  checks: [{ field: "usagetype", op: "matches", pattern: resolution === "high" ? "(^|-)CW:HighResAlarmMonitorUsage$" : "(^|-)CW:AlarmMonitorUsage$" }],
  units: { Alarms: { unit: "alarm metric-months", factor: 1 }, Alarm: { unit: "alarm metric-months", factor: 1 } },
  unit: "alarm metric-months",
  what: `CloudWatch ${resolution}-resolution alarm metrics in ${region}`,
}));

/**
 * `aws_cloudwatch_metric_alarm`: one alarm metric-month per metric (1 for a single-metric alarm; the `metric_query`
 * blocks that read a `metric` for a metric-math alarm), high resolution when `period` (or a query's period) is under
 * 60 seconds.
 */
export const awsCloudwatchMetricAlarm: CatalogEntry = {
  types: ["aws_cloudwatch_metric_alarm"],
  components(r) {
    const queries = blocks(r.attributes.metric_query);
    const metrics = queries.length > 0 ? queries.filter((q) => blocks(q.metric).length > 0) : [undefined];
    const periods = queries.length > 0 ? queries.flatMap((q) => blocks(q.metric).map((m) => toNumber(m.period))) : [toNumber(r.attributes.period)];
    const high = periods.some((p) => p !== null && p < 60);
    return [perResource(r, { name: `Alarm metrics (${metrics.length}, ${high ? "high" : "standard"} resolution)`, unit: "alarm metric-months", perResource: metrics.length, priceKey: alarmPrice(r.region, high ? "high" : "standard") })];
  },
  facts: serviceFacts,
};
