import { isUnknown, UnknownValue } from "../../plan/unknown-value.js";
import type { Resource } from "../../plan/resource.js";
import type { CatalogContext, CatalogEntry } from "./catalog-entry.js";

/**
 * How one attribute of an `aws_*` twin is read from an `awscc_*` resource: a path of awscc attribute names
 * (`"db_instance_class"`, `"provisioned_throughput.read_capacity_units"`: nested blocks are followed through their
 * first element), or a function of the awscc attributes with the awscc attribute it reads (for error pointers).
 */
export type TwinAttribute = string | { readonly from: string; readonly read: (a: Record<string, unknown>) => unknown };

/**
 * An `awscc_*` (Cloud Control) resource type priced as its `aws_*` twin: the twin's catalog entry, the twin type it
 * stands for (one of the entry's `types`), and where each attribute the twin reads comes from in the awscc
 * resource, whose names follow CloudFormation properties (`db_instance_class`, not `instance_class`). `when`
 * picks one of several twins (an `awscc_rds_db_instance` in a DB cluster is an Aurora cluster instance).
 * `K` is the twin's attribute names: a mapping names every one it sets, and nothing else.
 */
export interface AwsccTwin<K extends string = string> {
  readonly type: `awscc_${string}`;
  readonly twin: CatalogEntry;
  readonly twinType: string;
  readonly when?: (a: Record<string, unknown>) => boolean;
  readonly attributes: { readonly [P in K]: TwinAttribute };
}

/** Define a twin; `K` is inferred from the attribute mapping, so a mapping and its use cannot disagree. */
export function awsccTwin<K extends string>(t: AwsccTwin<K>): AwsccTwin<K> {
  if (!t.twin.types.includes(t.twinType)) throw new Error(`awscc twin ${t.type}: ${t.twinType} is not a type of the entry it names`);
  return t;
}

/** The value at a dotted path of awscc attribute names; nested blocks (objects or one-element lists) are followed. */
function valueAt(a: Record<string, unknown>, path: string): unknown {
  let v: unknown = a;
  for (const key of path.split(".")) {
    if (Array.isArray(v)) v = v[0];
    if (typeof v !== "object" || v === null || isUnknown(v)) return isUnknown(v) ? v : undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/**
 * Rewrite references to awscc resources that have twins into references to the twin type, so the twin's
 * reference readers (`${aws_launch_template.gpu.id}`, plan `references`) find the translated resource:
 * `${awscc_ec2_launch_template.gpu.launch_template_id}` → `${aws_launch_template.gpu.launch_template_id}`.
 */
export function twinReferences(v: unknown, twinTypeOf: ReadonlyMap<string, string>, depth = 0): unknown {
  if (depth > 50) return v;
  if (typeof v === "string") {
    if (!v.includes("${awscc_")) return v;
    return v.replace(/\$\{(awscc_[A-Za-z0-9_]+)\./g, (m, t: string) => (twinTypeOf.has(t) ? "${" + twinTypeOf.get(t)! + "." : m));
  }
  if (isUnknown(v)) {
    if (!v.references.some((r) => r.startsWith("awscc_"))) return v;
    return new UnknownValue(v.references.map((r) => r.replace(/^(awscc_[A-Za-z0-9_]+)\./, (m, t: string) => (twinTypeOf.has(t) ? `${twinTypeOf.get(t)!}.` : m))));
  }
  if (Array.isArray(v)) return v.map((x) => twinReferences(x, twinTypeOf, depth + 1));
  if (typeof v === "object" && v !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = twinReferences(x, twinTypeOf, depth + 1);
    return out;
  }
  return v;
}

/** The twin resource: same stack, name, region, tags and count; the twin's type; attributes mapped. Pure. */
export function twinResource(r: Resource, t: AwsccTwin, twinTypeOf: ReadonlyMap<string, string>): Resource {
  const attributes: Record<string, unknown> = {};
  for (const [name, from] of Object.entries<TwinAttribute>(t.attributes)) {
    const v = typeof from === "string" ? valueAt(r.attributes, from) : from.read(r.attributes);
    if (v !== undefined) attributes[name] = twinReferences(v, twinTypeOf);
  }
  // The address names the twin type too, so plan references rewritten by twinReferences (`aws_launch_template.gpu`)
  // match it; the estimate keeps the awscc resource itself.
  return { ...r, type: t.twinType, address: r.address.replace(`${r.type}.`, `${t.twinType}.`), attributes };
}

/** The awscc attribute pointer an error about the twin's attribute pointer `at` (`/instance_class`) refers to. */
export function awsccPointer(t: AwsccTwin, at: string): string {
  const m = /^\/([^/]+)(.*)$/.exec(at);
  const from = m ? (t.attributes as Record<string, TwinAttribute>)[m[1]!] : undefined;
  if (from === undefined) return at;
  const path = typeof from === "string" ? from : from.from;
  return `/${path.split(".").join("/")}${typeof from === "string" ? m![2] : ""}`;
}

/**
 * A catalog context for pricing a twin: lookups of a twin type (`aws_launch_template`, `aws_rds_cluster`) also
 * find the awscc resources that stand for it, translated; instance-type errors point at the awscc attribute.
 */
export function twinContext(ctx: CatalogContext, t: AwsccTwin, translate: (r: Resource) => Resource | undefined, awsccTypesOf: ReadonlyMap<string, readonly string[]>): CatalogContext {
  const twinsOf = (r: Resource[]) => r.map(translate).filter((x): x is Resource => x !== undefined && x.type !== "");
  return {
    usage: ctx.usage,
    today: ctx.today,
    gpusOf: ctx.gpusOf,
    vcpusOf: ctx.vcpusOf,
    findResource(type, name) {
      const own = ctx.findResource(type, name);
      if (own) return own;
      for (const awscc of awsccTypesOf.get(type) ?? []) {
        const found = ctx.findResource(awscc, name);
        const twin = found ? translate(found) : undefined;
        if (twin && twin.type === type) return twin;
      }
      return undefined;
    },
    resourcesOfType(type) {
      const awscc = awsccTypesOf.get(type);
      if (!awscc) return ctx.resourcesOfType(type);
      return [...ctx.resourcesOfType(type), ...twinsOf(awscc.flatMap((a) => ctx.resourcesOfType(a))).filter((x) => x.type === type)];
    },
    checkInstanceType: (type, at) => ctx.checkInstanceType(type, awsccPointer(t, at)),
  };
}
