import { CostgateError } from "../errors.js";
import { readInputFile } from "../read-input-file.js";
import { parseYamlWithPositions, positionOf, type PositionedYaml } from "../yaml-positions.js";
import { checkDefinition } from "./checks/index.js";
import type { LoadedPolicy, PolicyDocument } from "./policy-document.js";
import { policyValidator } from "./policy-schema.js";
import { throwSchemaErrors } from "./schema-errors.js";

/** Read, parse and validate one policy file. Every problem is one positioned CostgateError (exit 2). */
export function loadPolicyFile(file: string): LoadedPolicy {
  return parsePolicy(readInputFile(file, "policy file", "policy file not found"), file);
}

/** Load several policy files (e.g. central + project), in the order given. */
export function loadPolicyFiles(files: readonly string[]): LoadedPolicy[] {
  return files.map(loadPolicyFile);
}

/** Parse and validate policy text: YAML syntax, the JSON Schema, then what the schema cannot say. */
export function parsePolicy(text: string, file: string): LoadedPolicy {
  const y = parseYamlWithPositions(text, file);
  if (y.value === null || y.value === undefined) throw new CostgateError("the policy file is empty; expected apiVersion, metadata and rules", file, "1:1");
  const validate = policyValidator();
  if (!validate(y.value)) throwSchemaErrors(y, validate.errors ?? []);
  const doc = y.value as PolicyDocument;
  checkSemantics(y, doc);
  return {
    file,
    name: doc.metadata.name,
    layer: doc.metadata.layer ?? "central",
    ...(doc.metadata.owner ? { owner: doc.metadata.owner } : {}),
    document: doc,
    positions: {
      rules: (doc.rules ?? []).map((_, i) => positionOf(y, ["rules", i])),
      exemptions: (doc.exemptions ?? []).map((_, i) => positionOf(y, ["exemptions", i])),
    },
  };
}

function checkSemantics(y: PositionedYaml, doc: PolicyDocument): void {
  const fail = (path: (string | number)[], msg: string): never => {
    throw new CostgateError(msg, y.file, positionOf(y, path));
  };
  const seen = new Map<string, number>();
  (doc.rules ?? []).forEach((rule, i) => {
    const prev = seen.get(rule.id);
    if (prev !== undefined) fail(["rules", i, "id"], `duplicate rule id \`${rule.id}\` (also rules[${prev}]); rule ids must be unique`);
    seen.set(rule.id, i);
    for (const p of checkDefinition(rule.check.kind).validate?.(rule.check) ?? []) fail(["rules", i, "check", ...p.path], p.message);
  });
  const ids = new Map<string, number>();
  (doc.exemptions ?? []).forEach((ex, i) => {
    if (ex.id === undefined) return;
    const prev = ids.get(ex.id);
    if (prev !== undefined) fail(["exemptions", i, "id"], `duplicate exemption id \`${ex.id}\` (also exemptions[${prev}])`);
    ids.set(ex.id, i);
  });
}
