import { describe, expect, it } from "vitest";
import { runCliCaptured } from "../helpers/run-cli.js";

const plans = "tests/fixtures/policies/plans";
const head = `${plans}/head/ml-dev.tf.json`;
const base = `${plans}/base/ml-dev.tf.json`;

describe("costgate check", () => {
  it("blocks a mandatory violation with exit 1 and prints the verdict, grouped by enforcement", async () => {
    const { code, stdout, stderr } = await runCliCaptured(["check", "--wide", head, "--base", base, "--policy", "policies/default.yaml", "--today", "2026-11-23"]);
    expect(stderr).toBe("");
    expect(code).toBe(1);
    expect(stdout).toMatch(/^costgate check: FAIL — 5 blocking findings \(1 hard-mandatory, 4 soft-mandatory\)\n/);
    expect(stdout).toContain("Monthly cost: $2,140.62 → $21,460.13 (+$19,319.51, +902.5%)");
    expect(stdout).toMatch(/Hard-mandatory \(blocks; cannot be overridden\):\n {2}CG-GPU-001 \[high\] ml-dev\/aws_instance\.trainer: p5\.48xlarge is denied \(matches `p5`\) in dev\n/);
    expect(stdout).toContain("CG-DLT-001 [high] total: total changes by +$19,320/month (+902.5%), $2,141 → $21,460; cap +$10,000 and +25% (combine: all)");
    expect(stdout).toContain("CG-TAG-001 [high] ml-dev/aws_instance.notebook: tag `owner` is empty");
    expect(stdout).toMatch(/Result: blocked \(exit 1\)/);
  });

  it("overrides waive soft-mandatory findings but never the hard one", async () => {
    const { code, stdout } = await runCliCaptured([
      "check", "--wide", head, "--base", base, "--policy", "policies/default.yaml", "--today", "2026-11-23",
      "--override", "*:finops-lead:FINOPS-9 approved for the fine-tuning sprint",
      "--override", "CG-GPU-001:finops-lead:we really want the p5 here",
    ]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^costgate check: FAIL — 1 blocking finding \(1 hard-mandatory\), 4 waived\n/);
    expect(stdout).toContain("CG-DLT-001 total: overridden by finops-lead via cli: FINOPS-9 approved for the fine-tuning sprint");
    expect(stdout).toContain("override of CG-GPU-001 by finops-lead via cli ignored for 1 hard-mandatory finding: hard-mandatory rules cannot be overridden");
  });

  it("shows exempted findings as waived, with owner, expiry and days left; expired exemptions block again", async () => {
    const policy = "tests/fixtures/policies/with-exemption.yaml";
    const ok = await runCliCaptured(["check", "--wide", head, "--policy", policy, "--today", "2026-11-23"]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^costgate check: PASS — 1 waived\n/);
    expect(ok.stdout).toContain(
      "Waived (exempted or overridden; not blocking):\n  CG-GPU-001 ml-dev/aws_instance.trainer: exempted by EX-7 (owner @ml-platform, until 2026-12-01, 8 days left, FINOPS-77): Fine-tuning sprint on p5 until the g6e quota lands",
    );
    expect(ok.stdout).toContain("Exemptions:\n  - exemption EX-7 (tests/fixtures/policies/with-exemption.yaml:12:5) expires in 8 days (2026-12-01)");
    const expired = await runCliCaptured(["check", "--wide", head, "--policy", policy, "--today", "2026-12-02"]);
    expect(expired.code).toBe(1);
    expect(expired.stdout).toContain("exemption EX-7 (tests/fixtures/policies/with-exemption.yaml:12:5) expired on 2026-12-01; it no longer applies");
  });

  it("exits 0 when only advisory findings remain", async () => {
    const { code, stdout } = await runCliCaptured(["check", head, "--base", base, "--policy", "tests/fixtures/policies/advisory-only.yaml"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^costgate check: PASS with advisories — 1 advisory\n/);
    expect(stdout).toContain("Advisory (does not block):\n  ADV-GPU-001 [low] ml-dev/aws_instance.trainer: p5.48xlarge is denied (matches `p5`) in dev");
    expect(stdout).toContain("Result: passed with advisory findings (exit 0).");
  });

  it("exits 0 on a clean pass", async () => {
    const { code, stdout } = await runCliCaptured(["check", base, "--policy", "tests/fixtures/policies/advisory-only.yaml"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^costgate check: PASS — no findings\n/);
    expect(stdout).toContain("rule ADV-DLT-001 (cost-delta) was not evaluated: it compares with a base estimate (pass --base)");
  });

  it("--environment sets the environment of untagged resources (tags win)", async () => {
    const { stdout } = await runCliCaptured(["check", "tests/fixtures/cdktf/untagged.json", "--policy", "tests/fixtures/policies/advisory-only.yaml", "--environment", "dev", "--format", "json"]);
    const v = JSON.parse(stdout);
    expect(v.notes).not.toContainEqual(expect.stringContaining("treated as"));
    const prod = JSON.parse((await runCliCaptured(["check", "tests/fixtures/cdktf/untagged.json", "--policy", "tests/fixtures/policies/advisory-only.yaml", "--format", "json"])).stdout);
    expect(prod.notes).toContainEqual(expect.stringContaining("treated as `prod`"));
  });

  it("prints the verdict as versioned JSON", async () => {
    const { code, stdout } = await runCliCaptured(["check", head, "--base", base, "--policy", "policies/default.yaml", "--format", "json", "--today", "2026-11-23"]);
    expect(code).toBe(1);
    const v = JSON.parse(stdout);
    expect(v).toMatchObject({ schemaVersion: "costgate.verdict/v1", status: "fail", policyFiles: ["policies/default.yaml"], waived: [] });
    expect(v.findings[0]).toMatchObject({
      ruleId: "CG-GPU-001",
      enforcement: "hard-mandatory",
      severity: "high",
      stack: "ml-dev",
      address: "aws_instance.trainer",
      kind: "instance-types",
      environment: "dev",
      policyFile: "policies/default.yaml",
    });
  });

  it("composes central and project policies (project loosening reported)", async () => {
    const { stdout } = await runCliCaptured([
      "check", "--wide", head, "--policy", "tests/fixtures/policies/project-loosens.yaml", "--policy", "policies/examples/central.yaml", "--today", "2026-11-23",
    ]);
    expect(stdout).toContain("Policies: policies/examples/central.yaml, tests/fixtures/policies/project-loosens.yaml");
    expect(stdout).toMatch(/Policy composition:\n {2}- tests\/fixtures\/policies\/project-loosens\.yaml:8:5: project rule CG-GPU-001 would loosen the central rule/);
  });

  it.each([
    [["check", head, "--policy", "tests/fixtures/policies/bad-yaml-syntax.yaml"], /bad-yaml-syntax\.yaml:8:1: YAML syntax error: Missing closing "quote$/],
    [["check", head, "--policy", "tests/fixtures/policies/bad-wrong-type.yaml"], /bad-wrong-type\.yaml:11:14: rules\[0\]\.check\.limit must be a non-negative amount/],
    [["check", head, "--policy", "tests/fixtures/policies/bad-unknown-check.yaml"], /bad-unknown-check\.yaml:10:13: unknown check kind "instance-type"/],
    [["check", head, "--policy", "tests/fixtures/policies/bad-date.yaml"], /bad-date\.yaml:15:14: "2026-02-30" is not a valid date/],
    [["check", head, "--policy", "tests/fixtures/policies/bad-regex.yaml"], /bad-regex\.yaml:12:32: bad regular expression/],
    [["check", head, "--policy", "policies/default.yaml", "--policy", "tests/fixtures/policies/bad-unknown-key.yaml"], /bad-unknown-key\.yaml:12:7: unknown key `combin`/],
    [["check", head], /no policy given; pass --policy <file>/],
    [["check", "--policy", "policies/default.yaml"], /expected exactly one <plan>/],
    [["check", head, "--policy", "nope.yaml"], /nope\.yaml: policy file not found/],
    [["check", head, "--policy", "policies/default.yaml", "--override", "CG-DLT-001"], /bad --override `CG-DLT-001`; expected RULE:approver:reason/],
    [["check", head, "--policy", "policies/default.yaml", "--today", "23/11/2026"], /bad --today `23\/11\/2026`/],
    [["check", head, "--policy", "policies/default.yaml", "--format", "xml"], /unknown --format `xml`; expected one of table, json/],
    [["check", head, "--policy", "policies/default.yaml", "--base", "nope.json"], /nope\.json: no such file or directory/],
  ])("%j exits 2 with one line", async (argv, message) => {
    const { code, stdout, stderr } = await runCliCaptured(argv);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^costgate(?: check)?: error: /);
    expect(stderr.trim()).toMatch(message);
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });

  it("--help", async () => {
    const { code, stdout } = await runCliCaptured(["check", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: costgate check <plan> --policy <file>/);
  });
});
