/**
 * The bad-input corpus: every file under tests/corpus/{plans,usage,policies} (and the generated inputs below,
 * too big or too binary to keep in git) goes through the CLI in-process. Each must end in a valid report or in
 * exactly one `costgate: error: <file>…` line with exit 2: never an internal error, never a stack trace, never
 * a negative, infinite or silent $0 cost. The tables below say what each one must do, so a change in outcome
 * fails here; a corpus file without an entry fails too.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Estimate } from "../../src/pricing/estimate.js";
import type { Verdict } from "../../src/policy/verdict.js";
import { runCliCaptured } from "../helpers/run-cli.js";
import { assertSoundEstimate } from "./sound-estimate.js";

const CORPUS = "tests/corpus";
const GOOD_PLAN = `${CORPUS}/plans/good.json`;
const TODAY = "2026-01-15";

/** What one input must do: exit 2 with a message matching `error`, or exit 0/1 with JSON that passes `then`. */
type Outcome = { exit: 2; error: RegExp } | { exit: 0 | 1; then?: (json: any) => void };

const bad = (error: RegExp): Outcome => ({ exit: 2, error });
const ok = (then?: (e: Estimate) => void): Outcome => ({ exit: 0, ...(then ? { then } : {}) });
const resources = (e: Estimate) => e.stacks.flatMap((s) => s.resources);
const notes = (e: Estimate) => resources(e).flatMap((r) => r.notes);
const statuses = (e: Estimate) => resources(e).map((r) => `${r.address}:${r.status}`);

