import type { PurchaseOptionCheck } from "../policy-document.js";
import { same } from "./strictness.js";
import type { CheckDefinition, CheckResult } from "./check-definition.js";

/** Compute is bought the required way, e.g. training on spot. Resources without compute are not checked. */
export const purchaseOption: CheckDefinition<PurchaseOptionCheck> = {
  kind: "purchase-option",
  evaluate(check, ctx) {
    const out: CheckResult[] = [];
    for (const r of ctx.head) {
      const actual = r.estimate.facts.purchaseOption;
      if (actual === undefined || actual === check.require || (actual === "mixed" && check.allowMixed)) continue;
      const hint = check.require === "spot" ? " (e.g. enable_managed_spot_training, capacity_type SPOT, instance_market_options spot)" : "";
      out.push({
        resource: r,
        message: `runs ${actual === "mixed" ? "mixed spot/on-demand" : actual} capacity; ${check.require} is required${hint}`,
      });
    }
    return out;
  },
  loosenings(central, project) {
    return [...same("require", central.require, project.require), ...(central.allowMixed !== true && project.allowMixed === true ? ["allows mixed capacity"] : [])];
  },
};
