import { blocks, isUnresolved } from "./json-values.js";

/**
 * Effective tags of a resource: provider default_tags, then the resource's own `tags`, then tags that reach
 * launched instances where default_tags does not (ASG `tag`/`tags` blocks, launch template instance
 * `tag_specifications`). Later sources win.
 *
 * The AWS provider does not apply `default_tags` to `aws_autoscaling_group` ("Default Tags in the Terraform AWS
 * Provider", https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/resource-tagging#propagating-tags-to-autoscaling-groups):
 * an ASG carries only its own `tag` blocks, so default tags are not counted for it.
 *
 * `awscc_*` (Cloud Control provider) resources: `tags` is a list of `{ key, value }` (a map for a few types), EFS
 * file systems use `file_system_tags` and hosted zones `hosted_zone_tags`, and a launch template's instance tags
 * are `launch_template_data.tag_specifications`. The awscc provider has no `default_tags`
 * (registry.terraform.io/providers/hashicorp/awscc/latest/docs, provider arguments), so the aws provider's do
 * not apply to them.
 */
export function effectiveTags(
  type: string,
  attrs: Record<string, unknown>,
  defaultTags: Record<string, string>,
  defaultUnknown: readonly string[] = [],
): { tags: Record<string, string>; unknownTags: string[] } {
  // Runs for every resource: no Set, closures or intermediate maps unless a tag value is an expression. Not
  // `{ ...defaultTags }`: V8 extends an object made by a spread an order of magnitude slower than one made by
  // Object.assign (measured: 125 ms vs 16 ms for 50,000 tag maps).
  const asg = type === "aws_autoscaling_group";
  if (type.startsWith("awscc_")) return awsccTags(type, attrs);
  const tags: Record<string, string> = asg ? {} : Object.assign({}, defaultTags);
  const acc: Accumulator = { tags, unknown: !asg && defaultUnknown.length > 0 ? new Set(defaultUnknown) : undefined };
  mergeTagMap(acc, attrs.tags);
  if (asg) {
    for (const b of [...blocks(attrs.tag), ...blocks(attrs.tags)]) {
      if (typeof b.key !== "string") continue;
      if (isUnresolved(b.value)) (acc.unknown ??= new Set()).add(b.key);
      else if (b.value !== undefined && b.value !== null) setTag(acc, b.key, String(b.value));
    }
  }
  if (type === "aws_launch_template") {
    for (const spec of blocks(attrs.tag_specifications)) {
      if (spec.resource_type === undefined || spec.resource_type === "instance") mergeTagMap(acc, spec.tags);
    }
  }
  if (!acc.unknown) return { tags, unknownTags: [] };
  return { tags, unknownTags: [...acc.unknown].filter((k) => !Object.hasOwn(tags, k)).sort() };
}

/** Tags of an awscc resource: `{ key, value }` lists (or maps) in `tags`, `file_system_tags`, `hosted_zone_tags`; instance tag specifications of a launch template. */
function awsccTags(type: string, attrs: Record<string, unknown>): { tags: Record<string, string>; unknownTags: string[] } {
  const acc: Accumulator = { tags: {}, unknown: undefined };
  const list = (v: unknown) => {
    if (!Array.isArray(v)) return mergeTagMap(acc, v);
    for (const b of blocks(v)) {
      if (typeof b.key !== "string") continue;
      if (isUnresolved(b.value)) (acc.unknown ??= new Set()).add(b.key);
      else if (b.value !== undefined && b.value !== null) setTag(acc, b.key, String(b.value));
    }
  };
  list(attrs.tags);
  list(attrs.file_system_tags);
  list(attrs.hosted_zone_tags);
  if (type === "awscc_ec2_launch_template") {
    for (const data of blocks(attrs.launch_template_data))
      for (const spec of blocks(data.tag_specifications)) if (spec.resource_type === undefined || spec.resource_type === "instance") list(spec.tags);
  }
  if (!acc.unknown) return { tags: acc.tags, unknownTags: [] };
  return { tags: acc.tags, unknownTags: [...acc.unknown].filter((k) => !Object.hasOwn(acc.tags, k)).sort() };
}

interface Accumulator {
  tags: Record<string, string>;
  unknown: Set<string> | undefined;
}

function setTag(acc: Accumulator, key: string, value: string): void {
  acc.tags[key] = value;
  acc.unknown?.delete(key);
}

/**
 * Merge a string→string tag map: literal values (strings, numbers, booleans) win over earlier ones; keys whose
 * value is an expression are unknown unless an earlier source set them. Other values are ignored.
 */
function mergeTagMap(acc: Accumulator, v: unknown): void {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return;
  const map = v as Record<string, unknown>;
  if (!acc.unknown && plainStrings(map)) {
    Object.assign(acc.tags, map);
    return;
  }
  for (const k in map) {
    const val = map[k];
    if (typeof val === "string") {
      if (val.includes("${")) {
        if (!Object.hasOwn(acc.tags, k)) (acc.unknown ??= new Set()).add(k);
      } else setTag(acc, k, val);
    } else if (typeof val === "number" || typeof val === "boolean") setTag(acc, k, String(val));
  }
}

/** Every value is a literal string (no `${…}`): the common case, merged in one Object.assign. */
function plainStrings(map: Record<string, unknown>): boolean {
  for (const k in map) {
    const val = map[k];
    if (typeof val !== "string" || val.includes("${")) return false;
  }
  return true;
}
