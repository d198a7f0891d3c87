import { describe, expect, it } from "vitest";
import { runCliCaptured } from "../helpers/run-cli.js";

const plans = "tests/fixtures/policies/plans";
const head = `${plans}/head/ml-dev.tf.json`;
const base = `${plans}/base/ml-dev.tf.json`;

describe("costgate diff", () => {
  it("prints totals, per-stack and per-resource monthly deltas, largest change first", async () => {
    const { code, stdout } = await runCliCaptured(["diff", base, head, "--wide"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^costgate diff: .*base\/ml-dev\.tf\.json → .*head\/ml-dev\.tf\.json\n/);
    expect(stdout).toContain("Monthly cost: $2,140.62 → $21,460.13 (+$19,319.51, +902.5%)");
    expect(stdout).toMatch(/ml-dev\s+changed\s+\$2,140\.62\s+\$21,460\.13\s+\+\$19,319\.51\s+\+902\.5%/);
    const rows = stdout.split("\n").filter((l) => l.startsWith("ml-dev/"));
    expect(rows.map((l) => l.split(/\s+/).slice(0, 2).join(" "))).toEqual([
      "ml-dev/aws_instance.trainer changed",
      "ml-dev/aws_instance.notebook added",
      "ml-dev/aws_instance.old_box removed",
    ]);
    expect(rows[0]).toMatch(/\$2,078\.28\s+\$20,097\.60\s+\+\$18,019\.32/);
    expect(rows[2]).toMatch(/\$62\.34\s+\$0\.00\s+-\$62\.34/);
  });

  it("says when nothing changed and hides unchanged resources", async () => {
    const { stdout } = await runCliCaptured(["diff", "examples/synth-output/cdktf.out", "examples/synth-output/cdktf.out"]);
    expect(stdout).toContain("Monthly cost: $77,554.98 → $77,554.98 ($0.00, +0.0%)");
    expect(stdout).toContain("No resource changed cost.");
    expect(stdout).toMatch(/20 unchanged resources not shown\./);
  });

  it("flags resources whose price is incomplete, so a delta is never read as complete", async () => {
    const { stdout } = await runCliCaptured(["diff", "examples/synth-output/cdktf.out", head, "--wide"]);
    expect(stdout).toMatch(/training-dev\s+removed\s+\$54,364\.78\s+\$0\.00\s+-\$54,364\.78/);
    expect(stdout).toMatch(/ml-dev\s+added\s+\$0\.00\s+\$21,460\.13\s+\+\$21,460\.13\s+new/);
    expect(stdout).toMatch(/training-dev\/aws_instance\.scaled\s+removed\s+\$0\.00\s+\$0\.00\s+\$0\.00\s+base unpriced/);
    expect(stdout).toMatch(/Not fully priced \(their unpriced parts are not in the delta\): .*training-dev\/aws_instance\.scaled/);
  });

  it("prints the versioned JSON diff", async () => {
    const { code, stdout } = await runCliCaptured(["diff", base, head, "--format", "json"]);
    expect(code).toBe(0);
    const d = JSON.parse(stdout);
    expect(d.schemaVersion).toBe("costgate.diff/v2");
    expect(d.totals.delta).toBeCloseTo(19_319.51, 1);
    expect(d.stacks).toEqual([expect.objectContaining({ name: "ml-dev", change: "changed" })]);
    expect(d.resources.map((r: { address: string; change: string }) => [r.address, r.change])).toEqual([
      ["aws_instance.trainer", "changed"],
      ["aws_instance.notebook", "added"],
      ["aws_instance.old_box", "removed"],
    ]);
    expect(d.resources[0]).not.toHaveProperty("head");
    expect(d.head.schemaVersion).toBe("costgate.estimate/v2");
    expect(d.head.stacks[0].resources[0]).not.toHaveProperty("attributes");
  });

  it.each([
    [["diff", base], /expected <base> and <head>/],
    [["diff", base, "nope.json"], /nope\.json: no such file or directory/],
    [["diff", base, head, "--format", "csv"], /unknown --format `csv`/],
  ])("%j exits 2 with one line", async (argv, message) => {
    const { code, stderr } = await runCliCaptured(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });
});
