/**
 * Environment names as people write them: `dev`, `development`, `ml-dev`, `dev_eu`, `Production`,
 * `llm-stage-2`. A name is split into segments at any character that is not a letter or digit; each segment
 * that is a common spelling of an environment names it. Spellings (lower case): dev, develop, development → dev;
 * test, testing, qa → test; stage, staging, stg → staging; prod, production, prd → prod.
 */
const SPELLINGS: Readonly<Record<string, string>> = {
  dev: "dev",
  develop: "dev",
  development: "dev",
  test: "test",
  testing: "test",
  qa: "test",
  stage: "staging",
  staging: "staging",
  stg: "staging",
  prod: "prod",
  production: "prod",
  prd: "prod",
};

const cache = new Map<string, string | undefined>();

/**
 * The environment a name (stack name, tag value, policy selector) stands for: `dev`, `test`, `staging` or
 * `prod`, when its segments name exactly one of them; undefined otherwise (no environment segment, or two
 * different ones such as `dev-to-prod`).
 */
export function environmentOfName(name: string): string | undefined {
  if (cache.has(name)) return cache.get(name);
  const found = new Set<string>();
  for (const seg of name.toLowerCase().split(/[^a-z0-9]+/)) {
    const env = Object.hasOwn(SPELLINGS, seg) ? SPELLINGS[seg] : undefined;
    if (env) found.add(env);
  }
  const out = found.size === 1 ? [...found][0] : undefined;
  if (cache.size > 10_000) cache.clear();
  cache.set(name, out);
  return out;
}

/**
 * Whether a policy's environment selector (`dev`) matches an environment or stack name (`dev`, `development`,
 * `ml-dev`, `dev-eu-1`): equal ignoring case, or both stand for the same environment.
 */
export function environmentMatches(selector: string, name: string): boolean {
  if (selector.toLowerCase() === name.toLowerCase()) return true;
  const want = environmentOfName(selector);
  return want !== undefined && want === environmentOfName(name);
}
