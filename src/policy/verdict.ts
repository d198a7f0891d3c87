/** Rule severities, lowest first. */
export const SEVERITIES = ["info", "low", "medium", "high", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Sentinel-style enforcement levels. */
export const ENFORCEMENTS = ["advisory", "soft-mandatory", "hard-mandatory"] as const;
export type Enforcement = (typeof ENFORCEMENTS)[number];

/** A soft-mandatory override supplied from outside the policy (CLI flag, PR label via the action). */
export interface Override {
  /** Rule id the override applies to, or "*" for every soft-mandatory rule. */
  ruleId: string;
  /** Who approved (GitHub login, e-mail). */
  approvedBy: string;
  reason: string;
  /** Where it came from, e.g. `label:cost-override`. */
  via?: string;
}

/** One policy finding about one resource (or a stack / the whole plan, when `address` is absent). */
export interface Finding {
  ruleId: string;
  description: string;
  severity: Severity;
  enforcement: Enforcement;
  /** Policy file the rule came from. */
  policyFile: string;
  stack?: string;
  address?: string;
  constructPath?: string;
  message: string;
  /** Monthly cost attributed to the finding (e.g. the over-budget amount), when meaningful. */
  monthlyCost?: number;
  /** Set when an exemption from the policy covers this finding (it then does not fail the check). */
  exemption?: { reason: string; owner: string; expires: string; pattern: string };
  /** Set when an override covers this soft-mandatory finding. */
  override?: Override;
}

export type VerdictStatus = "pass" | "advisory" | "fail";

export interface Verdict {
  status: VerdictStatus;
  /** Findings that still apply (not exempted, not overridden). */
  findings: Finding[];
  /** Findings silenced by an exemption or an override, kept visible. */
  waived: Finding[];
  /** Exemptions that did not apply: expired, malformed or unused. */
  exemptionNotes: string[];
  /** Notes from composing several policy files (conflicts, loosening attempts). */
  compositionNotes: string[];
  policyFiles: string[];
}
