import { definePriceFactory, type PriceKey } from "../price-key.js";
import type { CatalogEntry } from "./catalog-entry.js";
import { fromUsage, serviceFacts } from "./service-components.js";

/**
 * Amazon SQS (`AWSQueueService`) and SNS (`AmazonSNS`) requests, per 1M, at the first non-zero tier (the first
 * 1M requests a month are free per account, which costgate does not subtract: the free tier is shared by every
 * queue and topic of the account). Filters as Infracost's `sqs_queue.go` (product family `API Request`,
 * `queueType` `Standard` / `FIFO (first-in, first-out)`) and `sns_topic.go` (`API Request`, usage type
 * `…Requests-Tier1`; FIFO topics' `…Requests-FIFO`, not verified against the live API).
 *
 * Offline prices (`services-2026-11-30.json`, `infracost-goldens-95ba4f49`): SQS $0.40 (standard) and $0.50
 * (FIFO) per 1M requests in us-east-1; SNS $0.50 per 1M API requests (us-east-1; the eu-west-1 row is rounded and
 * not quoted) and FIFO publish $0.30 per 1M (us-east-1). Usage key: `monthly_requests` (SQS counts each 64 KB
 * chunk of a payload as one request).
 */
export const sqsRequestsPrice: (region: string, queue: "standard" | "fifo") => PriceKey = definePriceFactory("sqs-requests", "AWSQueueService", (region, queue: "standard" | "fifo") => ({
  productFamily: "API Request",
  attributes: [{ field: "queueType", value: queue === "fifo" ? "FIFO (first-in, first-out)" : "Standard" }],
  checks: [],
  units: { Requests: { unit: "1M requests", factor: 1_000_000 } },
  unit: "1M requests",
  what: `SQS ${queue} requests in ${region}`,
}));

export const snsRequestsPrice: (region: string, topic: "standard" | "fifo") => PriceKey = definePriceFactory("sns-requests", "AmazonSNS", (region, topic: "standard" | "fifo") => ({
  productFamily: "API Request",
  attributes: [],
  checks: [{ field: "usagetype", op: "ends-with", value: topic === "fifo" ? "Requests-FIFO" : "Requests-Tier1" }],
  units: { Requests: { unit: "1M requests", factor: 1_000_000 } },
  unit: "1M requests",
  what: `SNS ${topic === "fifo" ? "FIFO publish" : "API"} requests in ${region}`,
}));

const isFifo = (v: unknown) => v === true || v === "true";

/** `aws_sqs_queue`: usage-based requests (`monthly_requests`), standard or FIFO (`fifo_queue`). */
export const awsSqsQueue: CatalogEntry = {
  types: ["aws_sqs_queue"],
  components(r, ctx) {
    const q = isFifo(r.attributes.fifo_queue) ? "fifo" : "standard";
    return [fromUsage(ctx, { name: `Requests (${q === "fifo" ? "FIFO" : "standard"})`, unit: "1M requests", usageKey: "monthly_requests", priceKey: sqsRequestsPrice(r.region, q), per: 1_000_000 })];
  },
  facts: serviceFacts,
};

/** `aws_sns_topic`: usage-based API requests (`monthly_requests`), standard or FIFO publish (`fifo_topic`). Deliveries are not modelled. */
export const awsSnsTopic: CatalogEntry = {
  types: ["aws_sns_topic"],
  components(r, ctx) {
    const t = isFifo(r.attributes.fifo_topic) ? "fifo" : "standard";
    return [fromUsage(ctx, { name: t === "fifo" ? "FIFO publish requests" : "API requests", unit: "1M requests", usageKey: "monthly_requests", priceKey: snsRequestsPrice(r.region, t), per: 1_000_000 })];
  },
  facts: serviceFacts,
};
