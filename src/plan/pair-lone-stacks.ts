import type { Plan } from "./resource.js";

/**
 * Two sides of a comparison (base and head of a diff, or head and base of a check), with a lone stack named after
 * its folder renamed to the other side's single stack name (the second side is renamed when it can be, so the
 * first keeps its name), so `diff base/cdk.tf.json pr/cdk.tf.json` compares the stack with itself (resources pair by address)
 * instead of listing every resource as removed from `base` and added to `pr`. Plans are returned unchanged
 * unless both sides are one cdktf stack and at least one side's name came from its folder. Pure: renamed
 * plans are copies.
 */
export function pairLoneStacks(first: Plan, second: Plan): [Plan, Plan] {
  const [base, head] = [first, second];
  if (base.format !== "cdktf" || head.format !== "cdktf" || base.stacks.length !== 1 || head.stacks.length !== 1) return [base, head];
  const [b, h] = [base.stacks[0]!, head.stacks[0]!];
  if (b === h) return [base, head];
  if (head.stackNamedByFolder) return [base, renamed(head, b)];
  if (base.stackNamedByFolder) return [renamed(base, h), head];
  return [base, head];
}

function renamed(plan: Plan, stack: string): Plan {
  return { ...plan, stacks: [stack], resources: plan.resources.map((r) => ({ ...r, stack })) };
}
