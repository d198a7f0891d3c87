import type { IConstruct } from "constructs";

/*
 * Framework-neutral recognition of CDKTF elements. cdktf and cdktn (its fork) share these global symbols,
 * so code that only uses them works with either framework (`instanceof` does not: each package has its own
 * classes). Keep every reliance on these keys in this file.
 */
const RESOURCE_SYMBOL = Symbol.for("cdktf/TerraformResource");
const STACK_SYMBOL = Symbol.for("cdktf/TerraformStack");

/** The parts of a generated provider resource class that costgate reads, structurally. */
export interface TerraformResourceShape extends IConstruct {
  readonly terraformResourceType: string;
  readonly friendlyUniqueId: string;
}

/** A Terraform stack as both frameworks shape it. */
export interface TerraformStackShape extends IConstruct {
  toTerraform(): unknown;
}

/** True for managed resources only; data sources share `terraformResourceType` and `tagsInput` but are not resources. */
export function isTerraformResource(x: unknown): x is TerraformResourceShape {
  return typeof x === "object" && x !== null && RESOURCE_SYMBOL in x && typeof (x as { terraformResourceType?: unknown }).terraformResourceType === "string";
}

export function isTerraformStack(x: unknown): x is TerraformStackShape {
  return typeof x === "object" && x !== null && STACK_SYMBOL in x;
}

/** The stack a construct belongs to (itself if it is one), or undefined when it is not inside a stack. */
export function stackOf(scope: IConstruct): TerraformStackShape | undefined {
  const scopes = scope.node.scopes;
  for (let i = scopes.length - 1; i >= 0; i--) {
    const s = scopes[i];
    if (isTerraformStack(s)) return s;
  }
  return undefined;
}

/**
 * True when a value is (or contains at its top level) an unresolved token or a Terraform expression, i.e. its
 * real value is only known at plan time. Tokens are encoded as marker strings, marker numbers or resolvables.
 */
export function isUnresolved(value: unknown): boolean {
  if (typeof value === "string") return /[$#&]\{TfToken\[/.test(value) || value.includes("${");
  if (typeof value === "number") return isTokenNumber(value);
  if (Array.isArray(value)) return value.some((v) => typeof v === "string" && isUnresolved(v));
  if (typeof value === "object" && value !== null) {
    if (typeof (value as { resolve?: unknown }).resolve === "function") return true;
    return Object.keys(value).some((k) => /[$#&]\{TfToken\[/.test(k));
  }
  return false;
}

// cdktf encodes number tokens as doubles whose top 16 bits are 0xfdff (scalar) or 0xfbff (list).
function isTokenNumber(n: number): boolean {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, n, true);
  const top = view.getUint32(4, true) >>> 16;
  return top === 0xfdff || top === 0xfbff;
}
