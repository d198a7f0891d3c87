import { CostgateError } from "../errors.js";
import type { LoadedPolicy } from "../policy/policy-document.js";

/**
 * A policy file the base commit does not have was written by the pull request it judges. It may add rules and
 * tighten existing ones, nothing else: it is loaded as a `project` policy (which cannot loosen a central rule),
 * and a file that declares exemptions, label overrides, settings or a central layer is refused with a
 * CostgateError naming the file and the key. Returns the policy as a project policy.
 */
export function restrictUntrustedPolicy(p: LoadedPolicy): LoadedPolicy {
  const d = p.document;
  const refuse = (key: string, at = ""): never => {
    throw new CostgateError(
      `\`${key}\` in a policy file that is not on the base commit (added by this pull request) is refused: such a policy may only add or tighten rules; add it on the base branch first`,
      p.file,
      at,
    );
  };
  if (d.exemptions && d.exemptions.length > 0) refuse("exemptions", p.positions.exemptions[0] ?? "");
  if (d.overrides !== undefined) refuse("overrides");
  if (d.settings !== undefined) refuse("settings");
  if (d.metadata.layer !== undefined && d.metadata.layer !== "project") refuse(`metadata.layer: ${d.metadata.layer}`);
  return { ...p, layer: "project" };
}
