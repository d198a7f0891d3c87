import { describe, expect, it } from "vitest";
import { didYouMean, editDistance, nearest } from "../../src/suggest.js";
import { runCliCaptured } from "../helpers/run-cli.js";

describe("did you mean", () => {
  it("measures edits and offers only near candidates", () => {
    expect(editDistance("--prise", "--prices")).toBe(2);
    expect(nearest("--prise", ["--prices", "--policy", "--region", "--format"])).toEqual(["--prices"]);
    expect(didYouMean("xyz", ["estimate", "check"])).toBe("");
  });

  it("an unknown option names the command once and suggests the flag", async () => {
    const r = await runCliCaptured(["check", "plan.json", "--policyy", "p.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("costgate check: error: unknown option `--policyy` (did you mean `--policy`?); see `costgate check --help`\n");
  });

  it("an unknown command gets a suggestion, not the whole usage", async () => {
    const r = await runCliCaptured(["estmate"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("costgate: error: unknown command `estmate` (did you mean `estimate`?); see `costgate --help`\n");
  });

  it("a bad --prices value has no doubled prefix", async () => {
    const r = await runCliCaptured(["estimate", "examples/synth-output/cdktf.out", "--prices", "foo"]);
    expect(r.stderr).toBe("costgate: error: unknown --prices `foo`; expected auto, snapshot or aws\n");
  });

  it("--help lists every command with its key options", async () => {
    const r = await runCliCaptured(["--help"]);
    for (const s of ["costgate estimate", "costgate diff", "costgate check", "costgate pricing refresh", "--policy", "--base", "--override", "--usage", "--format", "--prices", "--allow-unknown-types"])
      expect(r.stdout).toContain(s);
  });
});