const PLANS: Record<string, Outcome> = {
  "good.json": ok((e) => expect(e.totals).toMatchObject({ resources: 3, priced: 1, usageBased: 1, free: 1 })),
  "truncated.json": bad(/:1:\d+: not valid JSON: unterminated string$/),
  "trailing-comma.json": bad(/:1:67: not valid JSON: expected a property name in double quotes$/),
  "single-quotes.json": bad(/:1:2: not valid JSON: expected a property name in double quotes$/),
  "nan-literal.json": bad(/:1:48: not valid JSON: unexpected character "N"$/),
  "comments.json": bad(/:1:1: not valid JSON: unexpected character "\/"$/),
  "empty.json": bad(/: file is empty; expected JSON$/),
  "whitespace.json": bad(/: file is empty; expected JSON$/),
  "null.json": bad(/ at \/: not a recognised input; /),
  "array.json": bad(/ at \/: not a recognised input; /),
  "string.json": bad(/ at \/: not a recognised input; /),
  "number.json": bad(/ at \/: not a recognised input; /),
  "resource-array.json": bad(/ at \/resource: `resource` must be an object of resource types$/),
  "resource-type-string.json": bad(/ at \/resource\/aws_instance: resources of type aws_instance must be an object keyed by name$/),
  "resource-null.json": bad(/ at \/resource\/aws_instance\/trainer: resource aws_instance\.trainer must be an object$/),
  "provider-string.json": bad(/ at \/provider: `provider` must be an object of provider configurations$/),
  "provider-alias-missing.json": bad(/ at \/resource\/aws_instance\/x\/provider: resource refers to provider `aws\.nowhere`/),
  "count-negative.json": bad(/ at \/resource\/aws_instance\/x\/count: `count` must be a non-negative whole number or an expression, got -1$/),
  "count-fraction.json": bad(/\/count: .* got 1\.5$/),
  "count-nan-string.json": bad(/\/count: .* got "NaN"$/),
  "count-object.json": bad(/\/count: .* got an object$/),
  "count-overflow.json": bad(/\/count: .* got Infinity$/),
  "count-huge.json": ok((e) => {
    expect(statuses(e)).toEqual(["aws_instance.x:unpriced"]);
    expect(notes(e)[0]).toMatch(/monthly quantity 7\.3\d*e\+302 hours exceeds 1e\+12; check the resource's sizes and counts/);
  }),
  "count-expression.json": ok((e) => {
    expect(statuses(e)).toEqual(["aws_instance.x:unpriced"]);
    expect(notes(e)[0]).toContain("count is unknown (${var.workers})");
  }),
  "for-each-number.json": bad(/\/for_each: `for_each` must be a map, a set or an expression$/),
  "sizes-negative.json": ok((e) => {
    expect(statuses(e).sort()).toEqual(
      ["aws_autoscaling_group.asg:unpriced", "aws_ebs_volume.scratch:unpriced", "aws_eks_node_group.pool:unpriced", "aws_instance.worker:partial", "aws_launch_template.lt:free"].sort(),
    );
    expect(notes(e).filter((n) => /monthly quantity -\d+ [\w-]+ is negative/.test(n))).toHaveLength(5);
    // Only the worker's instance-hours are counted: no negative amount reduces the total.
    expect(e.totals.monthlyCost).toBeCloseTo(730 * 1.006, 6);
  }),
  "sizes-huge.json": ok((e) => {
    expect(e.totals).toMatchObject({ monthlyCost: 0, unpriced: 2 });
    expect(notes(e)).toEqual(
      expect.arrayContaining([expect.stringMatching(/1e\+308 GB-months exceeds 1e\+12/), expect.stringMatching(/1e\+308 IOPS-months exceeds/), expect.stringMatching(/volume size is unknown/)]),
    );
  }),
  "sizes-strings.json": ok((e) => {
    expect(statuses(e)).toEqual(["aws_ebs_volume.v:unpriced", "aws_ebs_volume.w:unpriced", "aws_ebs_volume.u:priced"]);
    expect(e.totals.monthlyCost).toBeCloseTo(100 * 0.08, 9);
  }),
  "unknown-instance-type.json": bad(/ at \/resource\/aws_instance\/x\/instance_type: unknown instance type `p9\.mega` on aws_instance\.x; /),
  "instance-type-object.json": ok((e) => {
    expect(statuses(e)).toEqual(["aws_instance.x:partial"]);
    expect(notes(e)[0]).toBe('Instance usage (Linux/UNIX, on-demand, unknown type): instance type is not a string ({"family":"g5","size":"xlarge"})');
  }),
  "unknown-resource-type.json": ok((e) => {
    expect(e.totals).toMatchObject({ unsupported: 2, monthlyCost: 0 });
    expect(notes(e)).toEqual([
      "costgate has no pricing for aws_quantum_computer; it is not counted (and not assumed free)",
      "costgate has no pricing for google_compute_instance; it is not counted (and not assumed free)",
    ]);
  }),
  "unknown-region.json": ok((e) => {
    expect(statuses(e)).toEqual(["aws_instance.x:unpriced"]);
    expect(notes(e)[0]).toContain("no On-Demand price for g5.xlarge in mars-north-1");
  }),
  "region-expression.json": ok((e) => expect(e.warnings).toEqual([expect.stringContaining("region expression costgate cannot resolve; assumed us-east-1")])),
  "region-number.json": ok((e) => expect(e.warnings).toEqual([expect.stringContaining("has no region; assumed us-east-1")])),
  "hostile-names.json": ok((e) => {
    const [r] = resources(e);
    expect(r!.name).toBe("x<img src=x onerror=alert(1)>@admin\u001b[2J|a|\n#1 **bold** [link](https://evil.example)");
    expect(r!.tags.team).toBe("@org/everyone <script>alert(1)</script>");
    expect(r!.status).toBe("priced");
  }),
  "hostile-type.json": bad(/ at \/resource\/aws_instance\\n\\u001b\[31mFAKE\/x: resource aws_instance\\n\\u001b\[31mFAKE\.x must be an object$/),
  "proto-keys.json": ok((e) => {
    expect(statuses(e)).toEqual(["__proto__.x:unsupported", "aws_instance.constructor:priced"]);
    expect(Object.getPrototypeOf(e)).toBe(Object.prototype);
  }),
  "asg-count-unknown-volumes.json": ok((e) => {
    // Launch template storage, IOPS and throughput all need the instance count: unpriced, not "usage-based".
    const asg = resources(e).find((r) => r.type === "aws_autoscaling_group")!;
    expect(asg.status).toBe("unpriced");
    expect(asg.components.map((c) => c.unpricedReason)).toEqual(["desired capacity is an expression (${var.n})", "volume count is unknown", "volume count is unknown", "volume count is unknown"]);
  }),
  "tfplan-changes-object.json": bad(/ at \/resource_changes: `resource_changes` must be an array$/),
  // An action costgate does not know is accepted with a warning (Terraform adds actions: `forget` in 1.7).
  "tfplan-unknown-action.json": ok((e) => {
    expect(e.warnings).toContain('main: aws_instance.x: unknown plan action ["explode"]; counted as present (its planned values)');
    expect(e.totals.monthlyCost).toBeCloseTo(730 * 1.006 + 8 * 0.1, 9);
  }),
  "tfplan-empty-actions.json": bad(/\/change\/actions: `actions` must be a non-empty array of strings$/),
  "tfplan-after-string.json": bad(/ at \/resource_changes\/0\/change\/after: `after` must be an object$/),
  "tfplan-address-number.json": bad(/ at \/resource_changes\/0\/address: `address` must be a string$/),
  "tfplan-change-missing.json": bad(/ at \/resource_changes\/0\/change: `change` must be an object with `actions`$/),
  "tfplan-negative-size.json": ok((e) => expect(notes(e)).toEqual(["Storage (gp3, -20 GB): monthly quantity -20 GB-months is negative; check the resource's sizes and counts"])),
  "tfplan-delete-only.json": ok((e) => expect(resources(e).map((r) => [r.action, r.monthlyCost])).toEqual([["delete", 0]])),
  "state.json": bad(/ at \/values: this looks like Terraform state/),
  "manifest-traversal": bad(/manifest\.json at \/stacks\/evil\/synthesizedStackPath: `synthesizedStackPath` must stay inside the output directory$/),
  "manifest-missing-stack": bad(/manifest\.json at \/stacks\/gone\/synthesizedStackPath: stack file stacks\/gone\/cdk\.tf\.json does not exist/),
  "manifest-stacks-list": bad(/manifest\.json at \/stacks: expected a cdktf manifest with a `stacks` object$/),
  "manifest-truncated-stack": bad(/stacks\/dev\/cdk\.tf\.json:1:101: not valid JSON: unterminated string$/),
  "manifest-path-number": bad(/\/synthesizedStackPath: `synthesizedStackPath` must be a string$/),
  "no-manifest": bad(/: directory has no manifest\.json, cdktf\.out\/manifest\.json or cdk\.tf\.json/),
};

const USAGE: Record<string, Outcome> = {
  "good.yml": ok((e) => expect(e.totals).toMatchObject({ priced: 2, usageBased: 0 })),
  "empty.yml": ok(),
  "comment-only.yml": ok(),
  "invalid-yaml.yml": bad(/:3:1: YAML syntax error: Flow map in block collection must be sufficiently indented and end with a \}$/),
  "tab-indent.yml": bad(/:2:1: YAML syntax error: Tabs are not allowed as indentation$/),
  "nan.yml": bad(/:3:18: `monthly_hrs` must be a non-negative number, got NaN$/),
  "infinity.yml": bad(/:3:17: `storage_gb` must be a non-negative number, got Infinity$/),
  "negative.yml": bad(/:3:18: `monthly_hrs` must be a non-negative number, got -5$/),
  "string-number.yml": bad(/:3:18: `monthly_hrs` must be a non-negative number, got "200"$/),
  "huge.yml": ok((e) => {
    expect(e.totals).toMatchObject({ partial: 1 });
    expect(notes(e)).toContain("Standard storage: monthly quantity 1e+300 GB-months exceeds 1e+12; check the resource's sizes and counts");
  }),
  "hours-over-month.yml": bad(/:3:18: `monthly_hrs` cannot exceed 744/),
  "unknown-key.yml": bad(/:3:5: unknown usage key `monthly_hours`; expected one of monthly_hrs, /),
  "proto-key.yml": bad(/:3:5: unknown usage key `__proto__`; /),
  "tostring-key.yml": bad(/:3:5: unknown usage key `toString`; /),
  "set-tag.yml": bad(/:1:23: expected a mapping of resource addresses to usage$/),
  "top-level-list.yml": bad(/:1:1: expected a mapping with `version`/),
  "top-level-scalar.yml": bad(/:1:1: expected a mapping with `version`/),
  "unknown-top-key.yml": bad(/:2:1: unknown key `resource_usages`; /),
  "bad-address.yml": bad(/:2:3: `aws_instance\.trainer\\n\\u001b\[31mforged line` is not a resource address/),
  "bad-type-name.yml": bad(/:2:3: `AWS S3 Bucket` is not a resource type/),
  "duplicate-key.yml": bad(/:4:5: YAML syntax error: Map keys must be unique$/),
  "multi-document.yml": bad(/:2:1: YAML syntax error: Source contains multiple documents/),
  "alias-bomb.yml": bad(/:2:8: YAML error: Excessive alias count indicates a resource exhaustion attack$/),
  "undefined-alias.yml": bad(/:2:25: YAML error: Unresolved alias/),
  "values-list.yml": bad(/:2:25: expected a mapping of usage keys to numbers$/),
  "binary.yml": bad(/:1:1: expected a mapping with `version`/),
};

const verdict = (status: Verdict["status"], then?: (v: Verdict) => void): Outcome => ({
  exit: status === "fail" ? 1 : 0,
  then: (v: Verdict) => {
    expect(v.status).toBe(status);
    then?.(v);
  },
});

const POLICIES: Record<string, Outcome> = {
  "good.yaml": verdict("pass"),
  "empty.yaml": bad(/:1:1: the policy file is empty; expected apiVersion, metadata and rules$/),
  "invalid-yaml.yaml": bad(/:7:1: YAML syntax error: /),
  "top-level-list.yaml": bad(/:1:1: the document must be a mapping, got a list$/),
  "wrong-api-version.yaml": bad(/:1:13: apiVersion must be `costgate\.policy\/v1`, got "costgate\.policy\/v9"$/),
  "rules-mapping.yaml": bad(/:5:3: rules must be a list, got a mapping$/),
  "unknown-kind.yaml": bad(/:9:19: unknown check kind "instance-type" in rules\[0\]\.check; expected one of required-tags, /),
  "unknown-key.yaml": bad(/:9:47: unknown key `allowe` in rules\[0\]\.check \(check kind instance-types\); expected one of kind, allow, deny$/),
  "bad-regex.yaml": bad(/:12:25: bad regular expression \/\^\(team\/: Unterminated group$/),
  "bad-enforcement.yaml": bad(/:8:18: rules\[0\]\.enforcement must be advisory, soft-mandatory or hard-mandatory/),
  "negative-budget.yaml": bad(/:9:34: rules\[0\]\.check\.limit must be at least 0, got -100$/),
  "nan-budget.yaml": bad(/:9:34: rules\[0\]\.check\.limit must be a non-negative amount in USD per month, got a number \(NaN\)$/),
  "duplicate-id.yaml": bad(/:10:9: duplicate rule id `CG-COR-001` \(also rules\[0\]\); rule ids must be unique$/),
  "bad-date.yaml": bad(/:15:14: "2026-02-30" is not a valid date for exemptions\[0\]\.expires; /),
  "expired-exemption.yaml": verdict("fail", (v) => {
    expect(v.findings.map((f) => [f.ruleId, f.address])).toEqual([["CG-COR-001", "aws_instance.trainer"]]);
    expect(v.waived).toEqual([]);
    expect(v.exemptionNotes).toEqual([expect.stringMatching(/^exemption EX-OLD \(.*expired-exemption\.yaml:11:5\) expired on 2025-01-31; it no longer applies$/)]);
  }),
  "live-exemption.yaml": verdict("pass", (v) => expect(v.waived.map((f) => f.ruleId)).toEqual(["CG-COR-001"])),
  "hostile-text.yaml": verdict("fail", (v) => expect(v.findings[0]!.description).toBe("<img src=x onerror=alert(1)> @everyone **no** | pipe | [x](https://evil)")),
  "prototype-names.yaml": verdict("fail", (v) => {
    // Tag keys named like Object.prototype members are ordinary keys: missing here, not found on the prototype.
    expect(v.findings.map((f) => [f.address, f.message])).toEqual([
      ["aws_instance.trainer", "missing tag `constructor`; missing tag `hasOwnProperty`"],
      ["aws_s3_bucket.data", "missing tag `constructor`; missing tag `hasOwnProperty`"],
    ]);
    expect(v.notes).toEqual([expect.stringContaining("no `toString` tag")]);
  }),
  "proto-key.yaml": bad(/:4:1: unknown key `__proto__` in the document; /),
  "alias-bomb.yaml": bad(/:2:8: YAML error: Excessive alias count/),
  "ansi-kind.yaml": bad(/:9:19: unknown check kind "budget\\n\\u001b\[2Jforged: line" in rules\[0\]\.check; /),
  "binary.yaml": bad(/:1:1: the document must be a mapping, got a string \("\\u0000\\u0001\\u0002PK\\u0003\\u0004"\)$/),
};

/** Exit 2 with one clean line naming the file; or exit 0/1 with JSON that is a sound report. */
function expectOutcome(r: { code: number; stdout: string; stderr: string }, file: string, want: Outcome, kind: "estimate" | "verdict"): void {
  expect(r.stderr, file).not.toMatch(/internal error|\n\s+at /);
  if (want.exit === 2) {
    expect({ code: r.code, stdout: r.stdout }, file).toEqual({ code: 2, stdout: "" });
    expect(r.stderr.endsWith("\n") && r.stderr.indexOf("\n") === r.stderr.length - 1, `one line: ${r.stderr}`).toBe(true);
    const line = r.stderr.slice(0, -1);
    // eslint-disable-next-line no-control-regex
    expect(line, "no control characters").not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
    expect(line.length).toBeLessThan(2_700);
    expect(line.startsWith(`costgate: error: ${file}`), line).toBe(true);
    expect(line).toMatch(want.error);
    return;
  }
  expect(r.code, `${file}: ${r.stderr}`).toBe(want.exit);
  const json = JSON.parse(r.stdout);
  if (kind === "estimate") assertSoundEstimate(json);
  want.then?.(json);
}

function filesIn(dir: string): string[] {
  return readdirSync(join(CORPUS, dir)).sort();
}

describe("corpus: plans", () => {
  it("lists an expected outcome for every plan in the corpus", () => {
    expect(filesIn("plans")).toEqual(Object.keys(PLANS).sort());
  });
  for (const [name, want] of Object.entries(PLANS))
    it(name, async () => {
      const file = `${CORPUS}/plans/${name}`;
      expectOutcome(await runCliCaptured(["estimate", file, "--format", "json"]), file, want, "estimate");
    });
});

describe("corpus: usage files", () => {
  it("lists an expected outcome for every usage file in the corpus", () => {
    expect(filesIn("usage")).toEqual(Object.keys(USAGE).sort());
  });
  for (const [name, want] of Object.entries(USAGE))
    it(name, async () => {
      const file = `${CORPUS}/usage/${name}`;
      const r = await runCliCaptured(["estimate", GOOD_PLAN, "--usage", file, "--format", "json"]);
      expectOutcome(r, file, want, "estimate");
    });
});

describe("corpus: policies", () => {
  it("lists an expected outcome for every policy in the corpus", () => {
    expect(filesIn("policies")).toEqual(Object.keys(POLICIES).sort());
  });
  for (const [name, want] of Object.entries(POLICIES))
    it(name, async () => {
      const file = `${CORPUS}/policies/${name}`;
      const r = await runCliCaptured(["check", GOOD_PLAN, "--policy", file, "--format", "json", "--today", TODAY]);
      expectOutcome(r, file, want, "verdict");
    });
});

describe("corpus: generated inputs (too large, deep or binary for git)", () => {
  let dir: string;
  const gen = (name: string, content: string | Buffer) => {
    const file = join(dir, name);
    writeFileSync(file, content);
    return file;
  };
  const stack = (resource: unknown) => JSON.stringify({ provider: { aws: { region: "us-east-1" } }, resource });
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "costgate-corpus-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const DEPTH = 100_000;
  const nested = (leaf: string) => '{"a":'.repeat(DEPTH) + leaf + "}".repeat(DEPTH);

  it("an attribute nested 100,000 levels deep", async () => {
    const file = gen("deep-attribute.json", `{"resource":{"aws_instance":{"x":{"instance_type":"g5.xlarge","user_data":${nested("1")}}}}}`);
    expectOutcome(await runCliCaptured(["estimate", file]), file, bad(/ at \/resource\/aws_instance\/x\/user_data(\/a)+: value nested more than 200 levels deep; /), "estimate");
  });

  it("a for_each set nested 100,000 levels deep", async () => {
    const file = gen("deep-for-each.json", `{"resource":{"aws_instance":{"x":{"instance_type":"g5.xlarge","for_each":[${nested("1")}]}}}}`);
    expectOutcome(await runCliCaptured(["estimate", file]), file, bad(/ at \/resource\/aws_instance\/x\/for_each\/0(\/a)+: value nested more than 200 levels deep/), "estimate");
  });

  it("invalid JSON nested 1,000,000 levels deep", async () => {
    const file = gen("deep-invalid.json", "[".repeat(1_000_000));
    expectOutcome(await runCliCaptured(["estimate", file]), file, bad(/:1:2002: not valid JSON: nesting too deep$/), "estimate");
  });

  it("a Terraform plan whose after_unknown and module calls nest 100,000 levels deep", async () => {
    const change = (afterUnknown: string) =>
      `{"format_version":"1.2","resource_changes":[{"address":"aws_instance.x","type":"aws_instance","name":"x","change":{"actions":["create"],"after":{"instance_type":"g5.xlarge"},"after_unknown":${afterUnknown}}}]}`;
    const a = gen("deep-after-unknown.json", change(nested("true")));
    expectOutcome(await runCliCaptured(["estimate", a]), a, bad(/ at \/resource_changes\/0\/change\/after_unknown(\/a)+: value nested more than 200 levels deep/), "estimate");
    const modules = '{"module_calls":{"m":{"module":'.repeat(DEPTH) + "{}" + "}}}".repeat(DEPTH);
    const b = gen("deep-modules.json", `{"format_version":"1.2","resource_changes":[],"configuration":{"root_module":${modules}}}`);
    expectOutcome(await runCliCaptured(["estimate", b]), b, bad(/ at \/configuration\/root_module: modules nested more than 200 levels deep$/), "estimate");
  });

  it("a 20 MB instance type: one short error line", async () => {
    const file = gen("huge-instance-type.json", stack({ aws_instance: { x: { instance_type: `g5.${"x".repeat(20_000_000)}` } } }));
    expectOutcome(await runCliCaptured(["estimate", file]), file, bad(/unknown instance type `g5\.x+…\(\d+ characters cut\)…x+` on aws_instance\.x; /), "estimate");
  });

  it("a 1 MB tag value is priced, and a tag policy rejects it quickly instead of running its pattern over it", async () => {
    const owner = `a@${"a.".repeat(500_000)} `; // quadratic for the default policy's owner pattern
    const tags = { team: "ml", project: "corpus", environment: "dev", "cost-center": "CC-1", owner };
    const file = gen("huge-tag.json", stack({ aws_instance: { x: { instance_type: "g5.xlarge", tags } } }));
    expectOutcome(await runCliCaptured(["estimate", file, "--format", "json"]), file, ok((e) => expect(resources(e)[0]!.tags.owner).toHaveLength(owner.length)), "estimate");
    const t0 = performance.now();
    const r = await runCliCaptured(["check", file, "--policy", "policies/default.yaml", "--format", "json", "--today", TODAY]);
    expect(performance.now() - t0).toBeLessThan(5_000);
    expectOutcome(r, file, verdict("fail", (v) => expect(v.findings.map((f) => f.message)).toContain(`tag \`owner\` is ${owner.length} characters long; AWS allows at most 256`)), "verdict");
  });

  const goodStack = stack({ aws_instance: { x: { instance_type: "g5.xlarge" } } });
  const priced = ok((e) => expect(e.totals).toMatchObject({ priced: 1, resources: 1 }));

  it("UTF-8 with a byte order mark", async () => {
    const file = gen("bom-utf8.json", "\uFEFF" + goodStack);
    expectOutcome(await runCliCaptured(["estimate", file, "--format", "json"]), file, priced, "estimate");
  });

  it("UTF-16 with a byte order mark (Windows PowerShell's `>`), little- and big-endian", async () => {
    const le = gen("utf16le.json", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(goodStack, "utf16le")]));
    expectOutcome(await runCliCaptured(["estimate", le, "--format", "json"]), le, priced, "estimate");
    const be = gen("utf16be.json", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(goodStack, "utf16le").swap16()]));
    expectOutcome(await runCliCaptured(["estimate", be, "--format", "json"]), be, priced, "estimate");
  });

  it("invalid UTF-8 bytes in a name are read, not a crash", async () => {
    const file = gen("bad-utf8.json", Buffer.concat([Buffer.from('{"resource":{"aws_s3_bucket":{"b'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('":{}}}}')]));
    expectOutcome(await runCliCaptured(["estimate", file, "--format", "json"]), file, ok((e) => expect(resources(e)[0]!.name).toBe("b\ufffd(\ufffd")), "estimate");
  });

  it("a directory where a file is expected, and a file where a directory is expected", async () => {
    mkdirSync(join(dir, "usage-dir"));
    const usage = join(dir, "usage-dir");
    expectOutcome(await runCliCaptured(["estimate", GOOD_PLAN, "--usage", usage]), usage, bad(/: cannot read usage file \(EISDIR\)$/), "estimate");
    const stackFile = join(dir, "manifest-to-dir");
    mkdirSync(join(stackFile, "stacks", "dev", "cdk.tf.json"), { recursive: true });
    writeFileSync(join(stackFile, "manifest.json"), JSON.stringify({ version: "0.21.0", stacks: { dev: { name: "dev", synthesizedStackPath: "stacks/dev/cdk.tf.json" } } }));
    const r = await runCliCaptured(["estimate", stackFile]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^costgate: error: .*stacks\/dev\/cdk\.tf\.json: cannot read file \(EISDIR\)\n$/);
  });

  it("hostile names in the terminal table stay on their row, without terminal escapes", async () => {
    const r = await runCliCaptured(["estimate", `${CORPUS}/plans/hostile-names.json`, "--wide"]);
    expect(r.code).toBe(0);
    // eslint-disable-next-line no-control-regex
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    const row = r.stdout.split("\n").find((l) => l.includes("onerror"));
    expect(row).toContain("#1 **bold**");
    // Fitted to 80 columns, the names are cut in the middle, still one line each and no escapes.
    const narrow = await runCliCaptured(["estimate", `${CORPUS}/plans/hostile-names.json`], { COLUMNS: "80" });
    // eslint-disable-next-line no-control-regex
    expect(narrow.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(Math.max(...narrow.stdout.split("\n").map((l) => l.length))).toBeLessThanOrEqual(80);
  });
});
