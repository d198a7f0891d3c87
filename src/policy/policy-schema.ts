import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import * as formats from "ajv-formats";
import schema from "../../policies/schema.json" with { type: "json" };

/** The policy JSON Schema (`policies/schema.json`), as published for editors. */
export const POLICY_SCHEMA = schema as unknown as Record<string, unknown>;

let compiled: ValidateFunction | undefined;

/** The compiled validator (strict ajv, draft 2020-12, all errors, `kind` discriminator). Compiled once. */
export function policyValidator(): ValidateFunction {
  if (compiled) return compiled;
  const ajv = new Ajv2020({ strict: true, allErrors: true, discriminator: true, allowUnionTypes: true, verbose: true });
  const addFormats = ((formats as unknown as { default?: unknown }).default ?? formats) as (a: Ajv2020, f: string[]) => void;
  addFormats(ajv, ["date", "uri"]);
  // An annotation only: the human wording of what a value should be, used in error messages.
  ajv.addKeyword({ keyword: "x-expected", schemaType: "string" });
  compiled = ajv.compile(POLICY_SCHEMA);
  return compiled;
}

export type SchemaError = ErrorObject;

interface CheckVariant {
  title?: string;
  description?: string;
  properties: Record<string, { const?: string }>;
}

/** Every check kind the schema accepts, with its one-line description (schema order). */
export function schemaCheckKinds(): { kind: string; description: string; parameters: string[] }[] {
  const defs = POLICY_SCHEMA.$defs as Record<string, { oneOf?: CheckVariant[] }>;
  return (defs.check!.oneOf ?? []).map((v) => ({
    kind: v.properties.kind!.const!,
    description: v.description ?? "",
    parameters: Object.keys(v.properties).filter((k) => k !== "kind"),
  }));
}
