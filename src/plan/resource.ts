/**
 * What a plan change will do to a resource (Terraform plan JSON); synth output is always "create". `forget`
 * (Terraform 1.7+ `removed { lifecycle { destroy = false } }`) takes the object out of Terraform's management
 * without destroying it: like `delete`, it is not part of the head.
 */
export type ResourceAction = "create" | "update" | "delete" | "replace" | "no-op" | "read" | "forget";

/** True when the resource is not in the head after the change (deleted, or forgotten by Terraform): it costs nothing there. */
export function leavesHead(action: ResourceAction): boolean {
  return action === "delete" || action === "forget";
}

/**
 * One resource of a plan, normalized from cdktf synth output or `terraform show -json`.
 * Everything downstream (pricing, policy, reports) reads this and never the raw input.
 */
export interface Resource {
  /** Terraform address inside its stack, e.g. `aws_instance.trainer` or `aws_instance.trainer[0]`. */
  address: string;
  /** Stack name (cdktf stack, or the plan file's base name for Terraform plans). */
  stack: string;
  /** Resource type, e.g. `aws_instance`. */
  type: string;
  /** Resource name (last segment of the address, without index). */
  name: string;
  /** Provider configuration in Terraform form: `aws` or `aws.west`. */
  provider: string;
  /** AWS region the resource lives in (from its provider block), or the configured default. */
  region: string;
  /** True when the region could not be read from the provider and the default was used. */
  regionDefaulted: boolean;
  /** Effective tags: provider default_tags merged with the resource's own tags (resource wins). */
  tags: Record<string, string>;
  /** Tag keys whose values are unresolved expressions (`${...}`). */
  unknownTags: string[];
  /** How many instances of the resource: a number, or null when `count` is an expression we cannot resolve. */
  count: number | null;
  /** The raw count expression when count is unknown. */
  countExpression?: string;
  /**
   * Raw configuration attributes (values as written; blocks may be objects or arrays). For cdktf output this is
   * the resource's JSON object itself, so Terraform meta-arguments (`//`, `count`, `depends_on`, …) appear in it:
   * read attributes by name.
   */
  attributes: Record<string, unknown>;
  /** Plan action; synthesized configuration is treated as "create". */
  action: ResourceAction;
  /** Module instance address (`module.workers`, `module.a["x"]`) for resources in a child module of a plan. */
  module?: string;
  /** cdktf construct path (from the `//` metadata), when present. */
  constructPath?: string;
  /** Where the resource was read from, for error messages: file and JSON pointer. */
  origin: { file: string; pointer: string };
}

/** A normalized plan: every resource of every stack of one input. */
export interface Plan {
  /** The path the user gave. */
  input: string;
  /** Kind of input that was read. */
  format: "cdktf" | "terraform-plan";
  /** Stack names in input order. */
  stacks: string[];
  resources: Resource[];
  /** Non-fatal notes about the input (e.g. a default region was assumed). */
  warnings: string[];
  /**
   * Set when the input is a lone cdk.tf.json without `//.metadata.stackName`, whose stack is named after its
   * folder: such a stack pairs with the other side's single stack in a diff (see pairLoneStacks).
   */
  stackNamedByFolder?: boolean;
}

/** Stable identity of a resource across base and head: stack + address. */
export function resourceKey(r: Pick<Resource, "stack" | "address">): string {
  return `${r.stack}/${r.address}`;
}
