import { isUnresolved, type TerraformResourceShape } from "../framework/construct-shape.js";

/*
 * Structural tag propagation: uses only the setters and `*Input` getters every generated provider class
 * has, so it works for cdktf and cdktn bindings alike. `*Input` getters return raw configuration; the plain
 * getters (`tags`) return reference tokens and must not be read (hashicorp/terraform-cdk#1892).
 */

type Tags = Record<string, string>;

interface Taggable {
  tagsInput?: unknown;
  tags: unknown;
}
interface AsgShape {
  tagInput?: unknown;
  putTag(v: unknown[]): void;
}
interface LaunchTemplateShape {
  tagSpecificationsInput?: unknown;
  putTagSpecifications(v: unknown[]): void;
}
interface BatchComputeShape {
  computeResourcesInput?: unknown;
  putComputeResources(v: unknown): void;
}

/** What propagation found: the resource's primary tags after propagation, or why they cannot be known. */
export type PropagationResult =
  | { taggable: false }
  | { taggable: true; tags: Record<string, unknown> }
  | { taggable: true; unresolved: string };

/** Instances launched from a template should carry cost tags, and so should their volumes. */
const LAUNCHED_RESOURCE_TYPES = ["instance", "volume"] as const;

export function propagateCostTags(resource: TerraformResourceShape, costTags: Readonly<Tags>): PropagationResult {
  const type = resource.terraformResourceType;
  if (type === "aws_autoscaling_group" && typeof (resource as unknown as AsgShape).putTag === "function") {
    return propagateToAsg(resource as unknown as AsgShape, costTags);
  }
  if (!("tagsInput" in resource)) return { taggable: false };
  const r = resource as unknown as Taggable;
  const own = r.tagsInput;
  if (isUnresolved(own)) return { taggable: true, unresolved: "its tags are an expression" };
  const merged = mergeMissing(own as Tags | undefined, costTags);
  if (merged) r.tags = merged;
  const result: PropagationResult = { taggable: true, tags: merged ?? ((own as Tags | undefined) ?? {}) };

  if (type === "aws_launch_template" && typeof (resource as unknown as LaunchTemplateShape).putTagSpecifications === "function") {
    propagateToLaunchTemplate(resource as unknown as LaunchTemplateShape, costTags);
  }
  if (type === "aws_batch_compute_environment" && typeof (resource as unknown as BatchComputeShape).putComputeResources === "function") {
    propagateToBatchCompute(resource as unknown as BatchComputeShape, costTags);
  }
  return result;
}

/** Cost tags under the resource's own (own wins); undefined when nothing is missing (no write needed). */
function mergeMissing(own: Tags | undefined, costTags: Readonly<Tags>): Tags | undefined {
  const base = own ?? {};
  const missing = Object.keys(costTags).filter((k) => !(k in base));
  if (missing.length === 0) return undefined;
  return { ...costTags, ...base };
}

// default_tags do not cover ASGs; their `tag` blocks with propagate_at_launch tag the launched instances.
function propagateToAsg(asg: AsgShape, costTags: Readonly<Tags>): PropagationResult {
  const current = asg.tagInput;
  if (isUnresolved(current)) return { taggable: true, unresolved: "its tag blocks are an expression" };
  const blocks = (Array.isArray(current) ? current : []) as { key?: unknown; value?: unknown; propagateAtLaunch?: unknown }[];
  const have = new Set(blocks.map((b) => b.key));
  const added = Object.entries(costTags)
    .filter(([k]) => !have.has(k))
    .map(([key, value]) => ({ key, value, propagateAtLaunch: true }));
  if (added.length > 0) asg.putTag([...blocks, ...added]);
  const tags: Record<string, unknown> = {};
  for (const b of [...blocks, ...added]) if (typeof b.key === "string") tags[b.key] = b.value;
  return { taggable: true, tags };
}

// The only way to tag instances (and their volumes) that ASGs, EKS node groups and Batch launch from a template.
function propagateToLaunchTemplate(lt: LaunchTemplateShape, costTags: Readonly<Tags>): void {
  const current = lt.tagSpecificationsInput;
  if (isUnresolved(current)) return;
  const specs = (Array.isArray(current) ? [...current] : []) as { resourceType?: string; tags?: Tags }[];
  let changed = false;
  for (const resourceType of LAUNCHED_RESOURCE_TYPES) {
    const i = specs.findIndex((s) => s.resourceType === resourceType);
    if (i < 0) {
      specs.push({ resourceType, tags: { ...costTags } });
      changed = true;
      continue;
    }
    const spec = specs[i]!;
    if (isUnresolved(spec.tags)) continue;
    const merged = mergeMissing(spec.tags, costTags);
    if (merged) {
      specs[i] = { ...spec, tags: merged };
      changed = true;
    }
  }
  if (changed) lt.putTagSpecifications(specs);
}

// Batch tags the EC2 instances it launches with compute_resources.tags (not applicable to Fargate).
function propagateToBatchCompute(ce: BatchComputeShape, costTags: Readonly<Tags>): void {
  const cr = ce.computeResourcesInput as { type?: unknown; tags?: unknown } | undefined;
  if (!cr || typeof cr !== "object" || isUnresolved(cr.tags)) return;
  if (typeof cr.type === "string" && cr.type.startsWith("FARGATE")) return;
  const merged = mergeMissing(cr.tags as Tags | undefined, costTags);
  if (merged) ce.putComputeResources({ ...cr, tags: merged });
}
