import { firstBlock, literalString, toNumber } from "../../plan/json-values.js";
import type { CostComponentSpec } from "../cost-component.js";
import { definePriceFactory, type PriceFactorySpec, type PriceKey } from "../price-key.js";
import type { CatalogEntry } from "./catalog-entry.js";
import { firstTierOnly, fromUsage, serviceFacts } from "./service-components.js";

/**
 * Lambda (`AWSLambda`), Step Functions (`AmazonStates`) and API Gateway (`AmazonApiGateway`): usage-based
 * requests and duration, priced in their first volume tier (beyond it: unpriced with the reason). Filters follow
 * Infracost's `lambda_function.go`, `sfn_state_machine.go`, `api_gateway_rest_api.go`, `apigatewayv2_api.go`
 * (usage-type suffixes `Request`, `Lambda-GB-Second[-ARM]`, `Lambda-Storage-GB-Second`, `StateTransition`,
 * `StepFunctions-Request`, `StepFunctions-GB-Hour`, `ApiGatewayRequest`, `ApiGatewayHttpRequest`,
 * `ApiGatewayMessage`, `ApiGatewayMinute`); those not in an Infracost filter are not verified against the live API.
 *
 * Offline prices (`services-2026-11-30.json`, `infracost-goldens-95ba4f49`, us-east-1): Lambda $0.20 per 1M
 * requests, $0.0000166667 per GB-second (x86_64, first 6B) and $0.0000133334 (arm64, first 7.5B), ephemeral
 * storage above 512 MB $0.0000000309 per GB-second; Step Functions Standard $0.025 per 1K state transitions,
 * Express $1.00 per 1M requests and $0.060012 per GB-hour (first 1,000); API Gateway REST $3.50 per 1M (first
 * 333M), HTTP $1.00 per 1M (first 300M), WebSocket $1.00 per 1M messages (first 1B) and $0.25 per 1M
 * connection-minutes. Usage keys (Infracost's): `monthly_requests`, `request_duration_ms`, `monthly_transitions`,
 * `workflow_duration_ms`, `memory_usage_mb`, `monthly_messages`, `monthly_connection_mins`.
 */
type Spec = Omit<PriceFactorySpec, "attributes" | "checks"> & { suffix: string };
const usagePrice = (s: Spec): PriceFactorySpec => ({
  ...(s.productFamily ? { productFamily: s.productFamily } : {}),
  attributes: [],
  checks: [{ field: "usagetype", op: "matches", pattern: `(^|-)${s.suffix}$` }],
  units: s.units,
  unit: s.unit,
  what: s.what,
});
const PER_1M = (unit: string) => ({ Requests: { unit, factor: 1_000_000 }, Request: { unit, factor: 1_000_000 } });

export type LambdaArch = "x86_64" | "arm64";
export const lambdaRequestsPrice: (region: string) => PriceKey = definePriceFactory("lambda-requests", "AWSLambda", (region) =>
  usagePrice({ productFamily: "Serverless", suffix: "Request", units: PER_1M("1M requests"), unit: "1M requests", what: `Lambda requests in ${region}` }),
);
export const lambdaDurationPrice: (region: string, arch: LambdaArch) => PriceKey = definePriceFactory("lambda-duration", "AWSLambda", (region, arch: LambdaArch) =>
  usagePrice({ productFamily: "Serverless", suffix: arch === "arm64" ? "Lambda-GB-Second-ARM" : "Lambda-GB-Second", units: { Second: { unit: "GB-seconds", factor: 1 }, "Lambda-GB-Second": { unit: "GB-seconds", factor: 1 } }, unit: "GB-seconds", what: `Lambda duration (${arch}, first tier) in ${region}` }),
);
export const lambdaEphemeralPrice: (region: string) => PriceKey = definePriceFactory("lambda-ephemeral-storage", "AWSLambda", (region) =>
  usagePrice({ productFamily: "Serverless", suffix: "Lambda-Storage-GB-Second", units: { "GB-Seconds": { unit: "GB-seconds", factor: 1 }, Second: { unit: "GB-seconds", factor: 1 } }, unit: "GB-seconds", what: `Lambda ephemeral storage in ${region}` }),
);

