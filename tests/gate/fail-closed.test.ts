import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCliCaptured } from "../helpers/run-cli.js";

// The four ways the gate used to fail open (issue 11): each passed `costgate check` and must now fail (exit 1).

const dir = mkdtempSync(join(tmpdir(), "costgate-fail-closed-"));

/** Write a one-stack cdk.tf.json and return its path. */
function stack(name: string, resource: Record<string, unknown>, provider: Record<string, unknown> = { region: "us-east-1" }): string {
  // One folder per input, each holding `app.tf.json`: base and head of a diff then name the same stack.
  mkdirSync(join(dir, name));
  const file = join(dir, name, "app.tf.json");
  writeFileSync(file, JSON.stringify({ provider: { aws: [provider] }, variable: { n: {}, gpu_type: {}, region: {} }, resource }));
  return file;
}

function policy(name: string, yaml: string): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, `apiVersion: costgate.policy/v1\nmetadata: {name: ${name}}\n${yaml}`);
  return file;
}

const tags = { environment: "dev", team: "ml" };

describe("the gate fails closed on what it cannot see", () => {
  it("1. a resource unknown on both sides that changes from m5.large to p5.48xlarge is a change, not 'unchanged'", async () => {
    const base = stack("unknown-base", { aws_instance: { w: { instance_type: "m5.large", count: "${var.n}", tags } } });
    const head = stack("unknown-head", { aws_instance: { w: { instance_type: "p5.48xlarge", count: "${var.n}", tags } } });
    const delta = policy("delta", `rules:
  - {id: DLT-1, description: cap increases, severity: high, enforcement: hard-mandatory, check: {kind: cost-delta, maxIncrease: {absolute: 1000}}}
`);
    const diff = await runCliCaptured(["diff", base, head, "--format", "json"]);
    const resources = JSON.parse(diff.stdout).resources as { address: string; change: string; complete: boolean }[];
    expect(resources.find((r) => r.address === "aws_instance.w")).toMatchObject({ change: "changed", complete: false });

    const { code, stdout } = await runCliCaptured(["check", head, "--base", base, "--policy", delta, "--today", "2026-11-30"]);
    expect(code).toBe(1);
    expect(stdout).toContain("DLT-1");
    expect(stdout).toContain("cannot be shown to be within +$1,000");
  });

  it("2. a bounded exemption does not waive a finding on a fleet of unknown size (the bound is not compared with $0)", async () => {
    const head = stack("fleet", { aws_instance: { fleet: { instance_type: "p5.48xlarge", count: "${var.n}", tags } } });
    const p = policy("exempt", `rules:
  - {id: BUD-1, description: budget, severity: high, enforcement: soft-mandatory, check: {kind: budget, limit: 1000}}
exemptions:
  - {rule: BUD-1, address: "*", reason: small experiments, owner: "@ml", expires: 2099-12-31, maxMonthlyCost: 100}
`);
    const { code, stdout } = await runCliCaptured(["check", head, "--policy", p, "--today", "2026-11-30"]);
    expect(code).toBe(1);
    expect(stdout).toContain("BUD-1");
    expect(stdout).toContain("an unknown amount, over the exemption's $100.00/month bound");
  });

  it("3. `regions: allow` does not pass a provider whose region is an expression or missing", async () => {
    const p = policy("regions", `rules:
  - {id: REG-1, description: US only, severity: high, enforcement: hard-mandatory, check: {kind: regions, allow: [us-east-1]}}
`);
    const expr = stack("region-expr", { aws_instance: { a: { instance_type: "m5.large", tags } } }, { region: "${var.region}" });
    const missing = stack("region-missing", { aws_instance: { a: { instance_type: "m5.large", tags } } }, {});
    for (const head of [expr, missing]) {
      const { code, stdout } = await runCliCaptured(["check", head, "--policy", p, "--today", "2026-11-30"]);
      expect(code).toBe(1);
      expect(stdout).toContain("REG-1");
      expect(stdout).toContain("region is unknown");
    }
    // A literal region that is allowed still passes.
    const literal = stack("region-literal", { aws_instance: { a: { instance_type: "m5.large", tags } } });
    expect((await runCliCaptured(["check", literal, "--policy", p, "--today", "2026-11-30"])).code).toBe(0);
  });

  it("4. GPUs in resource types costgate cannot price count: EMR and spot fleets against gpu-count and instance-types", async () => {
    const p = policy("gpus", `rules:
  - {id: GPU-TOTAL, description: at most 64 GPUs, severity: high, enforcement: hard-mandatory, check: {kind: gpu-count, maxTotal: 64}}
  - {id: GPU-DENY, description: no p5, severity: high, enforcement: hard-mandatory, check: {kind: instance-types, deny: [p5]}}
`);
    const emr = stack("emr", {
      aws_emr_cluster: {
        rapids: {
          name: "rapids",
          release_label: "emr-7.5.0",
          master_instance_group: { instance_type: "m5.xlarge" },
          core_instance_group: { instance_type: "p5.48xlarge", instance_count: 50 },
          tags,
        },
      },
    });
    const fleet = stack("spot-fleet", {
      aws_spot_fleet_request: {
        gpus: { iam_fleet_role: "arn:aws:iam::1:role/f", target_capacity: 40, launch_specification: [{ instance_type: "p5.48xlarge", ami: "ami-1" }], tags },
      },
    });
    for (const [head, gpus] of [[emr, 400], [fleet, 320]] as const) {
      const { code, stdout } = await runCliCaptured(["check", head, "--policy", p, "--today", "2026-11-30"]);
      expect(code).toBe(1);
      expect(stdout).toContain(`has ${gpus} GPUs, over the cap of 64`);
      expect(stdout).toMatch(/GPU-DENY.*p5\.48xlarge is denied \(matches `p5`\)/);
    }
  });

  it("4b. an unresolved instance type could be a GPU: the default policy's hard-mandatory GPU rules fail in dev", async () => {
    const head = stack("gpu-var", {
      aws_instance: { t: { instance_type: "${var.gpu_type}", tags: { ...tags, project: "x", "cost-center": "cc1", owner: "@ml", workload: "training" } } },
      aws_emr_cluster: { e: { name: "e", release_label: "emr-7.5.0", core_instance_group: { instance_type: "${var.gpu_type}", instance_count: 4 }, tags } },
    });
    const { code, stdout } = await runCliCaptured(["check", head, "--policy", "policies/default.yaml", "--today", "2026-11-30"]);
    expect(code).toBe(1);
    const hard = stdout.slice(stdout.indexOf("Hard-mandatory"), stdout.indexOf("Soft-mandatory") > 0 ? stdout.indexOf("Soft-mandatory") : undefined);
    expect(hard).toMatch(/CG-GPU-001 .*aws_instance\.t: instance type is unknown/);
    expect(hard).toMatch(/CG-GPU-001 .*aws_emr_cluster\.e: instance type is unknown/);
    expect(hard).toMatch(/CG-PRC-001 .*aws_emr_cluster\.e/);
  });

  it("elastic capacity: a budget holds only if it holds at maximum capacity", async () => {
    const head = stack("asg", {
      aws_launch_template: { lt: { name: "lt", instance_type: "g5.xlarge" } },
      aws_autoscaling_group: { a: { min_size: 1, desired_capacity: 1, max_size: 10, launch_template: { id: "${aws_launch_template.lt.id}" }, tag: [] } },
    });
    const p = policy("asg-budget", `rules:
  - {id: BUD-2, description: budget, severity: high, enforcement: soft-mandatory, check: {kind: budget, limit: 2000}}
`);
    const { code, stdout } = await runCliCaptured(["check", head, "--policy", p, "--today", "2026-11-30", "--wide"]);
    // g5.xlarge $1.006/h: 1 instance = $734.38 + 8 GB gp2 root; 10 instances ≈ $7,344 — over $2,000 at max capacity.
    expect(code).toBe(1);
    expect(stdout).toMatch(/BUD-2 .*within its \$2,000 budget, but could reach \$7,3\d\d\/month at maximum capacity/);
    const relaxed = policy("asg-budget-advisory", `rules:
  - {id: BUD-2, description: budget, severity: high, enforcement: soft-mandatory, onUnknown: advisory, check: {kind: budget, limit: 2000}}
`);
    expect((await runCliCaptured(["check", head, "--policy", relaxed, "--today", "2026-11-30"])).code).toBe(0);
  });
});
