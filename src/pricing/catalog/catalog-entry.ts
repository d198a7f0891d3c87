import type { Resource } from "../../plan/resource.js";
import type { CostComponentSpec, ResourceFacts } from "../cost-component.js";
import type { ResourceUsage } from "../usage.js";

/** What a catalog entry may consult besides the resource itself. */
export interface CatalogContext {
  /** Usage values for this resource (usage file: address > type > wildcard), numbers only. */
  usage: ResourceUsage;
  /**
   * The pricing date, YYYY-MM-DD (UTC): prices that change on a date (e.g. EKS extended support) are chosen as of
   * this day. Injected (`--today`), so an estimate is reproducible.
   */
  today: string;
  /** Find another resource of the same stack by type and name (e.g. a launch template an ASG references). */
  findResource(type: string, name: string): Resource | undefined;
  /** Every resource of a type in the same stack. */
  resourcesOfType(type: string): Resource[];
  /** GPUs (or accelerators) per instance for an EC2 or `ml.*` instance type, when known. */
  gpusOf(instanceType: string): number | null;
  /** vCPUs per instance, when known. */
  vcpusOf(instanceType: string): number | null;
  /**
   * Check a literal instance type. Unknown types are bad input (a typo) and throw a CostgateError naming the
   * file and attribute, unless unknown types are allowed, in which case the reason to leave it unpriced is returned.
   */
  checkInstanceType(instanceType: string, attributePointer: string): string | undefined;
}

/** One resource family's pricing: which cost components a resource of `type` has. Pure. */
export interface CatalogEntry {
  types: string[];
  components(resource: Resource, ctx: CatalogContext): CostComponentSpec[];
  facts(resource: Resource, ctx: CatalogContext): ResourceFacts;
}
