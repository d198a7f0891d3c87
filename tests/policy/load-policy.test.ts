import { describe, expect, it } from "vitest";
import { CostgateError } from "../../src/errors.js";
import { loadPolicyFile, parsePolicy } from "../../src/policy/load-policy.js";

const fixture = (name: string) => `tests/fixtures/policies/${name}`;

function errorOf(fn: () => unknown): CostgateError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CostgateError) return e;
    throw e;
  }
  throw new Error("expected a CostgateError");
}

describe("loadPolicyFile: bad policy files give one positioned error each", () => {
  const cases: [string, string][] = [
    ["bad-yaml-syntax.yaml", '8:1: YAML syntax error: Missing closing "quote'],
    ["bad-wrong-type.yaml", '11:14: rules[0].check.limit must be a non-negative amount in USD per month, got a string ("a lot")'],
    [
      "bad-unknown-check.yaml",
      '10:13: unknown check kind "instance-type" in rules[0].check; expected one of required-tags, budget, cost-delta, resource-cost, gpu-count, instance-types, regions, purchase-option, checkpointing, training-limits, inference-scaling, pricing-coverage, node-pool, unit-cost, training-run-cost, idle-gpu-cost, min-utilization',
    ],
    ["bad-date.yaml", '15:14: "2026-02-30" is not a valid date for exemptions[0].expires; expected a date YYYY-MM-DD (the exemption applies through that day, UTC)'],
    ["bad-regex.yaml", "12:32: bad regular expression /^CC-([0-9]{4}$/: Unterminated group"],
    ["bad-unknown-key.yaml", "12:7: unknown key `combin` in rules[0].check (check kind cost-delta); expected one of kind, groupBy, maxIncrease, combine, costBasis, basis"],
    ["bad-missing-combine.yaml", "11:20: both `absolute` and `percent` are set, so `combine` is required: any (either cap fails) or all (both must be exceeded)"],
    [
      "bad-enforcement.yaml",
      '8:18: rules[0].enforcement must be advisory, soft-mandatory or hard-mandatory, or a mapping of environment to level with a `default` (e.g. {default: advisory, prod: hard-mandatory}), got a string ("mandatory")',
    ],
    ["bad-short-reason.yaml", "13:13: exemptions[0].reason is too short; expected a reason of at least 10 characters"],
    ["bad-duplicate-id.yaml", "10:9: duplicate rule id `CG-GPU-001` (also rules[0]); rule ids must be unique"],
  ];
  for (const [file, message] of cases) {
    it(file, () => {
      const e = errorOf(() => loadPolicyFile(fixture(file)));
      expect(e.message).toBe(`${fixture(file)}:${message}`);
      expect(e.file).toBe(fixture(file));
    });
  }

  it("a missing file", () => {
    expect(errorOf(() => loadPolicyFile(fixture("nope.yaml"))).message).toBe(`${fixture("nope.yaml")}: policy file not found`);
  });

  it("an empty file and a wrong apiVersion", () => {
    expect(errorOf(() => parsePolicy("", "p.yaml")).message).toBe("p.yaml:1:1: the policy file is empty; expected apiVersion, metadata and rules");
    expect(errorOf(() => parsePolicy("apiVersion: v2\nmetadata: {name: x}\n", "p.yaml")).message).toBe('p.yaml:1:13: apiVersion must be `costgate.policy/v1`, got "v2"');
  });

  it("a missing required key points at the mapping that lacks it", () => {
    const e = errorOf(() => parsePolicy("apiVersion: costgate.policy/v1\nmetadata: {name: x}\nrules:\n  - id: A-1\n    description: hello there\n    severity: high\n    check: {kind: regions, allow: [us-east-1]}\n", "p.yaml"));
    expect(e.message).toBe("p.yaml:4:5: rules[0] is missing `enforcement`");
  });

  it("a check with none of its optional caps says which it needs", () => {
    const e = errorOf(() => parsePolicy("apiVersion: costgate.policy/v1\nmetadata: {name: x}\nrules:\n  - {id: A-1, description: hello there, severity: high, enforcement: advisory, check: {kind: resource-cost}}\n", "p.yaml"));
    expect(e.message).toBe("p.yaml:4:87: rules[0].check needs at least one of maxHourly, maxMonthly");
  });

  it("counts further problems in the same file", () => {
    const e = errorOf(() => parsePolicy("apiVersion: costgate.policy/v1\nmetadata: {name: X, colour: red}\n", "p.yaml"));
    expect(e.message).toBe('p.yaml:2:18: "X" is not valid for metadata.name; expected a lower-case name of letters, digits and dashes (e.g. acme-central) (and 1 more problem in this file)');
  });

  it("loads a valid file with its layer, owner and rule positions", () => {
    const p = loadPolicyFile("policies/examples/central.yaml");
    expect(p.layer).toBe("central");
    expect(p.name).toBe("acme-central");
    expect(p.positions.rules[0]).toMatch(/^\d+:\d+$/);
  });
});