/** GB-seconds of each Lambda volume tier's first tier: x86_64 the first 6B, arm64 the first 7.5B a month. */
export const LAMBDA_FIRST_TIER_GB_SECONDS: Readonly<Record<LambdaArch, number>> = { x86_64: 6e9, arm64: 7.5e9 };

/**
 * `aws_lambda_function`: usage-based requests (`monthly_requests`) and duration (`monthly_requests` ×
 * `request_duration_ms` / 1000 × `memory_size` MB / 1024, memory default 128 MB), by `architectures` (x86_64
 * default); ephemeral storage above 512 MB for the same duration. Provisioned concurrency is not modelled.
 */
export const awsLambdaFunction: CatalogEntry = {
  types: ["aws_lambda_function"],
  components(r, ctx) {
    const archs = r.attributes.architectures;
    const arch: LambdaArch = Array.isArray(archs) && archs[0] === "arm64" ? "arm64" : "x86_64";
    const memRaw = r.attributes.memory_size;
    const memory = memRaw === undefined || memRaw === null ? 128 : toNumber(memRaw);
    const n = ctx.usage.monthly_requests;
    const ms = ctx.usage.request_duration_ms;
    const seconds = n === undefined || ms === undefined ? null : (n * ms) / 1000;
    const gbSeconds = seconds === null || memory === null ? null : (seconds * memory) / 1024;
    const eph = toNumber(firstBlock(r.attributes.ephemeral_storage)?.size);
    const out: CostComponentSpec[] = [
      fromUsage(ctx, { name: "Requests", unit: "1M requests", usageKey: "monthly_requests", priceKey: lambdaRequestsPrice(r.region), per: 1_000_000 }),
      ...firstTierOnly({
        name: `Duration (${arch}, ${memory ?? "?"} MB)`,
        unit: "GB-seconds",
        usageKey: "request_duration_ms",
        quantity: gbSeconds,
        priceKey: lambdaDurationPrice(r.region, arch),
        firstTier: LAMBDA_FIRST_TIER_GB_SECONDS[arch],
        tierLabel: arch === "arm64" ? "first 7.5B GB-seconds" : "first 6B GB-seconds",
        problem: memory === null ? `memory_size is unknown (${String(memRaw)})` : undefined,
      }),
    ];
    if (eph !== null && eph > 512)
      out.push({ name: `Ephemeral storage above 512 MB (${eph} MB)`, unit: "GB-seconds", monthlyQuantity: seconds === null ? null : (seconds * (eph - 512)) / 1024, usageKey: "request_duration_ms", priceKey: lambdaEphemeralPrice(r.region), purchaseOption: "usage" });
    return out;
  },
  facts: serviceFacts,
};

export const sfnTransitionsPrice: (region: string) => PriceKey = definePriceFactory("sfn-state-transitions", "AmazonStates", (region) =>
  usagePrice({ suffix: "StateTransition", units: { StateTransitions: { unit: "1k transitions", factor: 1000 }, Transitions: { unit: "1k transitions", factor: 1000 } }, unit: "1k transitions", what: `Step Functions Standard state transitions in ${region}` }),
);
export const sfnExpressRequestsPrice: (region: string) => PriceKey = definePriceFactory("sfn-express-requests", "AmazonStates", (region) =>
  usagePrice({ suffix: "StepFunctions-Request", units: PER_1M("1M requests"), unit: "1M requests", what: `Step Functions Express requests in ${region}` }),
);
export const sfnExpressDurationPrice: (region: string) => PriceKey = definePriceFactory("sfn-express-duration", "AmazonStates", (region) =>
  usagePrice({ suffix: "StepFunctions-GB-Hour", units: { "GB-Hour": { unit: "GB-hours", factor: 1 }, "GB-Hours": { unit: "GB-hours", factor: 1 } }, unit: "GB-hours", what: `Step Functions Express duration (first tier) in ${region}` }),
);

/**
 * `aws_sfn_state_machine`: Standard (default `type`): `monthly_transitions` per 1K; Express: `monthly_requests` per
 * 1M and duration GB-hours = requests × `workflow_duration_ms` (rounded up to 100 ms) × `memory_usage_mb` (rounded
 * up to 64 MB) / 1024, first 1,000 GB-hours priced.
 */
