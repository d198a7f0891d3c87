/**
 * A value Terraform does not know until apply (`after_unknown: true` in `terraform show -json`). It is a value
 * of its own, never a zero and never a string: readers that need a number or a string get none from it
 * (`toNumber` → null, `literalString` → undefined) and say why.
 *
 * `references` are the configuration references the value is computed from (the plan's
 * `configuration…expressions.<attribute>.references`, e.g. `["aws_launch_template.gpu.id",
 * "aws_launch_template.gpu"]`), relative to the module the resource is declared in, so a reader can follow the link
 * to another resource of the same plan.
 */
export class UnknownValue {
  constructor(readonly references: readonly string[] = []) {
    Object.freeze(this);
  }

  /** How it appears in JSON reports: `{"unknown": true}` (with the references, when any). */
  toJSON(): { unknown: true; references?: readonly string[] } {
    return this.references.length ? { unknown: true, references: this.references } : { unknown: true };
  }

  /** How it appears in messages. */
  toString(): string {
    return this.references.length ? `known after apply, from ${this.references[0]}` : "known after apply";
  }
}

/** One shared unknown without references. */
export const UNKNOWN = new UnknownValue();

/** True for a value Terraform only knows after apply. */
export function isUnknown(v: unknown): v is UnknownValue {
  return v instanceof UnknownValue;
}
