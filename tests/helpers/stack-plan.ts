import { planFromCdktfStack } from "../../src/plan/cdktf-plan.js";
import type { Plan } from "../../src/plan/resource.js";
import { estimatePlan } from "../../src/pricing/estimate-plans.js";
import type { Estimate, ResourceEstimate } from "../../src/pricing/estimate.js";
import type { Usage } from "../../src/pricing/usage.js";

/** A one-stack plan from inline `resource` JSON, with a us-east-1 provider and optional default tags. */
export function stackPlan(
  resource: Record<string, Record<string, unknown>>,
  opts: { region?: string; defaultTags?: Record<string, string>; stack?: string; extraProviders?: unknown[] } = {},
): Plan {
  const json = {
    provider: {
      aws: [
        { region: opts.region ?? "us-east-1", ...(opts.defaultTags ? { default_tags: [{ tags: opts.defaultTags }] } : {}) },
        ...(opts.extraProviders ?? []),
      ],
    },
    resource,
  };
  return planFromCdktfStack(json, { stack: opts.stack ?? "s", file: "inline.json", defaultRegion: "us-east-1" });
}

/** Price an inline stack with the embedded snapshot and return the estimate and a resource lookup. */
export async function priceStack(
  resource: Record<string, Record<string, unknown>>,
  opts: Parameters<typeof stackPlan>[1] & { usage?: Usage; today?: string } = {},
): Promise<{ estimate: Estimate; res: (address: string) => ResourceEstimate }> {
  const estimate = await estimatePlan(stackPlan(resource, opts), { ...(opts.usage ? { usage: opts.usage } : {}), ...(opts.today ? { today: opts.today } : {}) });
  const res = (address: string) => {
    const r = estimate.stacks.flatMap((s) => s.resources).find((x) => x.address === address);
    if (!r) throw new Error(`no resource ${address}`);
    return r;
  };
  return { estimate, res };
}
