import { CostgateError } from "../errors.js";
import { isObject } from "./json-values.js";
import type { ResourceAction } from "./resource.js";

/**
 * A plan change's `actions` as one ResourceAction. Terraform's actions
 * (https://developer.hashicorp.com/terraform/internals/json-format#change-representation): `create`, `update`,
 * `delete`, `no-op`, `read`, the replace pairs `["delete","create"]`/`["create","delete"]`, and since
 * Terraform 1.7 `forget` (a `removed` block with `destroy = false`: the object leaves the state but keeps
 * running, outside this configuration) and its replace variant `["create","forget"]`, which creates a new object.
 *
 * An action list costgate does not know is accepted with a warning rather than failing the run: the resource
 * counts as present (like `update`) when the change has an `after` object, and as gone otherwise.
 * Throws CostgateError only when `actions` is not a non-empty list of strings.
 */
export function readPlanAction(actions: unknown, after: unknown, file: string, at: string): { action: ResourceAction; warning?: string } {
  if (!Array.isArray(actions) || actions.length === 0 || !actions.every((a) => typeof a === "string"))
    throw new CostgateError("`actions` must be a non-empty array of strings", file, at);
  const a = actions.join(",");
  switch (a) {
    case "create":
    case "update":
    case "delete":
    case "read":
    case "no-op":
    case "forget":
      return { action: a };
    case "delete,create":
    case "create,delete":
    case "create,forget":
    case "forget,create":
      return { action: "replace" };
    default: {
      const present = isObject(after);
      return {
        action: present ? "update" : "delete",
        warning: `unknown plan action ${JSON.stringify(actions).slice(0, 200)}; counted as ${present ? "present (its planned values)" : "gone (no planned values)"}`,
      };
    }
  }
}
