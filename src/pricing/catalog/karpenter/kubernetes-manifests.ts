import { parseAllDocuments } from "yaml";
import type { Resource } from "../../../plan/resource.js";

/** The Kubernetes objects a resource carries, or why they cannot be read. */
export interface ManifestDocuments {
  docs: Record<string, unknown>[];
  /** Set when the manifest is an unresolved expression or not valid YAML: what it holds is unknown. */
  problem?: string;
}

/**
 * The Kubernetes objects of a `kubernetes_manifest` (`manifest`, an object) or a `kubectl_manifest`
 * (`yaml_body`, a YAML string that may hold several documents and `${...}` parts, which stay as strings and
 * are read as unresolved values). Pure.
 */
export function manifestDocuments(r: Resource): ManifestDocuments {
  const a = r.attributes;
  if (r.type === "kubernetes_manifest") {
    const m = a.manifest;
    if (typeof m === "object" && m !== null && !Array.isArray(m)) return { docs: [m as Record<string, unknown>] };
    if (typeof m === "string") return { docs: [], problem: `manifest is an expression (${m.slice(0, 80)}) costgate cannot resolve` };
    return { docs: [] };
  }
  const body = a.yaml_body ?? a.yaml_body_parsed;
  if (typeof body !== "string") return { docs: [] };
  if (/^\s*\$\{[^}]*\}\s*$/.test(body)) return { docs: [], problem: `yaml_body is an expression (${body.trim().slice(0, 80)}) costgate cannot resolve` };
  try {
    const docs = parseAllDocuments(body, { uniqueKeys: false });
    const out: Record<string, unknown>[] = [];
    for (const d of Array.isArray(docs) ? docs : [docs]) {
      if (d.errors.length > 0) return { docs: [], problem: `yaml_body is not valid YAML (${d.errors[0]!.message.split("\n")[0]})` };
      const v = d.toJS({ maxAliasCount: 100 }) as unknown;
      if (typeof v === "object" && v !== null && !Array.isArray(v)) out.push(v as Record<string, unknown>);
    }
    return { docs: out };
  } catch (e) {
    return { docs: [], problem: `yaml_body could not be read (${(e as Error).message.split("\n")[0]})` };
  }
}
