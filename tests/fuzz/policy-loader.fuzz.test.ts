import fc from "fast-check";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { loadPlan } from "../../src/plan/load-plan.js";
import { planFromCdktfStack } from "../../src/plan/cdktf-plan.js";
import { composePolicies } from "../../src/policy/compose-policies.js";
import { evaluatePolicies } from "../../src/policy/evaluate-policies.js";
import { parsePolicy } from "../../src/policy/load-policy.js";
import type { LoadedPolicy } from "../../src/policy/policy-document.js";
import type { Verdict } from "../../src/policy/verdict.js";
import { estimatePlans } from "../../src/pricing/estimate-plans.js";
import type { Estimate } from "../../src/pricing/estimate.js";
import { edgeNumber, expectCleanError, hostileString } from "./fuzz-outcome.js";

const SOURCES = ["policies/default.yaml", "policies/examples/central.yaml", "policies/examples/project.yaml", "tests/fixtures/policies/with-exemption.yaml"];
const TODAY = "2026-11-23";

let base: Estimate;
let head: Estimate;
beforeAll(async () => {
  const [h, b] = await estimatePlans([loadPlan("tests/fixtures/policies/plans/head/ml-dev.tf.json"), loadPlan("tests/fixtures/policies/plans/base/ml-dev.tf.json")]);
  head = h!;
  base = b!;
});

/** A verdict is consistent: status follows from the findings, and every finding names a rule of the policies. */
function expectConsistentVerdict(v: Verdict, policies: readonly LoadedPolicy[]): void {
  const ruleIds = new Set(policies.flatMap((p) => (p.document.rules ?? []).map((r) => r.id)));
  const mandatory = v.findings.some((f) => f.enforcement !== "advisory");
  expect(v.status).toBe(mandatory ? "fail" : v.findings.length > 0 ? "advisory" : "pass");
  for (const f of [...v.findings, ...v.waived]) {
    expect(ruleIds.has(f.ruleId)).toBe(true);
    if (f.monthlyCost !== undefined) expect(Number.isFinite(f.monthlyCost)).toBe(true);
  }
  expect(() => JSON.stringify(v)).not.toThrow();
}

/** Parse policy text: a LoadedPolicy, or one clean CostgateError positioned in the file. */
function policyOrError(text: string): LoadedPolicy | undefined {
  try {
    return parsePolicy(text, "p.yaml");
  } catch (err) {
    expectCleanError(err);
    expect(err.message).toMatch(/^p\.yaml(:\d+:\d+)?: /);
    return undefined;
  }
}

const scalar = fc.oneof(hostileString, edgeNumber, fc.boolean(), fc.constant(null), fc.constantFrom("2026-02-30", "2020-01-01", "2099-12-31", "p5*", "*", "^(a+)+$", "(", "hard-mandatory", "advisory"));
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: "small" }, scalar, fc.array(tie("v"), { maxLength: 3 }), fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("kind", "limit", "deny", "allow", "keys", "scope", "environments", "default", "__proto__")), tie("v"), { maxKeys: 3 })),
})).v;

