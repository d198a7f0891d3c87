import { describe, expect, it } from "vitest";
import { parseUsage, usageFor, loadUsageFile } from "../../src/pricing/usage.js";

describe("usage file", () => {
  const u = parseUsage(
    [
      "version: 0.1",
      "resource_type_default_usage:",
      "  aws_instance:",
      "    monthly_hrs: 200",
      "resource_usage:",
      "  aws_instance.worker[*]:",
      "    monthly_hrs: 100",
      "  aws_instance.worker[2]:",
      "    monthly_hrs: 50",
      "  dev/aws_s3_bucket.b:",
      "    storage_gb: 10",
    ].join("\n"),
    "u.yml",
  );

  it("merges type defaults, wildcards and exact addresses (exact wins)", () => {
    expect(usageFor(u, { type: "aws_instance", address: "aws_instance.other", stack: "s" })).toEqual({ monthly_hrs: 200 });
    expect(usageFor(u, { type: "aws_instance", address: "aws_instance.worker[0]", stack: "s" })).toEqual({ monthly_hrs: 100 });
    expect(usageFor(u, { type: "aws_instance", address: "aws_instance.worker[2]", stack: "s" })).toEqual({ monthly_hrs: 50 });
    expect(usageFor(u, { type: "aws_s3_bucket", address: "aws_s3_bucket.b", stack: "dev" })).toEqual({ storage_gb: 10 });
    expect(usageFor(u, { type: "aws_s3_bucket", address: "aws_s3_bucket.b", stack: "prod" })).toEqual({});
  });

  it.each([
    ["resource_usage:\n  aws_instance.x:\n    monthly_hrz: 5\n", /u\.yml:3:5: unknown usage key `monthly_hrz`; expected one of monthly_hrs/],
    ["resource_usage:\n  aws_instance.x:\n    monthly_hrs: -1\n", /u\.yml:3:18: `monthly_hrs` must be a non-negative number, got -1/],
    ["resource_usage:\n  aws_instance.x:\n    monthly_hrs: lots\n", /u\.yml:3:18: `monthly_hrs` must be a non-negative number, got "lots"/],
    ["resource_usage:\n  aws_instance.x:\n    monthly_hrs: 900\n", /cannot exceed 744/],
    ["resource_usage: [1, 2]\n", /u\.yml:1:17: expected a mapping of resource addresses/],
    ["resources: {}\n", /u\.yml:1:1: unknown key `resources`/],
    ["resource_usage:\n  x: {monthly_hrs: 1\n", /u\.yml:\d+:\d+: YAML syntax error/],
    ["resource_usage:\n  not an address:\n    monthly_hrs: 1\n", /is not a resource address/],
  ])("rejects %j with a positioned error", (text, message) => {
    expect(() => parseUsage(text, "u.yml")).toThrow(message);
  });

  it("names a missing file", () => {
    expect(() => loadUsageFile("tests/fixtures/none.yml")).toThrow(/none\.yml: cannot read usage file \(ENOENT\)/);
  });
});

describe("usage file YAML aliases", () => {
  it("an alias used before its anchor is one positioned error, not a crash", () => {
    expect(() => parseUsage("resource_usage:\n  x: *nope\n", "u.yml")).toThrow(/^u\.yml:2:6: YAML error: Unresolved alias/);
  });

  it("an alias bomb is refused", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]", "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]", "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]", "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]"].join("\n");
    expect(() => parseUsage(bomb, "u.yml")).toThrow(/^u\.yml:\d+:\d+: YAML error: /);
  });
});
