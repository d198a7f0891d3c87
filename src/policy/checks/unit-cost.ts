import { unitPrice } from "../../money.js";
import type { UnitCostCheck } from "../policy-document.js";
import { upperBound } from "./strictness.js";
import type { CheckDefinition, CheckResult } from "./check-definition.js";
import { judgeUnitCap } from "./unit-cap.js";

/**
 * Per-endpoint inference unit costs stay under caps: USD per 1k requests, per 1M input tokens, per 1M output tokens
 * (src/pricing/unit-economics/inference-units.ts), across the cost's range. Applies to resources whose workload is
 * inference or that have inference unit figures; a figure that cannot be computed (no `monthly_requests` or tokens
 * per request in the usage file, an unpriced endpoint) is unknown and fails closed unless `onUnknown` relaxes it.
 */
export const unitCost: CheckDefinition<UnitCostCheck> = {
  kind: "unit-cost",
  evaluate(check, ctx) {
    const out: CheckResult[] = [];
    for (const r of ctx.head) {
      const inf = r.estimate.unitEconomics?.inference;
      if (!inf && r.estimate.facts.workload !== "inference") continue;
      // Inference resources without instance-hours (the endpoint, the model) carry no cost of their own.
      if (!inf && !r.estimate.components.some((c) => c.unit === "hours")) continue;
      const caps: [number | undefined, "per1kRequests" | "per1MInputTokens" | "per1MOutputTokens", string, string][] = [
        [check.maxPer1kRequests, "per1kRequests", "cost per 1k requests", "set `monthly_requests` in the usage file"],
        [check.maxPer1MInputTokens, "per1MInputTokens", "cost per 1M input tokens", "set `monthly_requests` and `input_tokens_per_request` in the usage file"],
        [check.maxPer1MOutputTokens, "per1MOutputTokens", "cost per 1M output tokens", "set `monthly_requests` and `output_tokens_per_request` in the usage file"],
      ];
      const found: CheckResult[] = [];
      for (const [cap, key, what, missing] of caps) {
        if (cap === undefined) continue;
        const f = judgeUnitCap({ resource: r, figure: inf?.[key], complete: inf?.complete ?? false, cap, what, format: unitPrice, missing });
        if (f) found.push(f);
      }
      // One finding per resource: violations first (they decide), else the unknowns.
      const violations = found.filter((f) => !f.unknown);
      const pick = violations.length ? violations : found;
      if (pick.length) out.push({ resource: r, message: pick.map((f) => f.message).join("; "), ...(violations.length ? {} : { unknown: true }) });
    }
    return out;
  },
  loosenings(central, project) {
    return [
      ...upperBound("maxPer1kRequests", central.maxPer1kRequests, project.maxPer1kRequests),
      ...upperBound("maxPer1MInputTokens", central.maxPer1MInputTokens, project.maxPer1MInputTokens),
      ...upperBound("maxPer1MOutputTokens", central.maxPer1MOutputTokens, project.maxPer1MOutputTokens),
    ];
  },
};
