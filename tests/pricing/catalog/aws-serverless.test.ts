import { describe, expect, it } from "vitest";
import { parseUsage } from "../../../src/pricing/usage.js";
import { productDocument } from "../../fakes/price-list-documents.js";
import { priceStackLive } from "../../helpers/live-stack.js";
import { priceStack } from "../../helpers/stack-plan.js";

const usage = (address: string, values: Record<string, number>) =>
  parseUsage(`resource_usage:\n  ${address}:\n${Object.entries(values).map(([k, v]) => `    ${k}: ${v}`).join("\n")}\n`, "u.yml");

describe("aws_lambda_function", () => {
  it("prices requests and x86_64 GB-seconds (us-east-1: $0.20/1M, $0.0000166667/GB-s)", async () => {
    const { res } = await priceStack({ aws_lambda_function: { f: { function_name: "f", memory_size: 512 } } }, { usage: usage("aws_lambda_function.f", { monthly_requests: 10_000_000, request_duration_ms: 200 }) });
    const c = res("aws_lambda_function.f").components;
    // 10M requests × 0.2 s × 0.5 GB = 1,000,000 GB-s
    expect(c.map((x) => [x.name, x.monthlyQuantity, x.unitPrice])).toEqual([
      ["Requests", 10, 0.2],
      ["Duration (x86_64, 512 MB)", 1_000_000, 0.0000166667],
    ]);
    // 2.00 + 16.6667
    expect(res("aws_lambda_function.f").monthlyCost).toBeCloseTo(18.6667, 10);
  });

  it("prices arm64 duration and ephemeral storage above 512 MB", async () => {
    const { res } = await priceStack(
      { aws_lambda_function: { f: { function_name: "f", memory_size: 1024, architectures: ["arm64"], ephemeral_storage: { size: 10240 } } } },
      { usage: usage("aws_lambda_function.f", { monthly_requests: 1_000_000, request_duration_ms: 1000 }) },
    );
    const c = res("aws_lambda_function.f").components;
    expect(c.map((x) => [x.monthlyQuantity, x.unitPrice])).toEqual([[1, 0.2], [1_000_000, 0.0000133334], [9_500_000, 3.09e-8]]);
    // 0.20 + 13.3334 + 9.5M × 0.0000000309 = 0.29355 → 13.82695
    expect(res("aws_lambda_function.f").monthlyCost).toBeCloseTo(13.82695, 10);
  });

  it("leaves duration beyond the first tier unpriced, and is usage-based without usage", async () => {
    const { res } = await priceStack(
      { aws_lambda_function: { big: { function_name: "b", memory_size: 1024 }, idle: { function_name: "i" } } },
      { usage: usage("aws_lambda_function.big", { monthly_requests: 1_000_000_000, request_duration_ms: 10_000 }) },
    );
    const c = res("aws_lambda_function.big").components;
    expect(c[1]).toMatchObject({ name: "Duration (x86_64, 1024 MB) (first 6B GB-seconds)", monthlyQuantity: 6e9 });
    expect(c[2]).toMatchObject({ monthlyQuantity: 4e9, monthlyCost: null });
    expect(c[2]!.unpricedReason).toMatch(/never priced at the first tier's rate/);
    expect(res("aws_lambda_function.idle")).toMatchObject({ status: "usage-based", complete: false });
  });
});

describe("aws_sfn_state_machine", () => {
  it("prices Standard transitions ($0.025/1K) and Express requests and GB-hours", async () => {
    const u = parseUsage(
      "resource_usage:\n  aws_sfn_state_machine.std:\n    monthly_transitions: 1000000\n  aws_sfn_state_machine.exp:\n    monthly_requests: 1000000\n    workflow_duration_ms: 150\n    memory_usage_mb: 100\n",
      "u.yml",
    );
    const { res } = await priceStack({ aws_sfn_state_machine: { std: { name: "s", definition: "{}" }, exp: { name: "e", type: "EXPRESS", definition: "{}" } } }, { usage: u });
    expect(res("aws_sfn_state_machine.std").monthlyCost).toBeCloseTo(25, 10); // 1,000 × 0.025
    // 1M × 0.2 s (150 → 200 ms) / 3600 × 0.125 GB (100 → 128 MB) = 6.94444 GB-h × 0.060012 = 0.41675; + 1 × $1.00
    const e = res("aws_sfn_state_machine.exp").components;
    expect(e[1]!.monthlyQuantity).toBeCloseTo(6.944444444, 8);
    expect(res("aws_sfn_state_machine.exp").monthlyCost).toBeCloseTo(1 + (1e6 * 0.2 / 3600) * 0.125 * 0.060012, 10);
  });
});

describe("aws_api_gateway_rest_api, aws_apigatewayv2_api", () => {
  it("price REST ($3.50/1M), HTTP ($1.00/1M) and WebSocket messages ($1.00/1M) and minutes ($0.25/1M)", async () => {
    const u = parseUsage(
      "resource_usage:\n  aws_api_gateway_rest_api.rest:\n    monthly_requests: 10000000\n  aws_apigatewayv2_api.http:\n    monthly_requests: 10000000\n  aws_apigatewayv2_api.ws:\n    monthly_messages: 5000000\n    monthly_connection_mins: 2000000\n",
      "u.yml",
    );
    const { res } = await priceStack({ aws_api_gateway_rest_api: { rest: { name: "r" } }, aws_apigatewayv2_api: { http: { name: "h", protocol_type: "HTTP" }, ws: { name: "w", protocol_type: "WEBSOCKET" } } }, { usage: u });
    expect(res("aws_api_gateway_rest_api.rest").monthlyCost).toBeCloseTo(35, 10);
    expect(res("aws_apigatewayv2_api.http").monthlyCost).toBeCloseTo(10, 10);
    expect(res("aws_apigatewayv2_api.ws").monthlyCost).toBeCloseTo(5.5, 10);
  });

  it("price REST requests beyond the first 333M as unpriced", async () => {
    const { res } = await priceStack({ aws_api_gateway_rest_api: { rest: { name: "r" } } }, { usage: usage("aws_api_gateway_rest_api.rest", { monthly_requests: 400_000_000 }) });
    const c = res("aws_api_gateway_rest_api.rest").components;
    expect(c.map((x) => [x.monthlyQuantity, x.monthlyCost === null ? null : Math.round(x.monthlyCost * 100) / 100])).toEqual([[333, 1165.5], [67, null]]);
  });

  it("live: Lambda through the loopback Price List API (requests and GB-seconds are separate usage types)", async () => {
    const l = (usagetype: string, unit: string, usd: string) => productDocument({ serviceCode: "AWSLambda", productFamily: "Serverless", region: "eu-west-1", attributes: { usagetype, group: "AWS-Lambda" }, dimensions: [{ unit, usd }] });
    const { res, warnings } = await priceStackLive(
      { aws_lambda_function: { f: { function_name: "f", memory_size: 2048 } } },
      [l("EU-Request", "Requests", "0.0000002000"), l("EU-Request-ARM", "Requests", "0.0000002000"), l("EU-Lambda-GB-Second", "Second", "0.0000166667"), l("EU-Lambda-GB-Second-ARM", "Second", "0.0000133334")],
      { region: "eu-west-1", usage: usage("aws_lambda_function.f", { monthly_requests: 5_000_000, request_duration_ms: 100 }) },
    );
    // 5 × 0.20 = 1.00; 5M × 0.1 s × 2 GB = 1,000,000 GB-s × 0.0000166667 = 16.6667
    expect(res("aws_lambda_function.f").monthlyCost).toBeCloseTo(17.6667, 9);
    expect(warnings).toEqual([]);
  });
});
