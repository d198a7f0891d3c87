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
  | { taggable: true; tags: Record<string, unknown>; own: Record<string, unknown> }
  | { taggable: true; unresolved: string };

/** Instances launched from a template should carry cost tags, and so should their volumes. */
const LAUNCHED_RESOURCE_TYPES = ["instance", "volume"] as const;

/**
 * What the user wrote before costgate merged cost tags in, per resource and attribute. Without it, tags
 * merged by one synth would count as the resource's own on the next, and a changed cost tag would never
 * reach the resource again. A value the user changed after our write becomes the new original.
 */
const originals = new WeakMap<object, Map<string, { original: unknown; written: string }>>();

function originalOf(resource: object, slot: string, current: unknown): unknown {
  const rec = originals.get(resource)?.get(slot);
  return rec && rec.written === JSON.stringify(current ?? null) ? rec.original : current;
}

/** Record a write; returns true when `desired` differs from `current` (the caller then writes it). */
function remember(resource: object, slot: string, original: unknown, desired: unknown, current: unknown): boolean {
  let bySlot = originals.get(resource);
  if (!bySlot) originals.set(resource, (bySlot = new Map()));
  const written = JSON.stringify(desired ?? null);
  bySlot.set(slot, { original, written });
  return written !== JSON.stringify(current ?? null);
}

export function propagateCostTags(resource: TerraformResourceShape, costTags: Readonly<Tags>): PropagationResult {
  const type = resource.terraformResourceType;
  if (type === "aws_autoscaling_group" && typeof (resource as unknown as AsgShape).putTag === "function") {
    return propagateToAsg(resource as unknown as AsgShape, costTags);
  }
  if (!("tagsInput" in resource)) return { taggable: false };
  const r = resource as unknown as Taggable;
  const current = r.tagsInput;
  if (isUnresolved(current)) return { taggable: true, unresolved: "its tags are an expression" };
  const own = (originalOf(r, "tags", current) ?? {}) as Tags;
  const desired = { ...costTags, ...own };
  if (remember(r, "tags", own, desired, current)) r.tags = desired;

  if (type === "aws_launch_template" && typeof (resource as unknown as LaunchTemplateShape).putTagSpecifications === "function") {
    propagateToLaunchTemplate(resource as unknown as LaunchTemplateShape, costTags);
  }
  if (type === "aws_batch_compute_environment" && typeof (resource as unknown as BatchComputeShape).putComputeResources === "function") {
    propagateToBatchCompute(resource as unknown as BatchComputeShape, costTags);
  }
  return { taggable: true, tags: desired, own };
}

// default_tags do not cover ASGs; their `tag` blocks with propagate_at_launch tag the launched instances.
function propagateToAsg(asg: AsgShape, costTags: Readonly<Tags>): PropagationResult {
  const current = asg.tagInput;
  if (isUnresolved(current)) return { taggable: true, unresolved: "its tag blocks are an expression" };
  type Block = { key?: unknown; value?: unknown; propagateAtLaunch?: unknown };
  const own = (originalOf(asg, "tag", current) ?? []) as Block[];
  const have = new Set(own.map((b) => b.key));
  const desired: Block[] = [
    ...own,
    ...Object.entries(costTags)
      .filter(([k]) => !have.has(k))
      .map(([key, value]) => ({ key, value, propagateAtLaunch: true })),
  ];
  if (remember(asg, "tag", own, desired, current)) asg.putTag(desired);
  const asTags = (blocks: Block[]) => Object.fromEntries(blocks.filter((b) => typeof b.key === "string").map((b) => [b.key as string, b.value]));
  return { taggable: true, tags: asTags(desired), own: asTags(own) };
}

// The only way to tag instances (and their volumes) that ASGs, EKS node groups and Batch launch from a template.
function propagateToLaunchTemplate(lt: LaunchTemplateShape, costTags: Readonly<Tags>): void {
  const current = lt.tagSpecificationsInput;
  if (isUnresolved(current)) return;
  type Spec = { resourceType?: string; tags?: Tags };
  const own = (originalOf(lt, "tag_specifications", current) ?? []) as Spec[];
  const desired = own.map((s) => ({ ...s }));
  for (const resourceType of LAUNCHED_RESOURCE_TYPES) {
    const spec = desired.find((s) => s.resourceType === resourceType);
    if (!spec) desired.push({ resourceType, tags: { ...costTags } });
    else if (!isUnresolved(spec.tags)) spec.tags = { ...costTags, ...(spec.tags ?? {}) };
  }
  if (remember(lt, "tag_specifications", own, desired, current)) lt.putTagSpecifications(desired);
}

// Batch tags the EC2 instances it launches with compute_resources.tags (not applicable to Fargate).
function propagateToBatchCompute(ce: BatchComputeShape, costTags: Readonly<Tags>): void {
  const cr = ce.computeResourcesInput as { type?: unknown; tags?: unknown } | undefined;
  if (!cr || typeof cr !== "object" || isUnresolved(cr.tags)) return;
  if (typeof cr.type === "string" && cr.type.startsWith("FARGATE")) return;
  const own = (originalOf(ce, "compute_resources.tags", cr.tags) ?? {}) as Tags;
  const desired = { ...costTags, ...own };
  if (remember(ce, "compute_resources.tags", own, desired, cr.tags)) ce.putComputeResources({ ...cr, tags: desired });
}
