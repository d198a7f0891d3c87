import { blocks, isExpression, readTags } from "./json-values.js";

/** One AWS provider configuration, keyed as Terraform does: `aws` or `aws.<alias>`. */
export interface AwsProviderConfig {
  key: string;
  region?: string;
  /** The region was an expression we could not resolve. */
  regionUnknown: boolean;
  defaultTags: Record<string, string>;
  defaultTagsUnknown: string[];
}

/** Read the `provider.aws` (and `provider.awscc`) configurations of a cdktf / Terraform JSON configuration (object or array form). */
export function readAwsProviders(providerSection: unknown): Map<string, AwsProviderConfig> {
  const out = new Map<string, AwsProviderConfig>();
  const section = (providerSection ?? {}) as Record<string, unknown>;
  // `provider.awscc` (Cloud Control) configurations are read for their region; that provider has no default_tags.
  for (const [name, cfg] of [...blocks(section.aws).map((c) => ["aws", c] as const), ...blocks(section.awscc).map((c) => ["awscc", c] as const)]) {
    const key = typeof cfg.alias === "string" ? `${name}.${cfg.alias}` : name;
    const dt: { tags: Record<string, string>; unknown: string[] } = { tags: {}, unknown: [] };
    for (const b of blocks(cfg.default_tags)) {
      const t = readTags(b.tags);
      Object.assign(dt.tags, t.tags);
      dt.unknown.push(...t.unknown);
    }
    out.set(key, {
      key,
      ...(typeof cfg.region === "string" && !isExpression(cfg.region) ? { region: cfg.region } : {}),
      regionUnknown: isExpression(cfg.region),
      defaultTags: dt.tags,
      defaultTagsUnknown: dt.unknown,
    });
  }
  return out;
}

/** Normalize a resource's `provider` reference (`aws.west`, `${aws.west}`) to a provider key. */
export function providerKeyOf(ref: unknown): string {
  if (typeof ref !== "string" || ref === "") return "aws";
  const m = /^\$\{(.*)\}$/.exec(ref);
  return (m ? m[1]! : ref).trim();
}
