import type { EffectiveRule } from "./compose-policies.js";
import type { Finding } from "./verdict.js";

/** A finding with what exemptions and overrides need to know, before they are applied. */
export interface PendingFinding {
  finding: Finding;
  rule: EffectiveRule;
  /**
   * The most the resource or group the finding is about can cost a month (the high end of its range), USD.
   * Undefined when that is unknown or unbounded: a bounded exemption (`maxMonthlyCost`) then does not apply.
   */
  subjectMonthlyCost?: number;
  /** Strings exemption patterns are matched against: `stack/address` and `address`, or the group label. */
  targets: string[];
}
