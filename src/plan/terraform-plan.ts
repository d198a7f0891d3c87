import { CostgateError, pointer } from "../errors.js";
import { effectiveTags } from "./effective-tags.js";
import { assertNesting, isObject, MAX_NESTING, nestingError, readTags } from "./json-values.js";
import type { Plan, Resource, ResourceAction } from "./resource.js";

export interface TerraformPlanOptions {
  file: string;
  /** Stack name for every resource; the same for base and head so they diff by address. */
  stack: string;
  defaultRegion: string;
}

interface ProviderInfo {
  region?: string;
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
  const config = isObject(json.configuration) ? json.configuration : {};
  const providers = readPlanProviders(config.provider_config, variables);
  const providerKeys = collectProviderKeys(config.root_module, "", file);
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
    const action = readAction(rc.change.actions, file, `${at}/change/actions`);
    const values = action === "delete" ? rc.change.before : rc.change.after;
    if (values !== null && values !== undefined && !isObject(values))
      throw new CostgateError(`\`${action === "delete" ? "before" : "after"}\` must be an object`, file, `${at}/change/${action === "delete" ? "before" : "after"}`);
    const attributes: Record<string, unknown> = { ...((values as Record<string, unknown>) ?? {}) };
    const unknowns = action === "delete" ? [] : unknownPointers(rc.change.after_unknown);
    // Values Terraform only knows after apply read as expressions, like unresolved `${...}` in cdktf output.
    if (action !== "delete") markUnknown(attributes, rc.change.after_unknown);
    const address = rc.address as string;
    const configAddress = configAddressOf(address, typeof rc.module_address === "string" ? rc.module_address : "");
    const providerKey = providerKeys.get(configAddress) ?? "aws";
    const provider = providers.get(providerKey) ?? providers.get(providerKey.replace(/^.*:/, ""));
    let region = typeof attributes.region === "string" && attributes.region ? attributes.region : provider?.region;
    let regionDefaulted = false;
    if (!region) {
      region = defaultRegion;
      regionDefaulted = true;
      if ((rc.type as string).startsWith("aws_") && !warned.has(providerKey)) {
        warned.add(providerKey);
        warnings.push(`${stack}: provider ${providerKey} has no resolvable region; assumed ${defaultRegion} (set --region)`);
      }
    }
    // tags_all already includes provider default_tags when Terraform knows it.
    const tagsAll = readTags(attributes.tags_all);
    const base = Object.keys(tagsAll.tags).length > 0 ? tagsAll.tags : provider?.defaultTags ?? {};
    const { tags, unknownTags } = effectiveTags(rc.type as string, attributes, base);
    const unknownTagKeys = [...new Set([...unknownTags, ...unknowns.filter((p) => p.startsWith("/tags/")).map((p) => p.slice(6))])];
    resources.push({
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
    });
  });
  return { input: file, format: "terraform-plan", stacks: [stack], resources, warnings };
}

function readAction(actions: unknown, file: string, at: string): ResourceAction {
  if (!Array.isArray(actions) || actions.length === 0) throw new CostgateError("`actions` must be a non-empty array", file, at);
  const a = actions.join(",");
  switch (a) {
    case "create":
    case "update":
    case "delete":
    case "read":
    case "no-op":
      return a;
    case "delete,create":
    case "create,delete":
      return "replace";
    default:
      throw new CostgateError(`unknown plan action ${JSON.stringify(actions)}; expected create, update, delete, no-op, read or a replace pair`, file, at);
  }
}

/** `module.a.aws_instance.x[0]` → `module.a.aws_instance.x` (config address, without instance keys). */
function configAddressOf(address: string, _moduleAddress: string): string {
  return address.replace(/\[[^\]]*\]/g, "");
}

export const KNOWN_AFTER_APPLY = "${known after apply}";

function markUnknown(target: Record<string, unknown>, afterUnknown: unknown): void {
  if (!isObject(afterUnknown)) return;
  for (const [k, u] of Object.entries(afterUnknown)) {
    if (u === true && (target[k] === undefined || target[k] === null)) target[k] = KNOWN_AFTER_APPLY;
    else if (isObject(u) && isObject(target[k])) markUnknown(target[k] as Record<string, unknown>, u);
    else if (Array.isArray(u) && Array.isArray(target[k]))
      u.forEach((x, i) => {
        const arr = target[k] as unknown[];
        if (x === true && (arr[i] === undefined || arr[i] === null)) arr[i] = KNOWN_AFTER_APPLY;
        else if (isObject(x) && isObject(arr[i])) markUnknown(arr[i] as Record<string, unknown>, x);
      });
  }
}

function unknownPointers(afterUnknown: unknown, at = ""): string[] {
  if (afterUnknown === true) return [at || "/"];
  if (Array.isArray(afterUnknown)) return afterUnknown.flatMap((x, i) => unknownPointers(x, `${at}/${i}`));
  if (isObject(afterUnknown)) return Object.entries(afterUnknown).flatMap(([k, x]) => unknownPointers(x, `${at}/${k}`));
  return [];
}

/** Resolve provider configurations: constant region or `var.x` reference with a plan variable value. */
function readPlanProviders(section: unknown, variables: Record<string, unknown>): Map<string, ProviderInfo> {
  const out = new Map<string, ProviderInfo>();
  if (!isObject(section)) return out;
  for (const [key, cfg] of Object.entries(section)) {
    if (!isObject(cfg) || cfg.name !== "aws") continue;
    const ex = isObject(cfg.expressions) ? cfg.expressions : {};
    const region = resolveExpression(ex.region, variables);
    const defaultTags: Record<string, string> = {};
    const dt = Array.isArray(ex.default_tags) ? ex.default_tags : isObject(ex.default_tags) ? [ex.default_tags] : [];
    for (const b of dt) {
      if (!isObject(b)) continue;
      const v = resolveExpression(b.tags, variables, true);
      if (isObject(v)) Object.assign(defaultTags, readTags(v).tags);
    }
    out.set(key, { ...(typeof region === "string" ? { region } : {}), defaultTags });
  }
  return out;
}

function resolveExpression(e: unknown, variables: Record<string, unknown>, allowObject = false): unknown {
  if (!isObject(e)) return undefined;
  if ("constant_value" in e) return allowObject || typeof e.constant_value === "string" ? e.constant_value : undefined;
  const refs = Array.isArray(e.references) ? e.references : [];
  const ref = refs.find((r): r is string => typeof r === "string" && r.startsWith("var."));
  if (refs.length >= 1 && ref) {
    const v = variables[ref.slice(4)];
    if (isObject(v)) return v.value;
  }
  return undefined;
}

/** Map config resource address → provider_config_key, through module calls. */
function collectProviderKeys(mod: unknown, prefix: string, file: string, depth = 0): Map<string, string> {
  const out = new Map<string, string>();
  if (!isObject(mod)) return out;
  if (depth > MAX_NESTING) throw new CostgateError(`modules nested more than ${MAX_NESTING} levels deep`, file, "/configuration/root_module");
  for (const r of Array.isArray(mod.resources) ? mod.resources : []) {
    if (isObject(r) && typeof r.address === "string" && typeof r.provider_config_key === "string")
      out.set(prefix ? `${prefix}.${r.address}` : r.address, r.provider_config_key);
  }
  if (isObject(mod.module_calls)) {
    for (const [name, call] of Object.entries(mod.module_calls)) {
      if (!isObject(call)) continue;
      const sub = collectProviderKeys(call.module, prefix ? `${prefix}.module.${name}` : `module.${name}`, file, depth + 1);
      for (const [k, v] of sub) out.set(k, v);
    }
  }
  return out;
}
