import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderSarif } from "../../src/report/sarif.js";
import { resourceLines, resourceLocator, sourceFrame } from "../../src/report/source-locations.js";
import { runCliCaptured } from "../helpers/run-cli.js";
import { estimate, finding, resource, verdict } from "./markdown-fixtures.js";

/** 1-based line of the first line of `text` that contains `needle`. */
const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;

// A repository with a construct source file and a cdktf output whose metadata carries a stack trace (as cdktf
// writes it when traces are on: frames without "at ", node_modules frames first).
const root = mkdtempSync(join(tmpdir(), "costgate-sarif-"));
mkdirSync(join(root, "constructs"), { recursive: true });
writeFileSync(join(root, "constructs", "trainer.ts"), "export class Trainer {\n  constructor() {\n    new Instance(this, 'instance');\n  }\n}\n");
const traced = {
  "//": {
    metadata: {
      path: "ml-train/trainer/instance",
      uniqueId: "trainer_instance_2764374F",
      stackTrace: [
        `new TerraformResource (${root}/node_modules/cdktf/lib/terraform-resource.js:23:9)`,
        `new Instance (${root}/node_modules/@cdktf/provider-aws/lib/instance/index.js:1034:9)`,
        `new Trainer (file://${root}/constructs/trainer.ts:3:5)`,
        `Object.<anonymous> (${root}/main.ts:12:1)`,
        "node:internal/modules/cjs/loader:1554:14",
      ],
    },
  },
  instance_type: "p5.48xlarge",
};
const stackJson = { provider: { aws: [{ region: "us-east-1" }] }, resource: { aws_s3_bucket: { logs: { bucket: "x" } }, aws_instance: { "trainer_instance_2764374F": traced, plain: { instance_type: "g5.xlarge" } } } };
const stackText = JSON.stringify(stackJson, null, 2);
mkdirSync(join(root, "cdktf.out", "stacks", "ml-train"), { recursive: true });
writeFileSync(join(root, "cdktf.out", "stacks", "ml-train", "cdk.tf.json"), stackText);
writeFileSync(join(root, "cdktf.out", "manifest.json"), JSON.stringify({ version: "0.21.0", stacks: { "ml-train": { name: "ml-train", synthesizedStackPath: "stacks/ml-train/cdk.tf.json" } } }));

const est = estimate(
  [
    { ...resource({ address: "aws_instance.trainer_instance_2764374F", stack: "ml-train", hourly: 55.04 }), attributes: traced, constructPath: "ml-train/trainer/instance" },
    { ...resource({ address: "aws_instance.plain", stack: "ml-train", hourly: 1 }), constructPath: "ml-train/plain" },
  ],
  { input: join(root, "cdktf.out") },
);
const v = verdict([
  finding({ ruleId: "CG-GPU-001", enforcement: "hard-mandatory", stack: "ml-train", address: "aws_instance.trainer_instance_2764374F", message: "p5 denied" }),
  finding({ ruleId: "CG-TAG-001", enforcement: "advisory", stack: "ml-train", address: "aws_instance.plain", message: "missing tag" }),
  finding({ ruleId: "CG-BUD-001", enforcement: "soft-mandatory", group: "total", message: "over budget" }),
]);
const results = renderSarif(v, est, { locate: resourceLocator(est, { root }) }).runs[0]!.results;

describe("SARIF locations", () => {
  it("points at the construct's source file and line when the metadata has a stack trace (first frame outside node_modules)", () => {
    const loc = results[0]!.locations[0]!;
    expect(loc.physicalLocation.artifactLocation.uri).toBe("constructs/trainer.ts");
    expect(loc.physicalLocation.region).toEqual({ startLine: 3, startColumn: 5 });
    // The synthesized resource is a related location, at its own line.
    const related = results[0]!.relatedLocations![0]!.physicalLocation;
    expect(related.artifactLocation.uri).toBe("cdktf.out/stacks/ml-train/cdk.tf.json");
    expect(related.region.startLine).toBe(lineOf(stackText, '"trainer_instance_2764374F": {'));
    expect(related.region.startLine).toBeGreaterThan(1);
  });

  it("names the construct path as the logical location", () => {
    expect(results[0]!.locations[0]!.logicalLocations).toEqual([
      { name: "aws_instance.trainer_instance_2764374F", fullyQualifiedName: "ml-train/trainer/instance", kind: "resource" },
    ]);
    expect(results[1]!.locations[0]!.logicalLocations![0]!.fullyQualifiedName).toBe("ml-train/plain");
  });

  it("without a stack trace, points at the resource's line in cdk.tf.json", () => {
    const loc = results[1]!.locations[0]!.physicalLocation;
    expect(loc.artifactLocation.uri).toBe("cdktf.out/stacks/ml-train/cdk.tf.json");
    expect(loc.region.startLine).toBe(lineOf(stackText, '"plain": {'));
    expect(results[1]!.relatedLocations).toBeUndefined();
  });

  it("a finding about the whole plan keeps line 1 of the fallback file; without a locator every result does", () => {
    expect(results[2]!.locations[0]!.physicalLocation.region).toEqual({ startLine: 1 });
    const plain = renderSarif(v, est).runs[0]!.results;
    expect(plain.map((r) => r.locations[0]!.physicalLocation.region.startLine)).toEqual([1, 1, 1]);
  });

  it("reads stack frames: file URLs, repo-relative paths, skipping node_modules, node internals and files outside the root", () => {
    expect(sourceFrame([`x (${root}/node_modules/a.js:1:1)`, "node:internal/x:1:1", "y (/elsewhere/b.ts:4:2)", `new A (${root}/constructs/trainer.ts:3:5)`], root)).toEqual({
      file: "constructs/trainer.ts",
      line: 3,
      column: 5,
    });
    expect(sourceFrame(["not a frame", 42], root)).toBeUndefined();
  });

  it("finds resource lines in a terraform plan's resource_changes", () => {
    const plan = JSON.stringify({ format_version: "1.2", resource_changes: [{ address: "aws_instance.a", type: "aws_instance" }, { address: "module.m.aws_instance.b[0]", type: "aws_instance" }] }, null, 2);
    const lines = resourceLines(plan, "plan.json", "terraform-plan");
    expect(lines.get("module.m.aws_instance.b[0]")!.line).toBe(lineOf(plan, '"address": "module.m.aws_instance.b[0]"') - 1);
  });

  it("costgate check --format sarif points every resource finding at its line in the synthesized stack", async () => {
    const example = "examples/synth-output/cdktf.out";
    const { stdout } = await runCliCaptured(["check", example, "--policy", "policies/default.yaml", "--format", "sarif", "--today", "2026-11-23"]);
    const rs = JSON.parse(stdout).runs[0].results as { properties: { address?: string; stack?: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[];
    const withAddress = rs.filter((r) => r.properties.address);
    expect(withAddress.length).toBeGreaterThan(0);
    for (const r of withAddress) {
      const { uri } = r.locations[0]!.physicalLocation.artifactLocation;
      expect(uri).toBe(`${example}/stacks/${r.properties.stack}/cdk.tf.json`);
      const text = readFileSync(uri, "utf8");
      const name = r.properties.address!.slice(r.properties.address!.indexOf(".") + 1);
      expect(text.split("\n")[r.locations[0]!.physicalLocation.region.startLine - 1]).toContain(`"${name}": {`);
    }
  });
});
