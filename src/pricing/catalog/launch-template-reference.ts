import { firstBlock, literalString } from "../../plan/json-values.js";
import type { Resource } from "../../plan/resource.js";
import type { CatalogContext } from "./catalog-entry.js";
import { referencedResource } from "./resource-reference.js";
import { groupByKeys, stackLookup } from "./stack-lookup.js";

const templatesByName = new WeakMap<readonly Resource[], Map<string, Resource[]>>();
const configurationsByName = new WeakMap<readonly Resource[], Map<string, Resource[]>>();

/**
 * Resolve a `launch_template { id | name }` block (or a mixed instances policy's
 * `launch_template_specification { launch_template_id | launch_template_name }`) to the launch template resource
 * of the same stack: a reference (`${aws_launch_template.gpu.id}` in cdktf output, a plan's configuration
 * `references` when the id is known only after apply, see `referencedResource`) or a literal name matching a
 * template's `name`. `from` is the resource holding the block (its module scopes plan references).
 */
export function referencedLaunchTemplate(ref: unknown, ctx: CatalogContext, from?: Resource): Resource | undefined {
  const spec = firstBlock(ref);
  if (!spec) return undefined;
  for (const v of [spec.id, spec.name, spec.launch_template_id, spec.launch_template_name]) {
    const linked = referencedResource(v, "aws_launch_template", from, ctx);
    if (linked) return linked;
    if (typeof v !== "string") continue;
    const byName = stackLookup(ctx, "aws_launch_template", templatesByName, (all) => groupByKeys(all, (lt) => [literalString(lt.attributes.name)].filter((n) => n !== undefined))).get(v);
    if (byName) return byName[0];
  }
  return undefined;
}

/**
 * Resolve an ASG's `launch_configuration` (a name, `${aws_launch_configuration.x.name}`, or a plan value known
 * only after apply that references one) to the `aws_launch_configuration` resource of the same stack.
 */
export function referencedLaunchConfiguration(value: unknown, ctx: CatalogContext, from?: Resource): Resource | undefined {
  const linked = referencedResource(value, "aws_launch_configuration", from, ctx);
  if (linked || typeof value !== "string") return linked;
  return stackLookup(ctx, "aws_launch_configuration", configurationsByName, (all) =>
    groupByKeys(all, (lc) => [literalString(lc.attributes.name)].filter((n) => n !== undefined)),
  ).get(value)?.[0];
}