export const awsSfnStateMachine: CatalogEntry = {
  types: ["aws_sfn_state_machine"],
  components(r, ctx) {
    if (literalString(r.attributes.type) !== "EXPRESS")
      return [fromUsage(ctx, { name: "State transitions", unit: "1k transitions", usageKey: "monthly_transitions", priceKey: sfnTransitionsPrice(r.region), per: 1000 })];
    const n = ctx.usage.monthly_requests;
    const ms = ctx.usage.workflow_duration_ms;
    const mb = ctx.usage.memory_usage_mb;
    const gbHours = n === undefined || ms === undefined || mb === undefined ? null : (n * (Math.ceil(ms / 100) * 100) / 1000 / 3600) * ((Math.ceil(mb / 64) * 64) / 1024);
    return [
      fromUsage(ctx, { name: "Requests", unit: "1M requests", usageKey: "monthly_requests", priceKey: sfnExpressRequestsPrice(r.region), per: 1_000_000 }),
      ...firstTierOnly({ name: "Duration", unit: "GB-hours", usageKey: "workflow_duration_ms", quantity: gbHours, priceKey: sfnExpressDurationPrice(r.region), firstTier: 1000, tierLabel: "first 1,000 GB-hours" }),
    ];
  },
  facts: serviceFacts,
};

export type ApiKind = "rest" | "http" | "websocket-messages" | "websocket-minutes";
const API_SUFFIX: Record<ApiKind, string> = { rest: "ApiGatewayRequest", http: "ApiGatewayHttpRequest", "websocket-messages": "ApiGatewayMessage", "websocket-minutes": "ApiGatewayMinute" };
const API_UNIT: Record<ApiKind, string> = { rest: "1M requests", http: "1M requests", "websocket-messages": "1M messages", "websocket-minutes": "1M minutes" };

export const apiGatewayPrice: (region: string, kind: ApiKind) => PriceKey = definePriceFactory("apigateway-requests", "AmazonApiGateway", (region, kind: ApiKind) =>
  usagePrice({
    suffix: API_SUFFIX[kind],
    units: { Requests: { unit: API_UNIT[kind], factor: 1_000_000 }, Messages: { unit: API_UNIT[kind], factor: 1_000_000 }, Minutes: { unit: API_UNIT[kind], factor: 1_000_000 } },
    unit: API_UNIT[kind],
    what: `API Gateway ${kind} (first tier) in ${region}`,
  }),
);

/** `aws_api_gateway_rest_api`: usage-based requests (`monthly_requests`), first 333M a month priced. */
export const awsApiGatewayRestApi: CatalogEntry = {
  types: ["aws_api_gateway_rest_api"],
  components(r, ctx) {
    const n = ctx.usage.monthly_requests;
    return firstTierOnly({ name: "Requests", unit: "1M requests", usageKey: "monthly_requests", quantity: n === undefined ? null : n / 1e6, priceKey: apiGatewayPrice(r.region, "rest"), firstTier: 333, tierLabel: "first 333M requests" });
  },
  facts: serviceFacts,
};

/** `aws_apigatewayv2_api`: HTTP (`monthly_requests`, first 300M) or WebSocket (`monthly_messages`, first 1B; `monthly_connection_mins`). */
export const awsApigatewayv2Api: CatalogEntry = {
  types: ["aws_apigatewayv2_api"],
  components(r, ctx) {
    const u = ctx.usage;
    if (literalString(r.attributes.protocol_type) === "WEBSOCKET")
      return [
        ...firstTierOnly({ name: "Messages", unit: "1M messages", usageKey: "monthly_messages", quantity: u.monthly_messages === undefined ? null : u.monthly_messages / 1e6, priceKey: apiGatewayPrice(r.region, "websocket-messages"), firstTier: 1000, tierLabel: "first 1B messages" }),
        fromUsage(ctx, { name: "Connection minutes", unit: "1M minutes", usageKey: "monthly_connection_mins", priceKey: apiGatewayPrice(r.region, "websocket-minutes"), per: 1_000_000 }),
      ];
    return firstTierOnly({ name: "Requests (HTTP API)", unit: "1M requests", usageKey: "monthly_requests", quantity: u.monthly_requests === undefined ? null : u.monthly_requests / 1e6, priceKey: apiGatewayPrice(r.region, "http"), firstTier: 300, tierLabel: "first 300M requests" });
  },
  facts: serviceFacts,
};

