import { CostgateError, pointerSegment } from "../errors.js";
import { isObject, literalString } from "./json-values.js";
import type { Resource } from "./resource.js";

/** Resource type given to a module call of a Terraform JSON configuration (cdk.tf.json `module` block). */
export const MODULE_CALL_TYPE = "module";

/**
 * The `module` blocks of a Terraform JSON configuration (cdktf `TerraformHclModule`, registry module bindings)
 * as one Resource each, of type `module` and address `module.<name>`. costgate does not download and expand
 * modules, so their contents are not counted: pricing lists each call as not priced, naming its `source`
 * (and `version`), and budgets treat it as unknown compute instead of $0.
 * Throws CostgateError when `module` is not an object of objects.
 */
export function moduleCallResources(
  section: unknown,
  base: Pick<Resource, "stack" | "provider" | "region" | "regionDefaulted">,
  file: string,
): Resource[] {
  if (section === undefined) return [];
  if (!isObject(section)) throw new CostgateError("`module` must be an object of module calls keyed by name", file, "/module");
  const out: Resource[] = [];
  for (const name in section) {
    const call = section[name];
    const at = "/module/" + pointerSegment(name);
    if (!isObject(call)) throw new CostgateError(`module ${name} must be an object`, file, at);
    const meta = isObject(call["//"]) && isObject(call["//"].metadata) ? call["//"].metadata : undefined;
    const r: Resource = {
      address: `module.${name}`,
      stack: base.stack,
      type: MODULE_CALL_TYPE,
      name,
      provider: base.provider,
      region: base.region,
      regionDefaulted: base.regionDefaulted,
      tags: {},
      unknownTags: [],
      count: 1,
      attributes: call,
      action: "create",
      origin: { file, pointer: at },
    };
    if (meta && typeof meta.path === "string") r.constructPath = meta.path;
    out.push(r);
  }
  return out;
}

/** `terraform-aws-modules/eks/aws 20.8.5`, or `an unknown source`. */
export function moduleSourceText(call: Record<string, unknown>): string {
  const source = literalString(call.source);
  const version = literalString(call.version);
  return source ? `${source}${version ? ` ${version}` : ""}` : "an unknown source";
}
