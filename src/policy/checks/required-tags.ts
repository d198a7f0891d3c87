import type { RequiredTagsCheck, TagRequirement } from "../policy-document.js";
import { compileRegex, regexProblem } from "../regex.js";
import { narrowsOnly, same } from "./strictness.js";
import type { CheckDefinition, CheckResult } from "./check-definition.js";

/** AWS's limit on a tag value (Unicode characters). */
export const MAX_TAG_VALUE_LENGTH = 256;

/**
 * Each resource carries the listed tags; values must be allowed / match a pattern; key case matters. Free
 * resources (IAM, launch templates, job definitions) are skipped unless `includeFree`.
 */
export const requiredTags: CheckDefinition<RequiredTagsCheck> = {
  kind: "required-tags",
  validate(check) {
    return Object.entries(check.keys).flatMap(([key, req]) => {
      const problem = req?.pattern === undefined ? undefined : regexProblem(req.pattern);
      return problem ? [{ path: ["keys", key, "pattern"], message: problem }] : [];
    });
  },
  evaluate(check, ctx) {
    const out: CheckResult[] = [];
    // Per key, once per check rather than once per resource.
    const requirements = Object.entries(check.keys).map(([key, req0]) => {
      const req: TagRequirement = req0 ?? {};
      const caseSensitive = req.caseSensitive !== false;
      return { key, req, caseSensitive, pattern: req.pattern === undefined ? undefined : compileRegex(req.pattern, caseSensitive ? "" : "i") };
    });
    for (const r of ctx.head) {
      // Free resources carry no cost to allocate; resources of other providers (helm, kubernetes) carry no AWS tags.
      if (r.estimate.status === "not-aws" || (r.estimate.status === "free" && check.includeFree !== true)) continue;
      // Arrays only when something is wrong (most resources pass).
      let problems: string[] | undefined;
      let unknown: string[] | undefined;
      for (const { key, req, caseSensitive, pattern } of requirements) {
        const tags = r.estimate.tags;
        const unknownKeys = r.estimate.unknownTags;
        let found: string | undefined = Object.hasOwn(tags, key) || unknownKeys.includes(key) ? key : undefined;
        if (found === undefined) {
          const other = [...Object.keys(tags), ...unknownKeys].find((k) => k.toLowerCase() === key.toLowerCase());
          if (other !== undefined && caseSensitive) {
            (problems ??= []).push(`tag \`${other}\` has the wrong case; expected \`${key}\``);
            continue;
          }
          found = other;
        }
        if (found === undefined) {
          (problems ??= []).push(`missing tag \`${key}\``);
          continue;
        }
        const value = Object.hasOwn(tags, found) ? tags[found] : undefined;
        const constrained = req.values !== undefined || req.pattern !== undefined;
        if (value === undefined) {
          if (constrained) (unknown ??= []).push(`value of tag \`${found}\` is unknown until apply, so it cannot be checked`);
          continue;
        }
        if (value.trim() === "") {
          (problems ??= []).push(`tag \`${found}\` is empty`);
          continue;
        }
        // AWS rejects longer values; and a pattern is not run over megabytes from a pull request.
        if (value.length > MAX_TAG_VALUE_LENGTH) {
          (problems ??= []).push(`tag \`${found}\` is ${value.length} characters long; AWS allows at most ${MAX_TAG_VALUE_LENGTH}`);
          continue;
        }
        if (req.values !== undefined) {
          const ok = caseSensitive ? req.values.includes(value) : req.values.some((v) => v.toLowerCase() === value.toLowerCase());
          if (!ok) (problems ??= []).push(`tag ${found}=\`${value}\` is not one of ${req.values.join(", ")}`);
        }
        if (pattern !== undefined && !pattern.test(value))
          (problems ??= []).push(`tag ${found}=\`${value}\` does not match /${req.pattern}/`);
      }
      if (problems) out.push({ resource: r, message: problems.join("; ") });
      else if (unknown) out.push({ resource: r, message: unknown.join("; "), unknown: true });
    }
    return out;
  },
  loosenings(central, project) {
    const out: string[] = [];
    if (central.includeFree === true && project.includeFree !== true) out.push("stops checking free resources");
    for (const [key, c0] of Object.entries(central.keys)) {
      if (!Object.hasOwn(project.keys, key)) {
        out.push(`drops required tag \`${key}\``);
        continue;
      }
      const c = c0 ?? {};
      const p = project.keys[key] ?? {};
      out.push(...narrowsOnly(`allowed values of \`${key}\``, c.values, p.values));
      if (c.pattern !== undefined && p.pattern !== c.pattern) {
        // A different pattern is only provably tighter when the project lists values that all match central's.
        const pattern = compileRegex(c.pattern, c.caseSensitive === false ? "i" : "");
        const provable = p.values !== undefined && p.values.every((v) => pattern.test(v));
        if (!provable) out.push(...same(`the pattern of \`${key}\``, c.pattern, p.pattern));
      }
      if (c.caseSensitive !== false && p.caseSensitive === false) out.push(`makes \`${key}\` case-insensitive`);
    }
    return out;
  },
};
