import type { Estimate } from "../pricing/estimate.js";

/**
 * What pricing had to assume or could not see, for a report that shows head (and base): the head's warnings,
 * then the base's that the head does not repeat, marked `base:`. Raw text: callers make it safe for their output.
 */
export function pricingWarnings(head: Estimate, base?: Estimate): string[] {
  const own = new Set(head.warnings);
  return [...head.warnings, ...(base?.warnings ?? []).filter((w) => !own.has(w)).map((w) => `base: ${w}`)];
}
