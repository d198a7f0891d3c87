import { describe, expect, it } from "vitest";
import { parseUsage } from "../../src/pricing/usage.js";
import { priceStack } from "../helpers/stack-plan.js";

// Elastic capacity gives ranges (issue 11): low at minimum capacity, expected at desired, high at maximum.
// g5.xlarge On-Demand in us-east-1 (embedded snapshot): $1.006/h; 730 h a month.

describe("cost ranges from elastic capacity", () => {
  it("an ASG spans min_size..max_size around desired_capacity", async () => {
    const { res } = await priceStack({
      aws_launch_template: { lt: { name: "lt", instance_type: "g5.xlarge" } },
      aws_autoscaling_group: { a: { min_size: 1, desired_capacity: 2, max_size: 5, launch_template: { id: "${aws_launch_template.lt.id}" } } },
    });
    const r = res("aws_autoscaling_group.a");
    // 1 × 730 × 1.006 = 734.38; 2 × = 1,468.76; 5 × = 3,671.90
    expect(r.range.low).toBeCloseTo(734.38, 6);
    expect(r.range.expected).toBeCloseTo(1468.76, 6);
    expect(r.range.high).toBeCloseTo(3671.9, 6);
    expect(r.complete).toBe(true);
    expect(r.facts.maxCapacity).toBe(5);
    expect(r.components[0]!.quantityRange).toEqual({ low: 730, high: 3650 });
  });

  it("each instance's volumes scale with the instances: a launch template's 100 GB gp3 at min, desired and max", async () => {
    const { res } = await priceStack({
      aws_launch_template: { lt: { name: "lt", instance_type: "g5.xlarge", block_device_mappings: [{ device_name: "/dev/xvda", ebs: { volume_size: 100, volume_type: "gp3" } }] } },
      aws_autoscaling_group: { a: { min_size: 1, desired_capacity: 2, max_size: 4, launch_template: { id: "${aws_launch_template.lt.id}" } } },
    });
    const r = res("aws_autoscaling_group.a");
    // Volume: 100 GB × $0.08 (gp3) = $8 per instance: 8 .. 16 .. 32. Instances: 734.38 .. 1,468.76 .. 2,937.52.
    expect(r.components[1]!.quantityRange).toEqual({ low: 100, high: 400 });
    expect(r.range.low).toBeCloseTo(742.38, 6);
    expect(r.range.expected).toBeCloseTo(1484.76, 6);
    expect(r.range.high).toBeCloseTo(2969.52, 6);
  });

  it("an EKS node group spans scaling_config; a usage instance_count fixes it", async () => {
    const ng = { cluster_name: "c", node_role_arn: "arn", subnet_ids: ["s"], instance_types: ["g5.xlarge"], scaling_config: { min_size: 0, desired_size: 1, max_size: 4 } };
    const { res } = await priceStack({ aws_eks_node_group: { gpu: ng } });
    const r = res("aws_eks_node_group.gpu");
    // Node hours: 0 .. 1 × 734.38 .. 4 × 734.38 = 2,937.52; root volume 20 GB gp2 × $0.10 = $2.00 per node, scaled
    // with the nodes: 0 .. 2 .. 8.
    expect(r.components[0]!.costRange!.low).toBe(0);
    expect(r.components[0]!.costRange!.high).toBeCloseTo(2937.52, 6);
    expect(r.components[1]!.quantityRange).toEqual({ low: 0, high: 80 });
    expect(r.range.expected).toBeCloseTo(734.38 + 2, 6);
    expect(r.range.low).toBe(0);
    expect(r.range.high).toBeCloseTo(2937.52 + 8, 6);
    const fixed = await priceStack({ aws_eks_node_group: { gpu: ng } }, { usage: parseUsage("resource_usage:\n  aws_eks_node_group.gpu:\n    instance_count: 3\n", "usage.yml") });
    const f = fixed.res("aws_eks_node_group.gpu");
    expect(f.components[0]!.quantitySource).toBe("usage");
    expect(f.range.low).toBe(f.range.high);
  });

  it("a resource with an unpriced part is a lower bound: high is unknown, not its priced part", async () => {
    const { res, estimate } = await priceStack({ aws_instance: { w: { instance_type: "g5.xlarge", count: "${var.n}" } } });
    const r = res("aws_instance.w");
    expect(r.complete).toBe(false);
    expect(r.range.high).toBeNull();
    expect(estimate.totals.notPriced).toBe(1);
    expect(estimate.totals.range.high).toBeNull();
  });
});

describe("ranges in reports", () => {
  it("the table and the PR comment show an elastic total's range, and a lower bound with what is not priced", async () => {
    const { renderEstimateTable } = await import("../../src/report/estimate-table.js");
    const { renderMarkdownReport } = await import("../../src/report/markdown.js");
    const { estimate } = await priceStack({
      aws_launch_template: { lt: { name: "lt", instance_type: "g5.xlarge" } },
      aws_autoscaling_group: { a: { min_size: 1, desired_capacity: 2, max_size: 5, launch_template: { id: "${aws_launch_template.lt.id}" } } },
    });
    // 1,468.76 expected; 734.38 at min_size 1; 3,671.90 at max_size 5.
    const table = renderEstimateTable(estimate, { width: 200 });
    expect(table).toContain("Total monthly cost: $1,468.76 (range $734.38 – $3,671.90 at minimum and maximum capacity)");
    expect(table).toMatch(/aws_autoscaling_group\.a\s+\$734\.38 – \$3,671\.90/);
    expect(renderMarkdownReport({ estimate })).toContain("**Monthly cost:** \\$1,468.76 (range \\$734.38 – \\$3,671.90 at minimum and maximum capacity)");

    const unknown = await priceStack({ aws_instance: { w: { instance_type: "g5.xlarge", count: "${var.n}" }, v: { instance_type: "g5.xlarge" } } });
    // v: 734.38 + 8 GB gp2 root $0.80 = 735.18 priced; w unknown.
    expect(renderEstimateTable(unknown.estimate, { width: 200 })).toContain("Total monthly cost: ≥ $735.18 + 1 resource not fully priced");
    expect(renderMarkdownReport({ estimate: unknown.estimate })).toContain("**Monthly cost:** ≥ \\$735.18 — a lower bound: 1 resource not fully priced");
  });
});

describe("ranges in FOCUS CSV", () => {
  it("each component row carries its range and where its quantity came from", async () => {
    const { renderFocusCsv } = await import("../../src/report/focus-csv.js");
    const { estimate } = await priceStack({
      aws_launch_template: { lt: { name: "lt", instance_type: "g5.xlarge" } },
      aws_autoscaling_group: { a: { min_size: 1, desired_capacity: 2, max_size: 5, launch_template: { id: "${aws_launch_template.lt.id}" } } },
    });
    const [header, ...rows] = renderFocusCsv(estimate, { now: new Date("2026-11-30T00:00:00Z") }).trim().split("\r\n");
    const cols = header!.split(",");
    // RFC 4180 fields: quoted ones may hold commas (SkuPriceDetails is JSON).
    const fields = (row: string) => [...row.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1]!);
    const cell = (row: string, name: string) => fields(row)[cols.indexOf(name)];
    const asg = rows.find((r) => r.includes("aws_autoscaling_group.a"))!;
    expect(cell(asg, "x_QuantitySource")).toBe("plan");
    expect(Number(cell(asg, "x_CostLow"))).toBeCloseTo(734.38, 6);
    expect(Number(cell(asg, "x_CostHigh"))).toBeCloseTo(3671.9, 6);
  });
});
