import { execFileSync, spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { runCliCaptured } from "../helpers/run-cli.js";

describe("costgate estimate", () => {
  it("prints a table per stack, resource and component, with totals, counts and dated sources", async () => {
    const { code, stdout } = await runCliCaptured(["estimate", "examples/synth-output/cdktf.out", "--wide"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^costgate estimate: examples\/synth-output\/cdktf\.out \(2 stacks, 20 resources\)/);
    // The stack has unpriced parts: its cost is a lower bound.
    expect(stdout).toMatch(/training-dev\s+≥ \$54,364\.78/);
    expect(stdout).toMatch(/├─ Instance usage \(Linux\/UNIX, spot, p5\.48xlarge\)\s+1,460\s+hours\s+\$27\.52\s+\$40,179\.20\s+spot-discount 50%; on-demand \$80,358\.40/);
    expect(stdout).toMatch(/Total monthly cost: ≥ \$77,554\.98 \+ 9 resources not fully priced \(at on-demand prices, if spot is unavailable: \$128,815\.49\)/);
    expect(stdout).toMatch(/20 resources: 7 priced, 4 partly unpriced, 1 unpriced, 2 usage-based, 6 free, 0 unsupported/);
    expect(stdout).toMatch(/inference-prod\/aws_eks_node_group\.h200_pool: .*p5e\.48xlarge: no On-Demand price in [a-z0-9-]+ in the embedded snapshot/);
    // The NAT gateway is priced from the us-east-1 rows (730 × $0.045); the log group is usage-based, not unsupported.
    expect(stdout).toMatch(/aws_nat_gateway\.nat\s+≥ \$32\.85/);
    expect(stdout).toMatch(/aws_cloudwatch_log_group\.logs\s+≥ \$0\.00\s+usage-based/);
    expect(stdout).toMatch(/snapshot 2026-07-20: aws\/karpenter-provider-aws/);
  });

  it("prints the versioned JSON estimate without raw attributes", async () => {
    const { code, stdout } = await runCliCaptured(["estimate", "tests/fixtures/tfplan/gpu-plan.json", "--format", "json"]);
    expect(code).toBe(0);
    const e = JSON.parse(stdout);
    expect(e).toMatchObject({ schemaVersion: "costgate.estimate/v2", currency: "USD", hoursPerMonth: 730, format: "terraform-plan" });
    expect(e.stacks[0].resources[0]).not.toHaveProperty("attributes");
    expect(e.stacks[0].resources[0].components[0]).toMatchObject({ priceKey: "ec2-instance|us-east-1|p4d.24xlarge", purchaseOption: "spot", quantitySource: "plan" });
    // v2: every resource, stack and total carries its range and whether it is complete.
    const r = e.stacks[0].resources[0];
    expect(r.range).toEqual({ low: r.monthlyCost, expected: r.monthlyCost, high: r.monthlyCost });
    expect(r.complete).toBe(true);
    expect(e.totals.range.expected).toBe(e.totals.monthlyCost);
    expect(e.totals).toHaveProperty("notPriced");
  });

  it("applies a usage file and the default region", async () => {
    const { stdout } = await runCliCaptured(["estimate", "examples/synth-output/cdktf.out", "--usage", "examples/synth-output/usage.yml", "--format", "json"]);
    const e = JSON.parse(stdout);
    const bucket = e.stacks[0].resources.find((r: { address: string }) => r.address === "aws_s3_bucket.checkpoints");
    expect(bucket.status).toBe("priced");
    expect(bucket.monthlyCost).toBeCloseTo(0.023 * 5000 + 0.005 * 200 + 0.0004 * 1000, 9);
  });

  it.each([
    [["estimate"], /expected exactly one <path>/],
    [["estimate", "nope/"], /^costgate: error: nope\/: no such file or directory\n$/],
    [["estimate", "tests/fixtures/bad/truncated.json"], /^costgate: error: tests\/fixtures\/bad\/truncated\.json:1:\d+: not valid JSON: unexpected end of input\n$/],
    [["estimate", "tests/fixtures/bad/wrong-shape.json"], /wrong-shape\.json at \/: not a recognised input/],
    [["estimate", "tests/fixtures/bad/unknown-type.json"], /unknown-type\.json at \/resource\/aws_instance\/x\/instance_type: unknown instance type `p9\.mega`/],
    [["estimate", "examples/synth-output", "--usage", "tests/fixtures/bad/bad-usage.yml"], /bad-usage\.yml:3:5: unknown usage key `monthly_hours`/],
    [["estimate", "examples/synth-output", "--format", "xml"], /unknown --format `xml`; expected one of table, json/],
    [["estimate", "examples/synth-output", "--bogus"], /^costgate estimate: error: unknown option `--bogus`; see `costgate estimate --help`\n$/],
    [["estimate", "examples/synth-output", "--spot-discount", "99"], /bad --spot-discount `99`/],
  ])("%j fails with one line and exit code 2", async (argv, message) => {
    const { code, stderr, stdout } = await runCliCaptured(argv);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });

  it("lists unknown instance types as unpriced with --allow-unknown-types", async () => {
    const { code, stdout } = await runCliCaptured(["estimate", "tests/fixtures/bad/unknown-type.json", "--allow-unknown-types", "--wide"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/unknown instance type `p9\.mega` \(not in the snapshot's list of EC2 types\)/);
  });

  it("the built bin exits 2 with no stack trace on bad input, 0 on success", () => {
    const bad = spawnSync(process.execPath, ["bin/costgate.js", "estimate", "tests/fixtures/bad/not-json.txt"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^costgate: error: tests\/fixtures\/bad\/not-json\.txt:1:1: not valid JSON: unexpected character "n"\n$/);
    const ok = execFileSync(process.execPath, ["bin/costgate.js", "estimate", "examples/synth-output/cdktf.out", "--format", "json"], { encoding: "utf8" });
    expect(JSON.parse(ok).totals.resources).toBe(20);
  });
});
