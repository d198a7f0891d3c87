import type { InstanceTypesCheck } from "../policy-document.js";
import { globMatch } from "../glob.js";
import { instanceTypesUnknown, isUnresolved, normalizedInstanceType } from "../policy-resource.js";
import { keepsAll, narrowsOnly } from "./strictness.js";
import { instanceFamilyOf } from "../../pricing/instance-family-entry.js";
import type { CheckDefinition, CheckResult } from "./check-definition.js";

/**
 * Whether an instance type matches a list entry. Entries are globs over the type without `ml.`; an entry with
 * neither a dot nor a wildcard names a family (`p5` matches p5.48xlarge, not p5e.48xlarge).
 */
export function instanceTypeMatches(entry: string, type: string): boolean {
  const t = normalizedInstanceType(type);
  const e = normalizedInstanceType(entry);
  if (!e.includes(".") && !e.includes("*") && !e.includes("?")) {
    const dot = t.indexOf(".");
    return (dot < 0 ? t : t.slice(0, dot)) === e;
  }
  return globMatch(e, t);
}

/** Instance types must be allowed (when an allow list is given) and never denied. Deny wins. */
export const instanceTypes: CheckDefinition<InstanceTypesCheck> = {
  kind: "instance-types",
  evaluate(check, ctx) {
    const out: CheckResult[] = [];
    for (const r of ctx.head) {
      let problems: string[] | undefined;
      // Entries costgate cannot read (a family it knows the sizes of is matched instead).
      const unread: string[] = [];
      for (const t of r.estimate.facts.instanceTypes) {
        const family = instanceFamilyOf(t);
        const sizes = family === undefined ? undefined : r.estimate.facts.instanceFamilySizes?.[family];
        if (family !== undefined && sizes !== undefined && sizes.length > 0) {
          // AWS Batch may launch any size of the family: denied when a deny entry matches one of them, allowed
          // only when the allow list takes every one.
          const what = `${family} family (size chosen by AWS Batch)`;
          let denied: string | undefined;
          let deniedSize: string | undefined;
          for (const size of sizes) {
            denied = check.deny?.find((d) => instanceTypeMatches(d, size));
            if (denied !== undefined) {
              deniedSize = size;
              break;
            }
          }
          const notAllowed = check.allow ? sizes.filter((size) => !check.allow!.some((a) => instanceTypeMatches(a, size))) : [];
          if (denied !== undefined) (problems ??= []).push(`${what} may launch ${deniedSize}, which is denied (matches \`${denied}\`)`);
          else if (notAllowed.length > 0) (problems ??= []).push(`${what} may launch ${notAllowed.slice(0, 3).join(", ")}${notAllowed.length > 3 ? ", …" : ""}, not in the allowed list (${check.allow!.join(", ")})`);
          continue;
        }
        if (isUnresolved(t)) {
          unread.push(t);
          continue;
        }
        const denied = check.deny?.find((d) => instanceTypeMatches(d, t));
        if (denied !== undefined) (problems ??= []).push(`${t} is denied (matches \`${denied}\`)`);
        else if (check.allow && !check.allow.some((a) => instanceTypeMatches(a, t))) (problems ??= []).push(`${t} is not in the allowed list (${check.allow.join(", ")})`);
      }
      const unknown = unread.length > 0 || (instanceTypesUnknown(r.estimate) && r.estimate.facts.instanceTypes.length === 0);
      if (problems) out.push({ resource: r, message: `${problems.join("; ")} in ${r.environment}` });
      else if (unknown)
        out.push({
          resource: r,
          unknown: true,
          message: unknownTypesMessage(unread),
        });
    }
    return out;
  },
  loosenings(central, project) {
    return [...keepsAll("denied", central.deny, project.deny), ...narrowsOnly("allow", central.allow, project.allow)];
  },
};

/** Why the instance types cannot be checked, naming the entries costgate could not read (`${…}`) when there are some. */
function unknownTypesMessage(unread: readonly string[]): string {
  if (unread.length === 0) return "instance type is unknown at synth (an expression or a reference costgate cannot resolve), so it cannot be checked";
  const shown = unread.slice(0, 3).map((t) => `\`${t}\``).join(", ") + (unread.length > 3 ? `, and ${unread.length - 3} more` : "");
  return unread.length === 1 ? `instance type is unknown at synth (${shown}), so it cannot be checked` : `instance types are unknown at synth (${shown}), so they cannot be checked`;
}
