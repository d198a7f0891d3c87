import type { IConstruct } from "constructs";
import { isKnownInstanceType, gpusOf } from "../../src/pricing/snapshot/snapshot.js";
import { annotateOnce } from "./annotate.js";
import { isUnresolved } from "./construct-shape.js";

/**
 * Construct property checks. A bad property is an error annotation on the construct, so synth fails with
 * `[construct path] costgate: ...` and every problem is listed at once (not just the first thrown).
 */
export class PropChecks {
  constructor(private readonly scope: IConstruct) {}

  error(message: string): void {
    annotateOnce(this.scope, "error", `costgate: ${message}`);
  }

  warn(message: string): void {
    annotateOnce(this.scope, "warn", `costgate: ${message}`);
  }

  /** A whole number within [min, max]; tokens pass (they are only known at plan time). */
  integer(name: string, value: number | undefined, min: number, max = Number.MAX_SAFE_INTEGER): void {
    if (value === undefined || isUnresolved(value)) return;
    if (!Number.isInteger(value) || value < min || value > max) {
      this.error(`${name} must be a whole number from ${min}${max === Number.MAX_SAFE_INTEGER ? " up" : ` to ${max}`}, got ${value}`);
    }
  }

  /** `a <= b`, both known. */
  ordered(aName: string, a: number | undefined, bName: string, b: number | undefined): void {
    if (a === undefined || b === undefined || isUnresolved(a) || isUnresolved(b)) return;
    if (a > b) this.error(`${aName} (${a}) must not exceed ${bName} (${b})`);
  }

  /** An opt-out from a cost default must say why, in a sentence someone can review. */
  reason(what: string, reason: string | undefined): void {
    if (typeof reason !== "string" || reason.trim().length < 10) {
      this.error(`${what} needs a reason of at least 10 characters (it opts out of a cost default and is reviewed)`);
    }
  }

  /** An EC2 instance type (`g5.12xlarge`) or, with `ml`, a SageMaker one (`ml.g5.xlarge`) the snapshot knows. */
  instanceType(name: string, type: string, opts: { ml?: boolean; gpu?: boolean } = {}): void {
    if (isUnresolved(type)) return;
    const shape = opts.ml ? /^ml\.[a-z][a-z0-9-]*\.[a-z0-9]+$/ : /^[a-z][a-z0-9-]*\.[a-z0-9]+$/;
    if (typeof type !== "string" || !shape.test(type)) {
      this.error(`${name} ${JSON.stringify(type)} is not ${opts.ml ? "a SageMaker instance type like ml.g5.xlarge" : "an EC2 instance type like g5.12xlarge"}`);
      return;
    }
    if (!isKnownInstanceType(type)) {
      this.error(`${name} ${type} is not a known ${opts.ml ? "SageMaker" : "EC2"} instance type`);
      return;
    }
    if (opts.gpu && gpusOf(type) === 0) this.warn(`${name} ${type} has no GPU or accelerator`);
  }
}
