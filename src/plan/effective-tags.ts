import { blocks, isExpression, readTags } from "./json-values.js";

/**
 * Effective tags of a resource: provider default_tags, then the resource's own `tags`, then tags that reach
 * launched instances where default_tags does not (ASG `tag`/`tags` blocks, launch template instance
 * `tag_specifications`). Later sources win.
 */
export function effectiveTags(
  type: string,
  attrs: Record<string, unknown>,
  defaultTags: Record<string, string>,
  defaultUnknown: string[] = [],
): { tags: Record<string, string>; unknownTags: string[] } {
  const tags: Record<string, string> = { ...defaultTags };
  const unknown = new Set(defaultUnknown);
  const merge = (t: { tags: Record<string, string>; unknown: string[] }) => {
    for (const [k, v] of Object.entries(t.tags)) {
      tags[k] = v;
      unknown.delete(k);
    }
    for (const k of t.unknown) if (!(k in tags)) unknown.add(k);
  };
  merge(readTags(attrs.tags));
  if (type === "aws_autoscaling_group") {
    for (const b of [...blocks(attrs.tag), ...blocks(attrs.tags)]) {
      if (typeof b.key !== "string") continue;
      if (isExpression(b.value)) unknown.add(b.key);
      else if (b.value !== undefined && b.value !== null) merge({ tags: { [b.key]: String(b.value) }, unknown: [] });
    }
  }
  if (type === "aws_launch_template") {
    for (const spec of blocks(attrs.tag_specifications)) {
      if (spec.resource_type === undefined || spec.resource_type === "instance") merge(readTags(spec.tags));
    }
  }
  return { tags, unknownTags: [...unknown].filter((k) => !(k in tags)).sort() };
}
