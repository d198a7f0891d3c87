import { estimatePlan } from "../../src/pricing/estimate-plans.js";
import type { Estimate, ResourceEstimate } from "../../src/pricing/estimate.js";
import { AwsPricingSource } from "../../src/pricing/sources/aws-pricing-source.js";
import { startFakePricingApi, TEST_CREDENTIALS, type FakeRequest } from "../fakes/fake-pricing-api.js";
import { stackPlan } from "./stack-plan.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

/**
 * Price an inline stack live, through the loopback fake Price List API serving `products`: the whole path a
 * `--prices aws` run takes (catalog → price filters → GetProducts → estimate).
 */
export async function priceStackLive(
  resource: Record<string, Record<string, unknown>>,
  products: Record<string, unknown>[],
  opts: Parameters<typeof stackPlan>[1] & { usage?: import("../../src/pricing/usage.js").Usage } = {},
): Promise<{ estimate: Estimate; res: (address: string) => ResourceEstimate; requests: FakeRequest[]; warnings: string[] }> {
  const api = await startFakePricingApi({ products });
  try {
    const source = new AwsPricingSource({ endpoint: api.endpoint, credentials: TEST_CREDENTIALS, maxAttempts: 1 });
    const estimate = await estimatePlan(stackPlan(resource, opts), { prices: source, ...(opts.usage ? { usage: opts.usage } : {}) });
    const res = (address: string) => {
      const r = estimate.stacks.flatMap((s) => s.resources).find((x) => x.address === address);
      if (!r) throw new Error(`no resource ${address}`);
      return r;
    };
    return { estimate, res, requests: api.getProducts(), warnings: source.warnings() };
  } finally {
    await api.close();
  }
}
