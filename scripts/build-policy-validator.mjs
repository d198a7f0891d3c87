// Compiles the policy JSON Schema (policies/schema.json) into a standalone validator, src/policy/policy-validator.ts
// (committed; `npm run build` regenerates it, tests/policy/policy-schema.test.ts fails when it is stale).
// Loading this module costs a few milliseconds; compiling the schema with ajv at run time cost ~100 ms per run.
//   node scripts/build-policy-validator.mjs            write the file
//   node scripts/build-policy-validator.mjs --check    exit 1 when the committed file differs from a fresh build
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { policyValidatorSource } from "./policy-validator-source.mjs";

const out = fileURLToPath(new URL("../src/policy/policy-validator.ts", import.meta.url));
const fresh = policyValidatorSource();
if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(out, "utf8");
  } catch {}
  if (current !== fresh) {
    console.error("build-policy-validator: src/policy/policy-validator.ts is stale; run `node scripts/build-policy-validator.mjs` and commit it");
    process.exit(1);
  }
  console.log("build-policy-validator: src/policy/policy-validator.ts is up to date");
} else if (readFileSync(out, { encoding: "utf8", flag: "a+" }) !== fresh) writeFileSync(out, fresh);
