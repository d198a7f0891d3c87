/** Rule severities, lowest first. */
export const SEVERITIES = ["info", "low", "medium", "high", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Sentinel-style enforcement levels. */
export const ENFORCEMENTS = ["advisory", "soft-mandatory", "hard-mandatory"] as const;
export type Enforcement = (typeof ENFORCEMENTS)[number];

/** Version of the Verdict JSON (`costgate check --format json`). */
export const VERDICT_SCHEMA_VERSION = "costgate.verdict/v1";

/** A soft-mandatory override supplied from outside the policy (CLI flag, PR label via the action). */
export interface Override {
  /** Rule id the override applies to, or "*" for every soft-mandatory rule. */
  ruleId: string;
  /** Who approved (GitHub login, e-mail). */
  approvedBy: string;
  reason: string;
  /** Where it came from, e.g. `label:cost-override`. */
  via?: string;
  /**
   * Optional ceiling: the override covers a finding only while the finding's `monthlyCost` (the delta, the
   * over-budget amount, ...) is at most this. A later change that grows the violation needs a new approval.
   */
  maxMonthlyCost?: number;
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
  exemption?: {
    reason: string;
    owner: string;
    expires: string;
    pattern: string;
    /** Exemption id, when the policy gives one. */
    id?: string;
    ticket?: string;
    /** Whole days until the exemption expires (0 = expires at the end of today, UTC). */
    daysLeft?: number;
    /** Policy file (and `line:column`) the exemption is written in. */
    source?: string;
  };
  /** Set when an override covers this soft-mandatory finding. */
  override?: Override;
  /** Check kind of the rule (`budget`, `instance-types`, ...). */
  kind?: string;
  /** For findings about a group rather than one resource: `total`, `stack:<name>` or `tag:<key>=<value>`. */
  group?: string;
  /** Resolved environment of the resource (the strictest one for a group). */
  environment?: string;
  /** True when the finding is that a needed value is unknown (unpriced, unresolved at synth). */
  unknown?: boolean;
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
  /** `costgate.verdict/v1` when produced by evaluatePolicies. */
  schemaVersion?: typeof VERDICT_SCHEMA_VERSION;
  /** Overrides that did not apply: unknown rule, hard-mandatory finding, over their ceiling, unused. */
  overrideNotes?: string[];
  /** Other notes: assumed environments, rules skipped without a base, rules not yet enforced. */
  notes?: string[];
}