describe("fuzz: policy loader", () => {
  it("random YAML text parses into a policy or fails with one positioned CostgateError", () => {
    const vocabulary = fc.constantFrom(
      "apiVersion: costgate.policy/v1", "metadata: {name: fuzz}", "metadata:", "  name: fuzz", "  layer: project", "rules:", "rules: []",
      "  - id: CG-FZ-001", "    description: A fuzzed rule", "    severity: high", "    enforcement: hard-mandatory", "    enforcement: {default: advisory, prod: soft-mandatory}",
      "    check: {kind: budget, limit: 100}", "    check: {kind: instance-types, deny: [p5]}", "    check: {kind: required-tags, keys: {team: {pattern: '^(a'}}}",
      "    scope: {environments: [dev]}", "exemptions:", "  - rule: CG-FZ-001", "    address: '*'", "    reason: A fuzzed exemption reason", "    owner: '@fuzz'",
      "    expires: 2026-02-30", "    expires: 2020-01-01", "settings: {unresolvedEnvironment: dev}", "overrides: {label: x}", "&a [*a]", "*b", "!!set {a}", "---", "\t- x", "{",
    );
    const lines = fc.array(fc.oneof(vocabulary, fc.string({ maxLength: 20 }), fc.string({ unit: "binary", maxLength: 8 })), { maxLength: 14 });
    fc.assert(fc.property(lines, (ls) => {
      const p = policyOrError(ls.join("\n"));
      if (p) expectConsistentVerdict(evaluatePolicies([p], head, { base, today: TODAY }), [p]);
    }), { numRuns: 500 });
  });

  it("real policies with one value replaced anywhere parse or fail cleanly, and what parses evaluates cleanly", () => {
    const docs = SOURCES.map((f) => parse(readFileSync(f, "utf8")) as unknown);
    const path = fc.array(fc.oneof(fc.nat(6), fc.constantFrom("rules", "exemptions", "metadata", "settings", "overrides", "check", "scope", "enforcement", "kind", "limit", "keys", "deny", "expires", "address", "name", "layer", "id")), { minLength: 1, maxLength: 5 });
    fc.assert(fc.property(fc.nat(SOURCES.length - 1), path, value, (i, p, v) => {
      const doc = structuredClone(docs[i]) as Record<string, unknown>;
      let node: any = doc;
      for (const seg of p.slice(0, -1)) {
        const next = Array.isArray(node) ? node[Number(seg) % Math.max(node.length, 1)] : node?.[seg];
        if (next === null || typeof next !== "object") break;
        node = next;
      }
      if (node !== null && typeof node === "object") node[Array.isArray(node) ? Number(p.at(-1)) % (node.length + 1) || 0 : String(p.at(-1))] = v;
      const policy = policyOrError(stringify(doc));
      if (!policy) return;
      expectConsistentVerdict(evaluatePolicies([policy], head, { base, today: TODAY }), [policy]);
    }), { numRuns: 400 });
  });

  it("real policies with leaves changed to values of the same type evaluate cleanly, or fail with one clean error", () => {
    const docs = SOURCES.map((f) => parse(readFileSync(f, "utf8")) as unknown);
    const leaves = docs.map((d) => leafPaths(d));
    const sameType = {
      string: fc.oneof(hostileString, fc.constantFrom("*", "p5*", "g?.*", "dev", "prod", "training", "2026-11-23", "2026-11-24", "2020-01-01", "aws_instance.*", "*/aws_instance.*", "^s3://", "CG-X-1")),
      number: fc.oneof(fc.nat(100_000), fc.double({ min: 0, max: 1e12, noNaN: true }), fc.constantFrom(0, 0.5, 1e308)),
      boolean: fc.boolean(),
    };
    const change = fc.nat(SOURCES.length - 1).chain((i) =>
      fc.tuple(fc.constant(i), fc.array(fc.nat(leaves[i]!.length - 1), { minLength: 1, maxLength: 2 }), fc.array(fc.tuple(sameType.string, sameType.number, sameType.boolean), { minLength: 2, maxLength: 2 })),
    );
    let evaluated = 0;
    fc.assert(fc.property(change, ([i, picks, values]) => {
      const doc = structuredClone(docs[i]);
      picks.forEach((leaf, n) => {
        const path = leaves[i]![leaf]!;
        const parent = path.slice(0, -1).reduce((o: any, k) => o[k], doc);
        const old = parent[path.at(-1)!];
        const [str, num, bool] = values[n]!;
        parent[path.at(-1)!] = typeof old === "number" ? num : typeof old === "boolean" ? bool : str;
      });
      const policy = policyOrError(stringify(doc));
      if (!policy) return;
      evaluated++;
      expectConsistentVerdict(evaluatePolicies([policy], head, { base, today: TODAY }), [policy]);
    }), { numRuns: 400 });
    // The property is about evaluation: most changed policies must still load.
    expect(evaluated).toBeGreaterThan(60);
  });

  it("composing a valid central policy with a mutated project policy never throws anything but a clean error", () => {
    const central = parsePolicy(readFileSync("policies/examples/central.yaml", "utf8"), "central.yaml");
    const projectDoc = parse(readFileSync("policies/examples/project.yaml", "utf8")) as { rules: Record<string, unknown>[] };
    fc.assert(fc.property(fc.nat(projectDoc.rules.length - 1), fc.constantFrom("check", "scope", "enforcement", "severity", "id", "onUnknown", "enforceFrom"), value, (i, key, v) => {
      const doc = structuredClone(projectDoc);
      doc.rules[i]![key] = v;
      const project = policyOrError(stringify(doc));
      if (!project) return;
      try {
        composePolicies([central, project]);
        expectConsistentVerdict(evaluatePolicies([central, project], head, { base, today: TODAY }), [central, project]);
      } catch (err) {
        expectCleanError(err);
      }
    }), { numRuns: 300 });
  });

  it("the default policy evaluates any estimate of a fuzzed plan without throwing", async () => {
    const policy = parsePolicy(readFileSync("policies/default.yaml", "utf8"), "default.yaml");
    const resource = fc.record({
      instance_type: fc.constantFrom("g5.xlarge", "p5.48xlarge", "p4d.24xlarge", "m5.large", "${var.t}"),
      count: fc.oneof(fc.nat(4), fc.constant("${var.n}")),
      instance_market_options: fc.constantFrom(undefined, { market_type: "spot" }),
      tags: fc.dictionary(fc.oneof(fc.constantFrom("team", "project", "environment", "Environment", "cost-center", "owner", "workload", "checkpoint-uri"), hostileString), fc.oneof(hostileString, fc.constantFrom("dev", "prod", "training", "inference", "s3://ckpt/", "${var.env}")), { maxKeys: 7 }),
    }, { requiredKeys: ["instance_type", "tags"] });
    const stacks = fc.array(fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9_]{0,5}$/), resource, { minKeys: 1, maxKeys: 4 }), { minLength: 1, maxLength: 2 });
    await fc.assert(fc.asyncProperty(stacks, async (list) => {
      const plans = list.map((byName, i) =>
        planFromCdktfStack({ provider: { aws: { region: "us-east-1" } }, resource: { aws_instance: JSON.parse(JSON.stringify(byName)) } }, { stack: `s${i}`, file: `s${i}.json`, defaultRegion: "us-east-1" }),
      );
      const [h, b] = await estimatePlans(plans.length === 2 ? plans : [plans[0]!]);
      const v = evaluatePolicies([policy], h!, { ...(b ? { base: b } : {}), today: TODAY });
      expectConsistentVerdict(v, [policy]);
    }), { numRuns: 200 });
  });
});

/** Paths of every scalar leaf of a parsed YAML document. */
function leafPaths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(v)) return v.flatMap((x, i) => leafPaths(x, [...at, i]));
  if (v !== null && typeof v === "object") return Object.entries(v).flatMap(([k, x]) => leafPaths(x, [...at, k]));
  return [at];
}
