import type { Plan } from "../plan/resource.js";
import { nearest } from "../suggest.js";
import type { Usage } from "./usage.js";

/**
 * Warnings for usage file entries (`resource_usage`) that match no resource of the given plans, each with the
 * nearest addresses as suggestions. Construct-generated addresses carry hashes
 * (`training_compute-environment_2764374F`), so a typo silently priced nothing before.
 *
 * `onlyStack` limits the check to entries qualified with that stack (`stack/address`): at synth, one stack is
 * evaluated at a time and the usage file may hold entries for the app's other stacks.
 */
export function unmatchedUsageWarnings(usage: Usage, plans: readonly Plan[], onlyStack?: string): string[] {
  if (usage.byAddress.length === 0) return [];
  const resources = plans.flatMap((p) => p.resources);
  const addresses = resources.map((r) => r.address);
  const qualified = resources.map((r) => `${r.stack}/${r.address}`);
  const out: string[] = [];
  for (const e of usage.byAddress) {
    const slash = e.pattern.indexOf("/");
    const stack = slash >= 0 ? e.pattern.slice(0, slash) : undefined;
    if (onlyStack !== undefined && stack !== onlyStack) continue;
    if (resources.some((r) => e.matcher.test(r.address) || e.matcher.test(`${r.stack}/${r.address}`))) continue;
    const candidates = stack !== undefined ? qualified : addresses;
    const near = nearest(e.pattern.replace(/\[\*\]$/, ""), candidates.map((c) => c.replace(/\[[^\]]+\]$/, "")), 3, Math.max(3, Math.floor(e.pattern.length / 3)));
    const where = usage.file ? `${usage.file}: ` : "";
    out.push(
      `${where}resource_usage entry \`${e.pattern}\` matches no resource, so its usage is not applied` +
        (near.length ? `; nearest: ${near.map((n) => `\`${n}\``).join(", ")}` : ""),
    );
  }
  return out;
}
