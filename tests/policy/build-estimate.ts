import { estimateTotals, stackEstimate } from "../../src/pricing/assemble-estimate.js";
import { ESTIMATE_SCHEMA_VERSION, isIncompleteStatus, type Estimate, type ResourceEstimate } from "../../src/pricing/estimate.js";
import type { ResourceFacts } from "../../src/pricing/cost-component.js";
import { parsePolicy } from "../../src/policy/load-policy.js";
import type { LoadedPolicy } from "../../src/policy/policy-document.js";

/** Options for a test resource; everything has a plain default. */
export interface ResourceOptions extends Partial<Omit<ResourceEstimate, "facts">> {
  facts?: Partial<ResourceFacts>;
  /** Shorthand for tags.environment. */
  env?: string;
}

/** A priced resource estimate built directly (no catalog), `type.name` address in stack `app`. */
export function res(address: string, o: ResourceOptions = {}): ResourceEstimate {
  const [type, name] = address.split(".") as [string, string];
  const monthlyCost = o.monthlyCost ?? 0;
  const monthlyCostOnDemand = o.monthlyCostOnDemand ?? monthlyCost;
  const complete = !isIncompleteStatus(o.status ?? "priced");
  const { env, facts, ...rest } = o;
  return {
    address,
    stack: "app",
    type,
    name: name ?? address,
    region: "us-east-1",
    regionKnown: true,
    provider: "aws",
    action: "create",
    tags: { ...(env ? { environment: env } : {}), ...(o.tags ?? {}) },
    unknownTags: [],
    count: 1,
    status: "priced",
    monthlyCost,
    monthlyCostOnDemand,
    range: { low: monthlyCost, expected: monthlyCost, high: complete ? monthlyCost : null },
    rangeOnDemand: { low: monthlyCostOnDemand, expected: monthlyCostOnDemand, high: complete ? monthlyCostOnDemand : null },
    complete,
    components: [],
    notes: [],
    attributes: {},
    ...rest,
    ...(env && o.tags ? { tags: { environment: env, ...o.tags } } : {}),
    facts: { instanceTypes: [], instanceCount: null, gpusPerInstance: null, ...(facts ?? {}) },
  };
}

/** An EC2-like GPU compute resource: `gpus` per instance × `count` instances of `type`. */
export function gpu(address: string, type: string, gpus: number, o: ResourceOptions & { instances?: number } = {}): ResourceEstimate {
  const { instances, ...rest } = o;
  return res(address, {
    ...rest,
    facts: { instanceTypes: [type], instanceCount: instances ?? 1, gpusPerInstance: gpus, purchaseOption: "on-demand", ...(o.facts ?? {}) },
  });
}

/** An estimate from resources; stacks in first-seen order, totals computed. */
export function est(resources: ResourceEstimate[], input = "head"): Estimate {
  const stacks = new Map<string, ResourceEstimate[]>();
  for (const r of resources) {
    if (!stacks.has(r.stack)) stacks.set(r.stack, []);
    stacks.get(r.stack)!.push(r);
  }
  return {
    schemaVersion: ESTIMATE_SCHEMA_VERSION,
    currency: "USD",
    hoursPerMonth: 730,
    input,
    format: "cdktf",
    stacks: [...stacks].map(([name, rs]) => stackEstimate(name, rs)),
    totals: estimateTotals(resources),
    priceSources: [],
    warnings: [],
  };
}

/** A policy from YAML text (header added unless the text has an apiVersion). */
export function pol(yaml: string, file = "policy.yaml", meta = "name: test"): LoadedPolicy {
  const text = yaml.includes("apiVersion:") ? yaml : `apiVersion: costgate.policy/v1\nmetadata: {${meta}}\n${yaml}`;
  return parsePolicy(text, file);
}

/** A policy with one rule of the given check (YAML flow or block mapping text), hard-mandatory by default. */
export function rule(check: string, extra = "", enforcement = "hard-mandatory"): LoadedPolicy {
  return pol(`rules:
  - id: R-1
    description: test rule
    severity: high
    enforcement: ${enforcement}
${extra ? extra.replace(/^/gm, "    ") + "\n" : ""}    check: ${check}
`);
}
