import { CostgateError, pointer } from "../errors.js";
import { effectiveTags } from "./effective-tags.js";
import { assertNesting, findExpressions, isExpression, isObject, nestingError, showValue, toNumber } from "./json-values.js";
import { providerKeyOf, readAwsProviders } from "./provider-regions.js";
import type { Plan, Resource } from "./resource.js";

/** Terraform meta-arguments: not resource attributes. */
const META_KEYS = new Set(["//", "provider", "count", "for_each", "depends_on", "lifecycle", "provisioner", "connection"]);

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
  for (const [type, byName] of Object.entries((json.resource ?? {}) as Record<string, unknown>)) {
    if (!isObject(byName)) throw new CostgateError(`resources of type ${type} must be an object keyed by name`, file, pointer("resource", type));
    for (const [name, raw] of Object.entries(byName)) {
      const at = pointer("resource", type, name);
      if (!isObject(raw)) throw new CostgateError(`resource ${type}.${name} must be an object`, file, at);
      const providerKey = providerKeyOf(raw.provider);
      const provider = providers.get(providerKey);
      if (!provider && providerKey !== "aws" && type.startsWith("aws_"))
        throw new CostgateError(`resource refers to provider \`${providerKey}\`, which is not configured in \`provider.aws\``, file, `${at}/provider`);
      let region = provider?.region;
      let regionDefaulted = false;
      if (!region) {
        region = defaultRegion;
        regionDefaulted = true;
        if (type.startsWith("aws_") && !warnedProviders.has(providerKey)) {
          warnedProviders.add(providerKey);
          warnings.push(
            `${stack}: provider ${providerKey} has ${provider?.regionUnknown ? "a region expression costgate cannot resolve" : "no region"}; assumed ${defaultRegion} (set --region)`,
          );
        }
      }
      const { count, countExpression } = readCount(raw, file, at);
      const meta = isObject(raw["//"]) && isObject(raw["//"].metadata) ? raw["//"].metadata : undefined;
      const attributes: Record<string, unknown> = {};
      for (const k in raw) if (!META_KEYS.has(k)) attributes[k] = raw[k];
      const { tags, unknownTags } = effectiveTags(type, attributes, provider?.defaultTags ?? {}, provider?.defaultTagsUnknown ?? []);
      resources.push({
        address: `${type}.${name}`,
        stack,
        type,
        name,
        provider: providerKey,
        region,
        regionDefaulted,
        tags,
        unknownTags,
        count,
        ...(countExpression !== undefined ? { countExpression } : {}),
        attributes,
        unknowns: expressionsIn(attributes, file, at),
        action: "create",
        ...(meta && typeof meta.path === "string" ? { constructPath: meta.path } : {}),
        origin: { file, pointer: at },
      });
    }
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
  return { count: 1 };
}

function expressionsIn(attributes: Record<string, unknown>, file: string, at: string): string[] {
  try {
    return findExpressions(attributes);
  } catch (e) {
    throw nestingError(e, file, at);
  }
}
