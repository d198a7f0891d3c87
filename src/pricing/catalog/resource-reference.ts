import { isUnknown } from "../../plan/unknown-value.js";
import type { Resource } from "../../plan/resource.js";
import type { CatalogContext } from "./catalog-entry.js";

/** One compiled interpolation pattern per resource type (a new RegExp per call was a top cost at 10k resources). */
const INTERPOLATIONS = new Map<string, RegExp>();

function interpolationOf(type: string): RegExp {
  let re = INTERPOLATIONS.get(type);
  if (re === undefined) INTERPOLATIONS.set(type, (re = new RegExp(`\\$\\{${type}\\.([A-Za-z0-9_-]+)(\\[[^\\]]*\\])?\\.[A-Za-z_]+\\}`)));
  return re;
}

/**
 * The resource of `type` an attribute value refers to, in the same stack (and, for plans, the same module):
 * - cdktf / Terraform JSON: an interpolation `${aws_launch_template.gpu.id}` (also `.name`, `.arn`, …);
 * - `terraform show -json`: a value known only after apply whose configuration expression references
 *   `aws_launch_template.gpu.id` (UnknownValue.references, relative to the module that declares `from`).
 * Undefined when the value names no resource of that type, or the resource is not in the plan.
 */
export function referencedResource(value: unknown, type: string, from: Resource | undefined, ctx: CatalogContext): Resource | undefined {
  if (typeof value === "string") {
    if (!value.includes("${")) return undefined;
    const m = interpolationOf(type).exec(value);
    return m ? ctx.findResource(type, m[1]!) : undefined;
  }
  if (!isUnknown(value)) return undefined;
  const prefix = from?.module ? `${from.module}.` : "";
  for (const ref of value.references) {
    if (!ref.startsWith(`${type}.`)) continue;
    // `aws_launch_template.gpu.id`, `aws_launch_template.gpu[0].id` → `aws_launch_template.gpu`, `…gpu[0]`.
    const local = /^[^.]+\.[A-Za-z0-9_-]+(\[[^\]]*\])?/.exec(ref)?.[0];
    if (!local) continue;
    const wanted = prefix + local;
    const found = ctx.resourcesOfType(type).find((r) => r.address === wanted || (!local.includes("[") && r.address.startsWith(`${wanted}[`)));
    if (found) return found;
  }
  return undefined;
}
