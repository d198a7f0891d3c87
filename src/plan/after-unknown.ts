import { isObject } from "./json-values.js";
import { isExpressionNode, referencesOf } from "./plan-configuration.js";
import { UNKNOWN, UnknownValue } from "./unknown-value.js";

/**
 * Put what `after_unknown` says into a resource's `after` attributes (in place), using the resource's
 * configuration `expressions` to tell two kinds of unknown apart:
 * - the attribute is written in the configuration: it is an `UnknownValue` carrying the expression's
 *   `references` (so `launch_template.id = aws_launch_template.gpu.id` can be followed to the template);
 * - the attribute is not written at all: the provider (or AWS) computes it, so it is left unset and the
 *   documented default applies (see `src/pricing/catalog/attribute-defaults.ts`): an ASG without
 *   `desired_capacity` starts at `min_size`, a bucket without `region` is in its provider's region.
 * Without configuration (`expressions` undefined) every unknown is an `UnknownValue`.
 */
export function applyAfterUnknown(target: Record<string, unknown>, afterUnknown: unknown, expressions: Record<string, unknown> | undefined): void {
  if (!isObject(afterUnknown)) return;
  for (const [k, u] of Object.entries(afterUnknown)) {
    const cur = target[k];
    const ex = expressions?.[k];
    if (u === true) {
      if (cur !== undefined && cur !== null) continue;
      if (expressions !== undefined && ex === undefined) delete target[k];
      else target[k] = unknownFrom(ex);
    } else if (isObject(u) && isObject(cur)) applyAfterUnknown(cur, u, blockExpressions(ex, 0));
    else if (Array.isArray(u) && Array.isArray(cur)) {
      u.forEach((x, i) => {
        if (x === true && (cur[i] === undefined || cur[i] === null)) cur[i] = unknownFrom(ex);
        else if (isObject(x) && isObject(cur[i])) applyAfterUnknown(cur[i] as Record<string, unknown>, x, blockExpressions(ex, i));
      });
    }
  }
}

function unknownFrom(ex: unknown): UnknownValue {
  const refs = referencesOf(ex);
  return refs.length ? new UnknownValue(refs) : UNKNOWN;
}

/** Expressions of the i-th nested block (blocks are lists of expression objects; a lone object is one block). */
function blockExpressions(ex: unknown, i: number): Record<string, unknown> | undefined {
  if (Array.isArray(ex)) {
    const b = ex[i];
    return isObject(b) && !isExpressionNode(b) ? b : undefined;
  }
  return isObject(ex) && !isExpressionNode(ex) ? ex : undefined;
}
