import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import * as formats from "ajv-formats";
import schema from "../../../policies/price-book.schema.json" with { type: "json" };

/** The price-book JSON Schema (`policies/price-book.schema.json`), as published for editors. */
export const PRICE_BOOK_SCHEMA = schema as unknown as Record<string, unknown>;

let compiled: ValidateFunction | undefined;

/** The compiled validator (strict ajv, draft 2020-12, all errors; `required` in `oneOf` branches names properties declared beside it). Compiled once. */
export function priceBookValidator(): ValidateFunction {
  if (compiled) return compiled;
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true, allowUnionTypes: true, verbose: true });
  const addFormats = ((formats as unknown as { default?: unknown }).default ?? formats) as (a: Ajv2020, f: string[]) => void;
  addFormats(ajv, ["date"]);
  ajv.addKeyword({ keyword: "x-expected", schemaType: "string" });
  compiled = ajv.compile(PRICE_BOOK_SCHEMA);
  return compiled;
}
