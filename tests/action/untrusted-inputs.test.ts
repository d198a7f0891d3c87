import { describe, expect, it } from "vitest";
import { synthEnv } from "../../src/action/base-synth.js";
import { restrictUntrustedPolicy } from "../../src/action/untrusted-policy.js";
import { parsePolicy } from "../../src/policy/load-policy.js";

const policy = (extra: string, metadata = "{name: p}") => `apiVersion: costgate.policy/v1
metadata: ${metadata}
rules:
  - {id: PRJ-1, description: No p5 here, severity: high, enforcement: hard-mandatory, check: {kind: instance-types, deny: ["p5.48xlarge"]}}
${extra}`;

describe("restrictUntrustedPolicy (a policy file not on the base commit)", () => {
  it("keeps rules and loads the file as a project policy (no layer declared means central otherwise)", () => {
    const p = restrictUntrustedPolicy(parsePolicy(policy(""), "new.yaml"));
    expect(p.layer).toBe("project");
    expect(p.document.rules?.map((r) => r.id)).toEqual(["PRJ-1"]);
    expect(restrictUntrustedPolicy(parsePolicy(policy("", "{name: p, layer: project}"), "new.yaml")).layer).toBe("project");
  });

  it.each([
    ["exemptions", policy(`exemptions:\n  - {rule: CG-BUD-001, address: "*", reason: because we can, owner: dev, expires: 2099-12-31}\n`), /^new\.yaml:6:5: `exemptions` in a policy file that is not on the base commit/],
    ["overrides", policy("overrides: {label: yolo}\n"), /^new\.yaml: `overrides` in a policy file that is not on the base commit .* is refused: such a policy may only add or tighten rules/],
    ["settings", policy("settings: {unresolvedEnvironment: dev}\n"), /^new\.yaml: `settings` in a policy file/],
    ["a central layer", policy("", "{name: p, layer: central}"), /^new\.yaml: `metadata\.layer: central` in a policy file/],
  ])("refuses %s", (_what, text, message) => {
    expect(() => restrictUntrustedPolicy(parsePolicy(text, "new.yaml"))).toThrow(message);
  });
});

describe("synthEnv (the synth-command environment is an allow-list)", () => {
  const env = {
    PATH: "/bin",
    HOME: "/home/r",
    LANG: "C.UTF-8",
    LC_ALL: "C",
    HTTPS_PROXY: "http://proxy:3128",
    NPM_TOKEN: "npm_x",
    TF_TOKEN_app_terraform_io: "tf_x",
    ARM_CLIENT_SECRET: "arm_x",
    AWS_SECRET_ACCESS_KEY: "aws_x",
    GITHUB_TOKEN: "ghs_x",
    GITHUB_ENV: "/runner/_temp/_runner_file_commands/set_env_1",
    GITHUB_PATH: "/p",
    GITHUB_OUTPUT: "/o",
    RUNNER_TEMP: "/runner/_temp",
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: "oidc",
    "INPUT_GITHUB-TOKEN": "ghs_y",
    CDKTF_LOG_LEVEL: "debug",
  };

  it("passes only the allow-list, and listed extras", () => {
    expect(synthEnv(env)).toEqual({ PATH: "/bin", HOME: "/home/r", LANG: "C.UTF-8", LC_ALL: "C", HTTPS_PROXY: "http://proxy:3128" });
    expect(synthEnv(env, ["CDKTF_LOG_LEVEL"]).CDKTF_LOG_LEVEL).toBe("debug");
  });

  it("never passes runner command files, RUNNER_TEMP, GitHub tokens or OIDC variables, even when listed", () => {
    const out = synthEnv(env, ["GITHUB_ENV", "GITHUB_PATH", "GITHUB_OUTPUT", "RUNNER_TEMP", "GITHUB_TOKEN", "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "INPUT_GITHUB-TOKEN"]);
    expect(Object.keys(out).sort()).toEqual(["HOME", "HTTPS_PROXY", "LANG", "LC_ALL", "PATH"]);
  });
});
