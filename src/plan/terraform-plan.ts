import { CostgateError, pointer } from "../errors.js";
import { applyAfterUnknown } from "./after-unknown.js";
import { effectiveTags } from "./effective-tags.js";
import { assertNesting, isObject, nestingError, readTags } from "./json-values.js";
import { configResourceOf, modulePathOf, readConfigModules, referencesOf, type ConfigModule } from "./plan-configuration.js";
import { readPlanAction } from "./plan-action.js";
import { leavesHead, type Plan, type Resource } from "./resource.js";
import { isUnknown } from "./unknown-value.js";

export interface TerraformPlanOptions {
  file: string;
  /** Stack name for every resource; the same for base and head so they diff by address. */
  stack: string;
  defaultRegion: string;
}

interface ProviderInfo {
  region?: string;
  /** The region is an expression costgate could not resolve (in the provider's own module scope). */
  regionUnknown: boolean;
  defaultTags: Record<string, string>;
}

/**
 * Normalize `terraform show -json` plan output: one Resource per resource instance in `resource_changes`
 * (count/for_each are already expanded by Terraform). Deleted resources keep their `before` attributes and
 * cost nothing in the head estimate; data sources are skipped.
 */
export function planFromTerraformPlan(json: unknown, opts: TerraformPlanOptions): Plan {
  const { file, stack, defaultRegion } = opts;
  if (!isObject(json)) throw new CostgateError("expected a JSON object (terraform show -json output)", file, "/");
  const changes = json.resource_changes ?? [];
  if (!Array.isArray(changes)) throw new CostgateError("`resource_changes` must be an array", file, "/resource_changes");
  const variables = isObject(json.variables) ? json.variables : {};
  const config = isObject(json.configuration) ? json.configuration : undefined;
  const modules = readConfigModules(config, file);
  const providers = readPlanProviders(config?.provider_config, variables, modules);
  const warnings: string[] = [];
  const warned = new Set<string>();
  const resources: Resource[] = [];
  changes.forEach((rc: unknown, i: number) => {
    const at = pointer("resource_changes", i);
    if (!isObject(rc)) throw new CostgateError("each resource change must be an object", file, at);
    // The walks below (and the JSON report) recurse into these values.
    try {
      assertNesting(rc);
    } catch (e) {
      throw nestingError(e, file, at);
    }
    if (rc.mode === "data") return;
    for (const field of ["address", "type", "name"] as const)
      if (typeof rc[field] !== "string") throw new CostgateError(`\`${field}\` must be a string`, file, `${at}/${field}`);
    if (!isObject(rc.change)) throw new CostgateError("`change` must be an object with `actions`", file, `${at}/change`);
    const address = rc.address as string;
    const { action, warning } = readPlanAction(rc.change.actions, rc.change.after, file, `${at}/change/actions`);
    if (warning) warnings.push(`${stack}: ${address}: ${warning}`);
    // Resources that will not be in the head (deleted, forgotten) keep what they were.
    const gone = leavesHead(action);
    const side = gone ? "before" : "after";
    const values = rc.change[side];
    if (values !== null && values !== undefined && !isObject(values))
      throw new CostgateError(`\`${side}\` must be an object`, file, `${at}/change/${side}`);
    const attributes: Record<string, unknown> = { ...((values as Record<string, unknown>) ?? {}) };
    const unknowns = gone ? [] : unknownPointers(rc.change.after_unknown);
    const moduleAddress = typeof rc.module_address === "string" ? rc.module_address : "";
    const configResource = config ? configResourceOf(modules, address, moduleAddress) : undefined;
    // Unknown values are UnknownValue (with the references they come from); attributes the configuration does
    // not set and the provider computes are left unset, so their documented defaults apply.
    if (!gone) applyAfterUnknown(attributes, rc.change.after_unknown, configResource?.expressions);
    const providerKey = configResource?.providerConfigKey ?? "aws";
    const provider = providers.get(providerKey) ?? providers.get(providerKey.replace(/^.*:/, ""));
    let region = typeof attributes.region === "string" && attributes.region ? attributes.region : provider?.region;
    // A resource-level `region` (AWS provider 6) written as an expression Terraform does not know yet.
    if (isUnknown(attributes.region) && region) warnings.push(`${stack}: ${address}: its region is known only after apply; assumed its provider's region ${region}`);
    let regionDefaulted = false;
    if (!region) {
      region = defaultRegion;
      regionDefaulted = true;
      if (/^aws(cc)?_/.test(rc.type as string) && !warned.has(providerKey)) {
        warned.add(providerKey);
        warnings.push(
          `${stack}: provider ${providerKey} has ${provider?.regionUnknown ? "a region costgate cannot resolve in its module's scope" : "no resolvable region"}; assumed ${defaultRegion} (set --region)`,
        );
      }
    }
    // tags_all already includes provider default_tags when Terraform knows it. The AWS provider does not apply
    // default_tags to Auto Scaling groups (see effectiveTags).
    const tagsAll = readTags(attributes.tags_all);
    const base = Object.keys(tagsAll.tags).length > 0 ? tagsAll.tags : provider?.defaultTags ?? {};
    const { tags, unknownTags } = effectiveTags(rc.type as string, attributes, base);
    const awscc = (rc.type as string).startsWith("awscc_");
    // (awscc tags are `{ key, value }` lists: an unknown value is already an unknown key from effectiveTags.)
    const unknownTagKeys = [...new Set([...unknownTags, ...(awscc ? [] : unknowns.filter((p) => p.startsWith("/tags/")).map((p) => p.slice(6)))])];
    const r: Resource = {
      address,
      stack,
      type: rc.type as string,
      name: rc.name as string,
      provider: providerKey.replace(/^.*:/, ""),
      region,
      regionDefaulted,
      tags,
      unknownTags: unknownTagKeys.filter((k) => !Object.hasOwn(tags, k)),
      count: 1,
      attributes,
      action,
      origin: { file, pointer: at },
    };
    if (moduleAddress) r.module = moduleAddress;
    resources.push(r);
  });
  return { input: file, format: "terraform-plan", stacks: [stack], resources, warnings };
}

