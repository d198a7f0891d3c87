import { describe, expect, it } from "vitest";
import { environmentMatches, environmentOfName } from "../../src/policy/environment-name.js";
import { enforcementIn } from "../../src/policy/compose-policies.js";
import { limitFor } from "../../src/policy/groups.js";
import { loadPolicyFile } from "../../src/policy/load-policy.js";
import type { BudgetCheck } from "../../src/policy/policy-document.js";
import type { PolicyResource } from "../../src/policy/policy-resource.js";
import { inScope } from "../../src/policy/scope.js";
import type { ResourceEstimate } from "../../src/pricing/estimate.js";

/** Common spellings, with prefixes and suffixes, and the environment each stands for. */
const NAMES: [string, string | undefined][] = [
  ["dev", "dev"],
  ["development", "dev"],
  ["ml-dev", "dev"],
  ["dev-eu-1", "dev"],
  ["team_development_2", "dev"],
  ["Dev", "dev"],
  ["test", "test"],
  ["qa-test", "test"],
  ["staging", "staging"],
  ["stage", "staging"],
  ["llm-stage-2", "staging"],
  ["staging.eu", "staging"],
  ["prod", "prod"],
  ["production", "prod"],
  ["ml-prod", "prod"],
  ["prod-us-east-1", "prod"],
  ["Production", "prod"],
  // Not environments: words that merely contain one, names with two different environments, nothing.
  ["devops", undefined],
  ["product", undefined],
  ["dev-to-prod", undefined],
  ["training", undefined],
];

describe("environment names by segments (issue 15 item 11)", () => {
  it.each(NAMES)("%s → %s", (name, env) => {
    expect(environmentOfName(name)).toBe(env);
  });

  it("a selector matches any spelling of its environment, and exact names as before", () => {
    expect(environmentMatches("dev", "development")).toBe(true);
    expect(environmentMatches("prod", "ml-production")).toBe(true);
    expect(environmentMatches("staging", "dev")).toBe(false);
    expect(environmentMatches("sandbox", "sandbox")).toBe(true);
    expect(environmentMatches("dev", "devops")).toBe(false);
  });

  const policy = loadPolicyFile("policies/default.yaml").document;
  const rule = (id: string) => policy.rules!.find((r) => r.id === id)!;
  const resource = (environment: string, workload?: "inference"): PolicyResource => ({
    estimate: {
      address: "aws_instance.x",
      stack: "s",
      type: "aws_instance",
      region: "us-east-1",
      action: "create",
      tags: {},
      unknownTags: [],
      facts: { instanceTypes: ["g5.xlarge"], instanceCount: 1, gpusPerInstance: 1, ...(workload ? { workload } : {}) },
    } as unknown as ResourceEstimate,
    key: "s/aws_instance.x",
    environment: environment.toLowerCase(),
    environmentSource: "tag",
  });

  it.each(NAMES)("every default rule's scope and level for environment %s", (name, env) => {
    const applies = (id: string, workload?: "inference") => inScope(rule(id).scope, resource(name, workload));
    // Rules without an environment scope apply everywhere.
    for (const id of ["CG-TAG-001", "CG-BUD-001", "CG-DLT-001", "CG-PRC-001"]) expect(applies(id)).toBe(true);
    expect(applies("CG-GPU-001")).toBe(env === "dev");
    expect(applies("CG-GPU-002")).toBe(env === "dev" || env === "staging");
    expect(applies("CG-INF-001", "inference")).toBe(env === "dev" || env === "staging");
    expect(enforcementIn(rule("CG-TAG-001").enforcement, name.toLowerCase())).toBe(env === "prod" ? "hard-mandatory" : "soft-mandatory");
  });

  it.each(NAMES)("the default budget of a stack named %s", (name, env) => {
    const check = rule("CG-BUD-001").check as BudgetCheck;
    expect(limitFor(name, check.limit, check.limits)).toBe(env === "dev" ? 10_000 : 50_000);
  });
});
