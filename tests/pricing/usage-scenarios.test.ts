import { describe, expect, it } from "vitest";
import { parseUsage, usageFor } from "../../src/pricing/usage.js";
import { scenarioNames, scenarioUsage } from "../../src/pricing/usage-scenarios.js";

const TEXT = `resource_type_default_usage:
  aws_instance: {monthly_hrs: 100, gpu_utilization: 0.5}
resource_usage:
  aws_instance.a: {monthly_requests: 10}
scenarios:
  peak:
    resource_type_default_usage:
      aws_instance: {monthly_hrs: 730}
    resource_usage:
      aws_instance.a: {monthly_requests: 40}
  low: {}
`;

describe("usage scenarios", () => {
  it("a scenario overrides the base values key by key; expected is the base", () => {
    const u = parseUsage(TEXT, "u.yml");
    expect(scenarioNames(u)).toEqual(["expected", "peak", "low"]);
    const r = { type: "aws_instance", address: "aws_instance.a", stack: "s" };
    expect(usageFor(scenarioUsage(u, "expected"), r)).toEqual({ monthly_hrs: 100, gpu_utilization: 0.5, monthly_requests: 10 });
    expect(usageFor(scenarioUsage(u, "peak"), r)).toEqual({ monthly_hrs: 730, gpu_utilization: 0.5, monthly_requests: 40 });
    expect(usageFor(scenarioUsage(u, "low"), r)).toEqual({ monthly_hrs: 100, gpu_utilization: 0.5, monthly_requests: 10 });
  });

  it("bad scenarios are positioned errors", () => {
    expect(() => parseUsage("scenarios:\n  all: {}\n", "u.yml")).toThrow(/2:3: .*`all` is reserved/);
    expect(() => parseUsage("scenarios:\n  peak:\n    resource_usage:\n      aws_instance.a: {monthly_request: 1}\n", "u.yml")).toThrow(/4:24: unknown usage key `monthly_request`/);
    expect(() => parseUsage("scenarios:\n  peak:\n    instance_count: 2\n", "u.yml")).toThrow(/3:5: unknown key `instance_count` in scenario peak/);
  });

  it("a file without scenarios has none", () => {
    expect(scenarioNames(parseUsage("resource_usage:\n  aws_instance.a: {monthly_hrs: 1}\n", "u.yml"))).toEqual([]);
  });
});
