import type { Plan, Resource } from "../../../src/plan/resource.js";

/** A normalized resource as the plan loaders produce it, for pricing tests that skip parsing. */
export function resource(stack: string, type: string, name: string, attributes: Record<string, unknown>, region = "us-east-1", count = 1): Resource {
  return {
    address: `${type}.${name}`,
    stack,
    type,
    name,
    provider: "aws",
    region,
    regionDefaulted: false,
    tags: {},
    unknownTags: [],
    count,
    attributes,
    action: "create",
    origin: { file: `${stack}/cdk.tf.json`, pointer: `/resource/${type}/${name}` },
  };
}

export function plan(input: string, resources: Resource[]): Plan {
  return { input, format: "cdktf", stacks: [...new Set(resources.map((r) => r.stack))], resources, warnings: [] };
}
