import { CostgateError } from "../errors.js";
import { isObject, MAX_NESTING } from "./json-values.js";

/**
 * The `configuration` section of `terraform show -json` output: what the user wrote, per module, with each
 * attribute as an expression (`{constant_value}` or `{references}`) and each nested block as a list of
 * expression objects. See https://developer.hashicorp.com/terraform/internals/json-format#configuration-representation
 */
export interface ConfigResource {
  /** `expressions` of the resource (attribute → expression, block → list of expression objects). */
  expressions: Record<string, unknown>;
  providerConfigKey?: string;
}

/** One module of the configuration: its resources by address and its calls' expressions. */
export interface ConfigModule {
  /** Module path without instance keys: `` (root), `module.a`, `module.a.module.b`. */
  path: string;
  resources: Map<string, ConfigResource>;
  /** The expressions of the call that instantiates this module (input variables), none for the root. */
  callExpressions?: Record<string, unknown>;
  parent?: ConfigModule;
}

/**
 * Every module of a plan's configuration, by path (root module at ``). Throws CostgateError naming `file`
 * when module calls nest deeper than MAX_NESTING.
 */
export function readConfigModules(configuration: unknown, file: string): Map<string, ConfigModule> {
  const out = new Map<string, ConfigModule>();
  const root = isObject(configuration) ? configuration.root_module : undefined;
  walk(root, "", undefined, undefined, 0, out, file);
  return out;
}

function walk(mod: unknown, path: string, call: Record<string, unknown> | undefined, parent: ConfigModule | undefined, depth: number, out: Map<string, ConfigModule>, file: string): void {
  if (!isObject(mod)) return;
  if (depth > MAX_NESTING) throw new CostgateError(`modules nested more than ${MAX_NESTING} levels deep`, file, "/configuration/root_module");
  const m: ConfigModule = { path, resources: new Map(), ...(call ? { callExpressions: call } : {}), ...(parent ? { parent } : {}) };
  out.set(path, m);
  for (const r of Array.isArray(mod.resources) ? mod.resources : []) {
    if (!isObject(r) || typeof r.address !== "string") continue;
    m.resources.set(r.address, {
      expressions: isObject(r.expressions) ? r.expressions : {},
      ...(typeof r.provider_config_key === "string" ? { providerConfigKey: r.provider_config_key } : {}),
    });
  }
  if (!isObject(mod.module_calls)) return;
  for (const [name, c] of Object.entries(mod.module_calls)) {
    if (!isObject(c)) continue;
    walk(c.module, path ? `${path}.module.${name}` : `module.${name}`, isObject(c.expressions) ? c.expressions : {}, m, depth + 1, out, file);
  }
}

/** `module.a["x"].module.b[0]` → `module.a.module.b` (a module path without instance keys). */
export function modulePathOf(moduleAddress: string): string {
  return moduleAddress.replace(/\[[^\]]*\]/g, "");
}

/**
 * The configuration of a resource instance: its module by `module_address`, then its address inside the module
 * without instance keys (`module.a.aws_instance.x[0]` → `aws_instance.x` in `module.a`).
 */
export function configResourceOf(modules: ReadonlyMap<string, ConfigModule>, address: string, moduleAddress: string): ConfigResource | undefined {
  const mod = modules.get(modulePathOf(moduleAddress));
  if (!mod) return undefined;
  const local = moduleAddress && address.startsWith(moduleAddress + ".") ? address.slice(moduleAddress.length + 1) : address;
  return mod.resources.get(local.replace(/\[[^\]]*\]/g, ""));
}

/** True for an expression node (`{constant_value}`, `{references}`), as opposed to a nested block. */
export function isExpressionNode(v: unknown): v is { constant_value?: unknown; references?: unknown } {
  return isObject(v) && ("constant_value" in v || "references" in v);
}

/** The references an expression node names (strings only), e.g. `["var.region"]`. */
export function referencesOf(v: unknown): string[] {
  if (!isObject(v) || !Array.isArray(v.references)) return [];
  return v.references.filter((r): r is string => typeof r === "string");
}
