import fc from "fast-check";
import { expect } from "vitest";
import { CostgateError } from "../../src/errors.js";
import { estimatePlan } from "../../src/pricing/estimate-plans.js";
import type { Estimate } from "../../src/pricing/estimate.js";
import type { Usage } from "../../src/pricing/usage.js";
import { assertSoundEstimate } from "../corpus/sound-estimate.js";

// CI replays a fixed seed so a landing never depends on luck; local runs explore new inputs each time
// (a failure prints its seed and path to replay).
if (process.env.CI) fc.configureGlobal({ seed: 20261123 });

/** A CostgateError is what users see: one line, no control characters, a bounded length. */
export function expectCleanError(err: unknown): asserts err is CostgateError {
  if (!(err instanceof CostgateError)) throw err;
  // eslint-disable-next-line no-control-regex
  expect(err.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
  expect(err.message.length).toBeLessThan(2_700);
}

/**
 * Every input ends in a sound estimate or one clean CostgateError: never another exception, never a NaN,
 * negative or infinite cost, never a silent $0.
 */
export async function estimateOrError(load: () => Parameters<typeof estimatePlan>[0], usage?: Usage): Promise<{ estimate?: Estimate; error?: CostgateError }> {
  try {
    const estimate = await estimatePlan(load(), { allowUnknownInstanceTypes: false, ...(usage ? { usage } : {}) });
    assertSoundEstimate(estimate);
    // The JSON report must be writable (no cycles, no stack overflow on deep values).
    expect(() => JSON.stringify(estimate)).not.toThrow();
    return { estimate };
  } catch (error) {
    expectCleanError(error);
    return { error };
  }
}

/** Strings that break naive code: control characters, markup, mentions, prototype names, expressions, huge. */
export const hostileString = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.constantFrom(
    "",
    "\n",
    "a\nb",
    "\u001b[2J",
    "\u0000",
    "\u2028",
    "\u202e",
    "<script>alert(1)</script>",
    "@everyone",
    "| a | b |",
    "[x](https://evil.example)",
    "<!-- costgate -->",
    "__proto__",
    "constructor",
    "toString",
    "hasOwnProperty",
    "${var.x}",
    "${aws_launch_template.lt.id}",
    "~1/",
    "x".repeat(5_000),
  ),
);

/** Numbers (and numeric-looking strings) at the edges: negative, fractional, huge, not finite. */
export const edgeNumber = fc.oneof(
  fc.integer({ min: -5, max: 5_000 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(0, -0, 1, 2, -1, 1.5, 0.1, 3000, 3001, 1e12, 1e300, -1e300, Number.MAX_SAFE_INTEGER, Number.MAX_VALUE, "2", "-5", " 7 ", "1e3", "NaN", "Infinity", "0x10", "${var.n}"),
);
