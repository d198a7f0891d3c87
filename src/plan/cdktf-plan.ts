import { CostgateError, pointer, pointerSegment } from "../errors.js";
import { effectiveTags } from "./effective-tags.js";
import { assertNesting, isExpression, isObject, nestingError, showValue, toNumber } from "./json-values.js";
import { moduleCallResources, moduleSourceText } from "./module-calls.js";
import { providerKeyOf, readAwsProviders } from "./provider-regions.js";
import type { Plan, Resource } from "./resource.js";

const NO_TAGS: Record<string, string> = Object.freeze({}) as Record<string, string>;
const NO_KEYS: string[] = Object.freeze([]) as unknown as string[];
const ONE = Object.freeze({ count: 1 });

export interface CdktfStackOptions {
  stack: string;
  file: string;
  defaultRegion: string;
}

/**
 * Normalize one synthesized stack (`cdk.tf.json`, or any Terraform JSON configuration) into resources.
 * Pure: takes the parsed JSON. Shape errors name the file and the JSON pointer.
 */
export function planFromCdktfStack(json: unknown, opts: CdktfStackOptions): Plan {
  const { stack, file, defaultRegion } = opts;
  if (!isObject(json)) throw new CostgateError("expected a JSON object (a synthesized cdk.tf.json)", file, "/");
  if (json.resource !== undefined && !isObject(json.resource))
    throw new CostgateError("`resource` must be an object of resource types", file, "/resource");
  if (json.provider !== undefined && !isObject(json.provider))
    throw new CostgateError("`provider` must be an object of provider configurations", file, "/provider");
  const providers = readAwsProviders(json.provider);
  const warnings: string[] = [];
  const warnedProviders = new Set<string>();
  const resources: Resource[] = [];
  // Loops and object building below run once per resource (50,000 in the benchmark): plain for-in loops and
  // string concatenation, no intermediate arrays or spreads.
  const section = (json.resource ?? {}) as Record<string, unknown>;
  for (const type in section) {
    const byName = section[type];
    if (!isObject(byName)) throw new CostgateError(`resources of type ${type} must be an object keyed by name`, file, pointer("resource", type));
    const typeAt = "/resource/" + pointerSegment(type) + "/";
    for (const name in byName) {
      const raw = byName[name];
      const at = typeAt + pointerSegment(name);
      if (!isObject(raw)) throw new CostgateError(`resource ${type}.${name} must be an object`, file, at);
      // An awscc resource without `provider` uses the default awscc configuration (its region), else the aws one.
      const providerKey = raw.provider === undefined && type.startsWith("awscc_") && providers.has("awscc") ? "awscc" : providerKeyOf(raw.provider);
      const provider = providers.get(providerKey);
      if (!provider && providerKey !== "aws" && type.startsWith("aws_"))
        throw new CostgateError(`resource refers to provider \`${providerKey}\`, which is not configured in \`provider.aws\``, file, `${at}/provider`);
      let region = provider?.region;
      let regionDefaulted = false;
      if (!region) {
        region = defaultRegion;
        regionDefaulted = true;
        if (/^aws(cc)?_/.test(type) && !warnedProviders.has(providerKey)) {
          warnedProviders.add(providerKey);
          warnings.push(
            `${stack}: provider ${providerKey} has ${provider?.regionUnknown ? "a region expression costgate cannot resolve" : "no region"}; assumed ${defaultRegion} (set --region)`,
          );
        }
      }
      const { count, countExpression } = readCount(raw, file, at);
      const meta = isObject(raw["//"]) && isObject(raw["//"].metadata) ? raw["//"].metadata : undefined;
      // The resource's own object, not a copy without the meta-arguments: readers ask for attributes by name, and
      // a copy per resource was a large share of what a 50,000-resource plan keeps alive.
      const attributes = raw;
      const { tags, unknownTags } = effectiveTags(type, attributes, provider?.defaultTags ?? NO_TAGS, provider?.defaultTagsUnknown ?? NO_KEYS);
      // Built in this key order (countExpression and constructPath only when set), as before.
      const r = { address: type + "." + name, stack, type, name, provider: providerKey, region, regionDefaulted, tags, unknownTags, count } as Resource;
      if (countExpression !== undefined) r.countExpression = countExpression;
      r.attributes = attributes;
      try {
        assertNesting(attributes);
      } catch (e) {
        throw nestingError(e, file, at);
      }
      r.action = "create";
      if (meta && typeof meta.path === "string") r.constructPath = meta.path;
      r.origin = { file, pointer: at };
      resources.push(r);
    }
  }
  // Module calls are not expanded: each is listed (not counted) with a warning naming its source.
  const root = providers.get("aws");
  for (const m of moduleCallResources(json.module, { stack, provider: "aws", region: root?.region ?? defaultRegion, regionDefaulted: !root?.region }, file)) {
    warnings.push(`${stack}: ${m.address} (${moduleSourceText(m.attributes)}) is a module call; costgate does not expand modules, so its resources are not counted`);
    resources.push(m);
  }
  return { input: file, format: "cdktf", stacks: [stack], resources, warnings };
}

function readCount(raw: Record<string, unknown>, file: string, at: string): { count: number | null; countExpression?: string } {
  if (raw.count !== undefined) {
    if (isExpression(raw.count)) return { count: null, countExpression: raw.count };
    const n = toNumber(raw.count);
    if (n === null || !Number.isInteger(n) || n < 0)
      throw new CostgateError(`\`count\` must be a non-negative whole number or an expression, got ${showValue(raw.count)}`, file, `${at}/count`);
    return { count: n };
  }
  if (raw.for_each !== undefined) {
    const fe = raw.for_each;
    if (isExpression(fe)) return { count: null, countExpression: `for_each = ${fe}` };
    if (Array.isArray(fe)) {
      try {
        assertNesting(fe);
      } catch (e) {
        throw nestingError(e, file, `${at}/for_each`);
      }
      return { count: new Set(fe.map((x) => JSON.stringify(x))).size };
    }
    if (isObject(fe)) return { count: Object.keys(fe).length };
    throw new CostgateError("`for_each` must be a map, a set or an expression", file, `${at}/for_each`);
  }
  return ONE;
}
