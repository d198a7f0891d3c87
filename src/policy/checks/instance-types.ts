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

/** The part of a list entry before its size (`p5.48xlarge` → `p5`, `p5` → `p5`, `p*.*` → `p*`), without `ml.`. */
function familyPart(entry: string): string {
  const e = normalizedInstanceType(entry);
  const dot = e.indexOf(".");
  return dot < 0 ? e : e.slice(0, dot);
}

/** Whether a list entry could name a size of `family` (a type of it, the family, or a glob over it). */
function familyCouldMatch(entry: string, family: string): boolean {
  return globMatch(familyPart(entry), family);
}

/** Whether an allow entry takes every size of `family`: the family itself, `family.*`, or a glob over both parts. */
function familyAllowed(entry: string, family: string): boolean {
  const e = normalizedInstanceType(entry);
  const dot = e.indexOf(".");
  if (dot < 0) return !e.includes("*") && !e.includes("?") ? e === family : globMatch(e, family);
  return e.slice(dot + 1) === "*" && globMatch(e.slice(0, dot), family);
}

/** Instance types must be allowed (when an allow list is given) and never denied. Deny wins. */
export const instanceTypes: CheckDefinition<InstanceTypesCheck> = {
  kind: "instance-types",
  evaluate(check, ctx) {
    const out: CheckResult[] = [];
    for (const r of ctx.head) {
      let problems: string[] | undefined;
      // Entries costgate cannot read, other than families it can still match.
      let unread = false;
      for (const t of r.estimate.facts.instanceTypes) {
        const family = instanceFamilyOf(t);
        if (family !== undefined) {
          // Any size of the family may be launched: denied when a denied entry could be one, allowed only when
          // the allow list takes every size.
          const denied = check.deny?.find((d) => familyCouldMatch(d, family));
          const what = `${family} family (size chosen by AWS Batch)`;
          if (denied !== undefined) (problems ??= []).push(`${what} is denied (matches \`${denied}\`)`);
          else if (check.allow && !check.allow.some((a) => familyAllowed(a, family))) (problems ??= []).push(`${what} is not in the allowed list (${check.allow.join(", ")})`);
          continue;
        }
        if (isUnresolved(t)) {
          unread = true;
          continue;
        }
        const denied = check.deny?.find((d) => instanceTypeMatches(d, t));
        if (denied !== undefined) (problems ??= []).push(`${t} is denied (matches \`${denied}\`)`);
        else if (check.allow && !check.allow.some((a) => instanceTypeMatches(a, t))) (problems ??= []).push(`${t} is not in the allowed list (${check.allow.join(", ")})`);
      }
      const unknown = unread || (instanceTypesUnknown(r.estimate) && r.estimate.facts.instanceTypes.length === 0);
      if (problems) out.push({ resource: r, message: `${problems.join("; ")} in ${r.environment}` });
      else if (unknown)
        out.push({
          resource: r,
          unknown: true,
          message: unknownTypesMessage(r.estimate.facts.instanceTypes),
        });
    }
    return out;
  },
  loosenings(central, project) {
    return [...keepsAll("denied", central.deny, project.deny), ...narrowsOnly("allow", central.allow, project.allow)];
  },
};

/** Why the instance types cannot be checked, naming the entries costgate could not read (`${…}`) when there are some. */
function unknownTypesMessage(types: readonly string[]): string {
  const unread = types.filter((t) => isUnresolved(t) && instanceFamilyOf(t) === undefined);
  if (unread.length === 0) return "instance type is unknown at synth (an expression or a reference costgate cannot resolve), so it cannot be checked";
  const shown = unread.slice(0, 3).map((t) => `\`${t}\``).join(", ") + (unread.length > 3 ? `, and ${unread.length - 3} more` : "");
  return unread.length === 1 ? `instance type is unknown at synth (${shown}), so it cannot be checked` : `instance types are unknown at synth (${shown}), so they cannot be checked`;
}
