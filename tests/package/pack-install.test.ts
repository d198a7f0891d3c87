// Slow (installs from the npm registry, several hundred MB of provider bindings): the package as a user gets it.
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error -- a plain .mjs build script without declarations
import { swapFramework } from "../../scripts/cdktn-variant.mjs";
import { REPO, newProject, packFreshClone, run, runOk } from "./pack-project.js";

const devDeps = (JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { devDependencies: Record<string, string> }).devDependencies;

/** The lowest versions costgate supports, per framework. */
const FRAMEWORKS = {
  cdktf: ["cdktf@0.21.0", "@cdktf/provider-aws@21.22.1", "constructs@10.4.2"],
  cdktn: ["cdktn@0.24.0", "@cdktn/provider-aws@25.7.0", "constructs@10.6.0"],
} as const;

const swap = swapFramework as (text: string) => string;
let scratch: string;
let tarball: string;
const projects: string[] = [];

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "costgate-pack-"));
  tarball = packFreshClone(scratch);
}, 600_000);

// Each project holds a few hundred MB of provider bindings: removing them takes a while on a busy disk.
afterAll(() => {
  for (const p of [scratch, ...projects]) if (p) rmSync(p, { recursive: true, force: true });
}, 600_000);

describe("npm pack", () => {
  it("builds lib/ on pack and ships the CLI, both construct variants, policies and schema, not tests or benches", () => {
    const files = runOk("tar", ["tzf", tarball], scratch).stdout.split("\n");
    for (const f of ["package/bin/costgate.js", "package/lib/src/cli.js", "package/lib/constructs/index.js", "package/lib/constructs-cdktn/index.d.ts", "package/policies/default.yaml", "package/policies/schema.json", "package/lib/src/pricing/snapshot/price-snapshot.json", "package/lib/cli/price-snapshot.json", "package/lib/cli/price-snapshot/us-east-1.json"])
      expect(files).toContain(f);
    expect(files.filter((f) => /^package\/(tests|bench|lib\/bench|lib\/examples|dist|src)\//.test(f))).toEqual([]);
  });
});

describe.each(Object.entries(FRAMEWORKS))("a user's project on %s (lowest supported versions)", (framework, deps) => {
  it("installs the tarball, type-checks and synthesizes the example app, then estimates and checks it offline", () => {
    const dir = newProject(`costgate-${framework}-`);
    projects.push(dir);
    runOk("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball, ...deps, `typescript@${devDeps.typescript}`, `@types/node@${devDeps["@types/node"]}`], dir);

    // Peer dependencies: one copy of the framework and of constructs, the app's.
    expect(existsSync(join(dir, "node_modules/costgate/node_modules/constructs"))).toBe(false);
    expect(existsSync(join(dir, `node_modules/costgate/node_modules/${framework}`))).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, "node_modules/constructs/package.json"), "utf8")).version).toBe(deps[2].split("@")[1]);

    // The repository's example app, as a user writes it (cdktn: the documented renames), compiled with tsc --strict.
    for (const f of ["main.ts", "environments.ts", "usage.yml"]) {
      const text = readFileSync(join(REPO, "examples/gpu-platform", f), "utf8");
      writeFileSync(join(dir, f), framework === "cdktn" ? swap(text) : text);
    }
    runOk("npx", ["tsc", "-p", "."], dir);
    const synth = runOk("node", ["main.js"], dir, { CDKTF_OUTDIR: join(dir, "cdktf.out"), COSTGATE_USAGE: join(dir, "usage.yml") });
    expect(synth.stdout).toMatch(/^gpu-platform-dev: ~\$[\d.]+\/month, policy advisory \(1 finding\)$/m);
    expect(synth.stdout).toMatch(/^gpu-platform-prod: ~\$[\d.]+\/month, policy pass \(0 findings\)$/m);
    expect(existsSync(join(dir, "cdktf.out/stacks/gpu-platform-prod/cdk.tf.json"))).toBe(true);

    // The CLI needs no AWS SDK for snapshot prices: it loads the SDK only for live pricing.
    renameSync(join(dir, "node_modules/@aws-sdk"), join(dir, "node_modules/.aws-sdk-hidden"));
    const offline = { npm_config_offline: "true" };
    const estimate = runOk("npx", ["--no-install", "costgate", "estimate", "cdktf.out", "--usage", "usage.yml"], dir, offline);
    expect(estimate.stdout).toMatch(/Total monthly cost: \$[\d,.]+/);
    expect(estimate.stdout).toContain("gpu-platform-prod");
    const check = run("npx", ["--no-install", "costgate", "check", "cdktf.out", "--policy", "node_modules/costgate/policies/default.yaml", "--usage", "usage.yml"], dir, offline);
    expect(check.stderr).toBe("");
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/costgate check: PASS/);
  }, 900_000);
});
