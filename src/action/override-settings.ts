import type { LoadedPolicy } from "../policy/policy-document.js";
import type { OverridePermission } from "./label-override.js";

/** How soft-mandatory findings may be overridden on a PR, as the (central) policy declares it. */
export interface OverrideSettings {
  /** PR label that overrides soft-mandatory findings (e.g. `cost-override`). */
  label: string;
  /** Least repository role of the account that applied the label. Default `write`. */
  minPermission: OverridePermission;
  /** Policy file that declared it. */
  declaredIn: string;
}

/**
 * The override label from the policies: top-level `overrides: { label, minPermission }` of a central
 * policy (project policies may not declare escape hatches; their `overrides` are ignored). The first
 * central policy that declares a label wins. Undefined when no policy allows label overrides.
 */
export function overrideSettings(policies: readonly LoadedPolicy[]): { settings?: OverrideSettings; notes: string[] } {
  const notes: string[] = [];
  let settings: OverrideSettings | undefined;
  for (const p of policies) {
    const block = p.document.overrides;
    if (!block || block.label.trim() === "") continue;
    if (p.layer !== "central") {
      notes.push(`${p.file}: \`overrides\` in a project policy is ignored; only central policies can allow overrides`);
      continue;
    }
    if (settings) {
      if (settings.label !== block.label) notes.push(`${p.file}: override label "${block.label}" ignored; "${settings.label}" from ${settings.declaredIn} applies`);
      continue;
    }
    settings = { label: block.label.trim(), minPermission: block.minPermission ?? "write", declaredIn: p.file };
  }
  return { ...(settings ? { settings } : {}), notes };
}
