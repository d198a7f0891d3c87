import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { INPUT_DEFAULTS, envInputReader, readInputs } from "../../src/action/inputs.js";

const actionYml = parse(readFileSync(new URL("../../action.yml", import.meta.url), "utf8")) as {
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string };
};

describe("action.yml", () => {
  it("runs the committed bundle on node24", () => {
    expect(actionYml.runs).toEqual({ using: "node24", main: "dist/index.js" });
  });

  it("has the same defaults the code applies (a bare `node dist/index.js` gets no runner defaults)", () => {
    const declared = Object.fromEntries(
      Object.entries(actionYml.inputs)
        .filter(([name, i]) => i.default !== undefined && i.default !== "" && name !== "github-token")
        .map(([name, i]) => [name, String(i.default)]),
    );
    expect(declared).toEqual(INPUT_DEFAULTS);
    expect(actionYml.inputs["github-token"]!.default).toBe("${{ github.token }}");
  });

  it("declares exactly the inputs the action reads", () => {
    const read = new Set<string>();
    readInputs((name) => (read.add(name), name === "path" ? "cdktf.out" : ""));
    expect([...read].sort()).toEqual(Object.keys(actionYml.inputs).sort());
  });
});

describe("readInputs", () => {
  const env = (extra: Record<string, string>) => envInputReader({ INPUT_PATH: "cdktf.out", ...extra });

  it("applies defaults and reads hyphenated names the way the runner sets them", () => {
    const inputs = readInputs(env({ "INPUT_GITHUB-TOKEN": "tok", "INPUT_FAIL-ON": "any", INPUT_POLICY: "policies/a.yaml\n\n# comment\n  policies/b.yaml  \n" }));
    expect(inputs).toMatchObject({
      path: "cdktf.out",
      githubToken: "tok",
      failOn: "any",
      comment: "update",
      policySource: "base",
      prices: "snapshot",
      policies: ["policies/a.yaml", "policies/b.yaml"],
      commentAuthor: "github-actions[bot]",
      commentWhenUnchanged: false,
      topResources: 10,
    });
  });

  it("rejects bad values with one line naming the input", () => {
    expect(() => readInputs(envInputReader({}))).toThrow("input `path` is required");
    expect(() => readInputs(env({ INPUT_COMMENT: "sticky" }))).toThrow("input `comment` must be one of update, new, delete-and-new, off, got `sticky`");
    expect(() => readInputs(env({ "INPUT_FAIL-ON": "sometimes" }))).toThrow("input `fail-on` must be one of mandatory, any, never");
    expect(() => readInputs(env({ "INPUT_COMMENT-WHEN-UNCHANGED": "yes" }))).toThrow("input `comment-when-unchanged` must be true or false");
    expect(() => readInputs(env({ "INPUT_TOP-RESOURCES": "-1" }))).toThrow("input `top-resources` must be a whole number");
  });
});
