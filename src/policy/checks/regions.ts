import type { RegionsCheck } from "../policy-document.js";
import { firstMatchingGlob } from "../glob.js";
import { keepsAll, narrowsOnly } from "./strictness.js";
import type { CheckDefinition, CheckResult } from "./check-definition.js";

/**
 * Resources live in allowed regions (globs) and in no denied region. Deny wins. A resource whose region is
 * unknown (an expression or no provider region: the `--region` default was assumed) is an `unknown` finding.
 */
export const regions: CheckDefinition<RegionsCheck> = {
  kind: "regions",
  evaluate(check, ctx) {
    const out: CheckResult[] = [];
    for (const r of ctx.head) {
      const region = r.estimate.region;
      if (!r.estimate.regionKnown) {
        // The provider's region is an expression or missing: the default costgate priced with is not a fact.
        if (check.allow || check.deny)
          out.push({
            resource: r,
            unknown: true,
            message: `region is unknown (the provider's region is an expression or not set; ${region} was assumed for pricing), so it cannot be shown to be allowed`,
          });
        continue;
      }
      const denied = check.deny ? firstMatchingGlob(check.deny, region) : undefined;
      const message =
        denied !== undefined
          ? `region ${region} is denied (matches \`${denied}\`)`
          : check.allow && firstMatchingGlob(check.allow, region) === undefined
            ? `region ${region} is not allowed; allowed: ${check.allow.join(", ")}`
            : undefined;
      if (message) out.push({ resource: r, message });
    }
    return out;
  },
  loosenings(central, project) {
    return [...keepsAll("denied", central.deny, project.deny), ...narrowsOnly("allow", central.allow, project.allow)];
  },
};
