import type { ErrorObject, ValidateFunction } from "ajv";
import schema from "../../policies/schema.json" with { type: "json" };
import { validate } from "./policy-validator.js";

/** The policy JSON Schema (`policies/schema.json`), as published for editors. */
export const POLICY_SCHEMA = schema as unknown as Record<string, unknown>;

/**
 * The policy validator (strict ajv, draft 2020-12, all errors, `kind` discriminator, verbose errors, formats date
 * and uri): compiled from the schema at build time (`scripts/build-policy-validator.mjs`, standalone ajv code in
 * `policy-validator.ts`), so a run does not load ajv or compile the schema.
 */
export function policyValidator(): ValidateFunction {
  return validate as ValidateFunction;
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
