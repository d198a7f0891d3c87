import { CostgateError } from "../errors.js";
import type { Override } from "./verdict.js";

/** Parse `--override RULE:approver:reason` (the reason may contain colons). */
export function parseOverrideFlag(value: string): Override {
  const m = /^([^:\s]+):([^:]+):(.+)$/s.exec(value.trim());
  if (!m || !m[2]!.trim() || !m[3]!.trim())
    throw new CostgateError(`bad --override \`${value}\`; expected RULE:approver:reason (e.g. CG-DLT-001:alice:"launch week load test")`, "--override");
  return { ruleId: m[1]!, approvedBy: m[2]!.trim(), reason: m[3]!.trim(), via: "cli" };
}
