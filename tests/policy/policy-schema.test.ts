import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CHECKS } from "../../src/policy/checks/index.js";
import { loadPolicyFile, parsePolicy } from "../../src/policy/load-policy.js";
import { schemaCheckKinds } from "../../src/policy/policy-schema.js";

describe("policies/schema.json", () => {
  it("declares exactly the check kinds the evaluator implements", () => {
    expect(schemaCheckKinds().map((k) => k.kind).sort()).toEqual(Object.keys(CHECKS).sort());
  });

  it("the shipped policies are valid", () => {
    const files = ["policies/default.yaml", ...readdirSync("policies/examples").map((f) => `policies/examples/${f}`)];
    for (const f of files) expect(loadPolicyFile(f).document.apiVersion).toBe("costgate.policy/v1");
    expect(files).toContain("policies/examples/central.yaml");
    expect(files).toContain("policies/examples/project.yaml");
  });

  it("every shipped rule's description and check parse; the default policy covers the starter rules", () => {
    const ids = (loadPolicyFile("policies/default.yaml").document.rules ?? []).map((r) => `${r.id}:${r.check.kind}`);
    expect(ids).toEqual(
      expect.arrayContaining(["CG-TAG-001:required-tags", "CG-SPOT-001:purchase-option", "CG-SPOT-002:checkpointing", "CG-GPU-001:instance-types", "CG-BUD-001:budget"]),
    );
  });
});

/** The README's policies section: the policy reference. */
const readme = readFileSync("README.md", "utf8");
const section = readme.slice(readme.indexOf("<!-- section:policies -->"), readme.indexOf("<!-- /section:policies -->"));

function yamlBlocks(text: string): string[] {
  return [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

/** Wrap a README snippet into a whole policy document. */
function asDocument(block: string): string {
  const header = "apiVersion: costgate.policy/v1\nmetadata: {name: readme}\n";
  if (/^(#.*\n)*apiVersion:/.test(block)) return block;
  if (block.startsWith("- id:")) return `${header}rules:\n${block.replace(/^/gm, "  ")}`;
  if (/^(exemptions|settings|overrides|rules):/.test(block)) return header + block;
  throw new Error(`README yaml block of unknown shape:\n${block}`);
}

describe("README policy reference", () => {
  it("documents every check kind in the schema, with an example that uses every parameter", () => {
    for (const { kind, parameters } of schemaCheckKinds()) {
      const start = section.indexOf(`#### \`${kind}\``);
      expect(start, `README has no "#### \`${kind}\`" heading`).toBeGreaterThan(0);
      const end = section.indexOf("\n###", start + 5);
      const sub = section.slice(start, end);
      const examples = yamlBlocks(sub).filter((b) => new RegExp(`kind: ${kind}\\b`).test(b));
      expect(examples.length, `no example for ${kind}`).toBeGreaterThan(0);
      for (const p of parameters) expect(examples.join("\n"), `${kind} example lacks ${p}`).toMatch(new RegExp(`\\b${p}:`));
    }
  });

  it("every YAML example in the section is a valid policy (or policy fragment)", () => {
    const blocks = yamlBlocks(section);
    expect(blocks.length).toBeGreaterThan(12);
    blocks.forEach((b, i) => expect(() => parsePolicy(asDocument(b), `README yaml block ${i}`)).not.toThrow());
  });

  it("documents enforcement levels, exemptions, overrides, composition and exit codes", () => {
    for (const heading of ["### Exemptions", "### Overrides", "### Composing central and project policies", "### The Verdict"]) expect(section).toContain(heading);
    for (const level of ["advisory", "soft-mandatory", "hard-mandatory"]) expect(section).toContain(`| \`${level}\` |`);
    expect(section).toMatch(/\*\*Exit codes\*\*: `0`.*`1`.*\n?.*`2`/);
  });
});
