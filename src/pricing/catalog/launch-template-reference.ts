import { firstBlock, literalString } from "../../plan/json-values.js";
import type { Resource } from "../../plan/resource.js";
import type { CatalogContext } from "./catalog-entry.js";
import { groupByKeys, stackLookup } from "./stack-lookup.js";

const templatesByName = new WeakMap<readonly Resource[], Map<string, Resource[]>>();

/**
 * Resolve a `launch_template { id | name }` reference to the launch template resource of the same stack, when
 * it is written as a reference (`${aws_launch_template.gpu.id}`) or a literal name matching a template's name.
 */
export function referencedLaunchTemplate(ref: unknown, ctx: CatalogContext): Resource | undefined {
  const spec = firstBlock(ref);
  if (!spec) return undefined;
  for (const v of [spec.id, spec.name, spec.launch_template_id, spec.launch_template_name]) {
    if (typeof v !== "string") continue;
    const m = /\$\{aws_launch_template\.([A-Za-z0-9_-]+)\.(id|name|arn)\}/.exec(v);
    if (m) return ctx.findResource("aws_launch_template", m[1]!);
    const byName = stackLookup(ctx, "aws_launch_template", templatesByName, (all) => groupByKeys(all, (lt) => [literalString(lt.attributes.name)].filter((n) => n !== undefined))).get(v);
    if (byName) return byName[0];
  }
  return undefined;
}
