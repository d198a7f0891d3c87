import type { IConstruct } from "constructs";
import type { AspectsApi } from "../framework/aspects-api.js";
import type { TerraformStackShape } from "../framework/construct-shape.js";

/**
 * Let the synthesizer reuse the stack JSON the governance aspect just rendered, instead of rendering
 * (resolving every token of) the stack a second time. Only when nothing can change the tree in between:
 * the aspect evaluates at the last node of the traversal, so the only code still to run on the tree is
 * aspects registered after it on the stack or on that last node's own scopes. If there are any, no reuse.
 *
 * The reuse is one call only and ends with the current task: any later `toTerraform()` renders afresh.
 */
export function reuseRenderedJson(
  stack: TerraformStackShape,
  json: unknown,
  self: object,
  lastNode: IConstruct,
  aspects: AspectsApi | undefined,
): boolean {
  if (!aspects || Object.prototype.hasOwnProperty.call(stack, "toTerraform")) return false;
  const onStack = aspects.of(stack).all;
  if (onStack[onStack.length - 1] !== self) return false;
  const scopes = lastNode.node.scopes;
  const below = scopes.indexOf(stack);
  if (below < 0) return false;
  for (const scope of scopes.slice(below + 1)) if (aspects.of(scope).all.length > 0) return false;
  const own = function toTerraform(): unknown {
    releaseRenderedJson(stack);
    return json;
  };
  Object.defineProperty(stack, "toTerraform", { value: own, configurable: true, writable: true, enumerable: false });
  installed.set(stack, own);
  queueMicrotask(() => releaseRenderedJson(stack));
  return true;
}

const installed = new WeakMap<object, unknown>();

/** Drop a reuse that was not consumed (e.g. an HCL synth), so the next render is fresh. */
export function releaseRenderedJson(stack: TerraformStackShape): void {
  const own = installed.get(stack);
  if (own === undefined) return;
  installed.delete(stack);
  if ((stack as unknown as Record<string, unknown>).toTerraform === own) delete (stack as unknown as Record<string, unknown>).toTerraform;
}
