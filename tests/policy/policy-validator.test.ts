import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { policyValidator, POLICY_SCHEMA } from "../../src/policy/policy-schema.js";
// @ts-expect-error: a plain .mjs build script, no type declarations
import { policyValidatorSource } from "../../scripts/policy-validator-source.mjs";

const require = createRequire(import.meta.url);

/** The validator as ajv compiles it at run time, with the options the build script uses. */
function runtimeValidator() {
  const { Ajv2020 } = require("ajv/dist/2020.js");
  const addFormats = require("ajv-formats");
  const ajv = new Ajv2020({ strict: true, allErrors: true, discriminator: true, allowUnionTypes: true, verbose: true });
  addFormats(ajv, ["date", "uri"]);
  ajv.addKeyword({ keyword: "x-expected", schemaType: "string" });
  return ajv.compile(POLICY_SCHEMA);
}

describe("the precompiled policy validator (src/policy/policy-validator.ts)", () => {
  it("is what scripts/build-policy-validator.mjs makes of policies/schema.json today (fresh, like dist/)", () => {
    const committed = readFileSync("src/policy/policy-validator.ts", "utf8");
    expect(committed === policyValidatorSource(), "stale: run `node scripts/build-policy-validator.mjs` (or `npm run build`) and commit it").toBe(true);
  });

  it("gives the same verdict and the same errors as ajv compiling the schema at run time, on every policy file the tests have", () => {
    const dirs = ["policies", "policies/examples", "tests/corpus/policies"];
    const docs = dirs.flatMap((d) => readdirSync(d).filter((f) => /\.ya?ml$/.test(f)).map((f) => `${d}/${f}`));
    expect(docs.length).toBeGreaterThan(10);
    const fresh = runtimeValidator();
    const pre = policyValidator();
    let invalid = 0;
    for (const file of docs) {
      let value: unknown;
      try {
        value = parse(readFileSync(file, "utf8"));
      } catch {
        continue; // YAML syntax errors never reach the schema
      }
      const a = fresh(value);
      const b = pre(value);
      expect(b, file).toBe(a);
      if (!a) {
        invalid++;
        expect(JSON.stringify(pre.errors), file).toBe(JSON.stringify(fresh.errors));
      }
    }
    expect(invalid).toBeGreaterThan(3);
  });
});