function unknownPointers(afterUnknown: unknown, at = ""): string[] {
  if (afterUnknown === true) return [at || "/"];
  if (Array.isArray(afterUnknown)) return afterUnknown.flatMap((x, i) => unknownPointers(x, `${at}/${i}`));
  if (isObject(afterUnknown)) return Object.entries(afterUnknown).flatMap(([k, x]) => unknownPointers(x, `${at}/${k}`));
  return [];
}

/**
 * Resolve provider configurations: a constant region, or `var.x` resolved in the scope of the module that
 * declares the provider (a child module's `var.region` is its module call's `region` argument, followed up to
 * the root module, whose variables the plan lists). A region that cannot be resolved there is unknown, never
 * the root module's variable of the same name.
 */
function readPlanProviders(section: unknown, variables: Record<string, unknown>, modules: ReadonlyMap<string, ConfigModule>): Map<string, ProviderInfo> {
  const out = new Map<string, ProviderInfo>();
  if (!isObject(section)) return out;
  for (const [key, cfg] of Object.entries(section)) {
    // The awscc (Cloud Control) provider has a region too (and no default_tags).
    if (!isObject(cfg) || (cfg.name !== "aws" && cfg.name !== "awscc")) continue;
    const mod = modules.get(typeof cfg.module_address === "string" ? modulePathOf(cfg.module_address) : "");
    const ex = isObject(cfg.expressions) ? cfg.expressions : {};
    const region = resolveInModule(ex.region, variables, mod);
    const defaultTags: Record<string, string> = {};
    const dt = Array.isArray(ex.default_tags) ? ex.default_tags : isObject(ex.default_tags) ? [ex.default_tags] : [];
    for (const b of dt) {
      if (!isObject(b)) continue;
      const v = resolveInModule(b.tags, variables, mod, true);
      if (isObject(v)) Object.assign(defaultTags, readTags(v).tags);
    }
    out.set(key, { ...(typeof region === "string" ? { region } : {}), regionUnknown: ex.region !== undefined && typeof region !== "string", defaultTags });
  }
  return out;
}

/**
 * The value of an expression in a module's scope: a constant, or a lone `var.x` reference, which in the root
 * module is the plan's variable value and in a child module is the module call's argument `x` (itself
 * resolved in the parent's scope). Anything else is undefined (unknown).
 */
function resolveInModule(e: unknown, variables: Record<string, unknown>, mod: ConfigModule | undefined, allowObject = false, depth = 0): unknown {
  if (!isObject(e) || depth > 100) return undefined;
  if ("constant_value" in e) return allowObject || typeof e.constant_value === "string" ? e.constant_value : undefined;
  const ref = referencesOf(e).find((r) => r.startsWith("var."));
  if (!ref) return undefined;
  const name = ref.slice(4);
  if (!mod || mod.path === "") {
    const v = variables[name];
    return isObject(v) && (allowObject || typeof v.value === "string") ? v.value : undefined;
  }
  return resolveInModule(mod.callExpressions?.[name], variables, mod.parent, allowObject, depth + 1);
}
