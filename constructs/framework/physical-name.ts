import { createHash } from "node:crypto";
import type { IConstruct } from "constructs";

/**
 * A deterministic AWS name for a construct: its path (stack and construct ids) in lower-case kebab form,
 * plus a short hash of the full path so two long paths that truncate alike still differ.
 * Allowed characters are letters, digits and hyphens, which every service costgate names accepts.
 */
export function physicalName(c: IConstruct, maxLength: number, suffix = ""): string {
  const parts = c.node.scopes.map((s) => s.node.id).filter((id) => id !== "");
  const full = [...parts, suffix].filter(Boolean).join("-");
  const hash = createHash("sha256").update(c.node.path + "|" + suffix).digest("hex").slice(0, 8);
  const base = full
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
  const room = maxLength - hash.length - 1;
  const head = base.slice(0, room).replace(/-+$/, "");
  return `${head || "cg"}-${hash}`;
}
