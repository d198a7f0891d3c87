import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPlan } from "../../src/plan/load-plan.js";
import { pairLoneStacks } from "../../src/plan/pair-lone-stacks.js";
import { stripSetupTerraformWrapper } from "../../src/plan/setup-terraform-wrapper.js";
import { estimatePlan } from "../../src/pricing/estimate-plans.js";

const tmp = mkdtempSync(join(tmpdir(), "costgate-inputs-"));
const write = (name: string, text: string) => {
  const file = join(tmp, name);
  mkdirSync(join(file, ".."), { recursive: true });
  writeFileSync(file, text);
  return file;
};
const s3Plan = readFileSync("tests/fixtures/field-cases/plan-s3-computed-region/plan.json", "utf8");

describe("setup-terraform wrapper around `terraform show -json` (item 12)", () => {
  it("strips the [command] line and ::debug:: lines, loads the plan and says so", () => {
    const file = write(
      "wrapped.json",
      `[command]/home/runner/work/_temp/0b6c/terraform-bin show -json tfplan\n${s3Plan.trim()}\n::debug::Terraform exited with code 0.\n::debug::stdout: {"format_version":"1.2"}\n::debug::stderr: \n::debug::exitcode: 0\n`,
    );
    const plan = loadPlan(file);
    expect(plan.format).toBe("terraform-plan");
    expect(plan.resources.map((r) => r.address)).toEqual(["aws_s3_bucket.checkpoints"]);
    expect(plan.warnings[0]).toMatch(/removed the hashicorp\/setup-terraform wrapper's lines .*terraform_wrapper: false/);
  });

  it("also when the JSON has no newline before the first workflow command (CRLF lines too)", () => {
    const json = JSON.stringify(JSON.parse(s3Plan));
    const out = stripSetupTerraformWrapper(`[command]C:\\hostedtoolcache\\terraform-bin.exe show -json p\r\n${json}::debug::Terraform exited with code 0.\r\n::set-output name=exitcode::0\r\n`);
    expect(out).toEqual({ text: json, stripped: true });
    expect(stripSetupTerraformWrapper('{"a":1}')).toEqual({ text: '{"a":1}', stripped: false });
  });

  it("a wrapped file that is still not JSON is reported at its position, exit 2 style", () => {
    const file = write("wrapped-bad.json", "[command]/x/terraform-bin show -json p\n{not json\n::debug::x\n");
    expect(() => loadPlan(file)).toThrow(/wrapped-bad\.json:1:2: not valid JSON/);
  });
});

describe("stack names of lone cdk.tf.json files (item 10)", () => {
  const stack = (meta?: string) =>
    JSON.stringify({
      ...(meta ? { "//": { metadata: { stackName: meta, version: "0.21.0" } } } : {}),
      provider: { aws: [{ region: "us-east-1" }] },
      resource: { aws_instance: { x: { instance_type: "g5.xlarge", root_block_device: { volume_size: 10, volume_type: "gp3" } } } },
    });

  it("takes `//.metadata.stackName` when present, else the folder name", () => {
    expect(loadPlan(write("a/cdk.tf.json", stack("training-dev"))).stacks).toEqual(["training-dev"]);
    const lone = loadPlan(write("b/cdk.tf.json", stack()));
    expect(lone.stacks).toEqual(["b"]);
    expect(lone.stackNamedByFolder).toBe(true);
  });

  it("pairs a folder-named lone stack with the other side's single stack; named stacks keep their names", async () => {
    const [base, head] = pairLoneStacks(loadPlan(write("c/cdk.tf.json", stack("ml-dev"))), loadPlan(write("d/cdk.tf.json", stack())));
    expect([base.stacks, head.stacks, head.resources[0]!.stack]).toEqual([["ml-dev"], ["ml-dev"], "ml-dev"]);
    const named = pairLoneStacks(loadPlan(write("e/cdk.tf.json", stack("one"))), loadPlan(write("f/cdk.tf.json", stack("two"))));
    expect(named.map((p) => p.stacks[0])).toEqual(["one", "two"]);
    // Priced the same: 730 × $1.006 + 10 × $0.08 = $735.18 on each side
    expect((await estimatePlan(head)).stacks[0]).toMatchObject({ name: "ml-dev" });
    expect((await estimatePlan(head)).totals.monthlyCost).toBeCloseTo(730 * 1.006 + 0.8, 9);
  });
});

describe("module calls in cdk.tf.json (item 4)", () => {
  it("every module call is listed as not counted, naming its source; resources beside it are priced", async () => {
    const file = write(
      "mods/cdk.tf.json",
      JSON.stringify({
        provider: { aws: [{ region: "us-east-1" }] },
        module: { vpc: { source: "terraform-aws-modules/vpc/aws", version: "5.1.0", cidr: "10.0.0.0/16" }, local: { source: "./modules/gpu" } },
        resource: { aws_instance: { x: { instance_type: "g5.xlarge", root_block_device: { volume_size: 10, volume_type: "gp3" } } } },
      }),
    );
    const plan = loadPlan(file);
    expect(plan.resources.map((r) => [r.address, r.type])).toEqual([
      ["aws_instance.x", "aws_instance"],
      ["module.vpc", "module"],
      ["module.local", "module"],
    ]);
    expect(plan.warnings).toEqual([
      "mods: module.vpc (terraform-aws-modules/vpc/aws 5.1.0) is a module call; costgate does not expand modules, so its resources are not counted",
      "mods: module.local (./modules/gpu) is a module call; costgate does not expand modules, so its resources are not counted",
    ]);
    const e = await estimatePlan(plan);
    // $735.18 counted; 2 unpriced module calls
    expect(e.totals).toMatchObject({ resources: 3, priced: 1, unpriced: 2 });
    expect(e.totals.monthlyCost).toBeCloseTo(730 * 1.006 + 0.8, 9);
    expect(e.stacks[0]!.resources[2]!.facts).toEqual({ instanceTypes: [], instanceCount: null, gpusPerInstance: null });
  });

  it("a module block that is not an object is bad input naming the place", () => {
    const file = write("badmod/cdk.tf.json", JSON.stringify({ module: { m: "x" } }));
    expect(() => loadPlan(file)).toThrow(/badmod\/cdk\.tf\.json at \/module\/m: module m must be an object/);
  });
});
