import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, test } from "vitest";

/*
 * Import boundaries, checked on real files: the engine (src/, and what `npm run build` makes of it in lib/src)
 * never loads cdktf or the provider bindings; constructs only deep-import provider resources (the package
 * root loads all 1,500+ resource modules: seconds and ~550 MB); the governance and tag aspects are
 * framework-neutral, so they work on cdktn stacks too.
 */

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FRAMEWORK = /^(cdktf|cdktn|@cdktf\/|@cdktn\/)/;

function filesUnder(dir: string, ext: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && ext.test(d.name))
    .map((d) => join(d.parentPath, d.name));
}

/** Module specifiers a file imports, exports from, dynamically imports or requires (comments and strings ignored). */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  return info.importedFiles.map((f) => f.fileName);
}

function offenders(files: string[], bad: (spec: string) => boolean): string[] {
  return files.flatMap((f) => importsOf(f).filter(bad).map((spec) => `${relative(ROOT, f)} imports ${spec}`));
}

/** A source file and every file it reaches through relative imports (`./x.js` → `./x.ts`). */
function closure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of importsOf(file)) {
      if (!spec.startsWith(".")) continue;
      const target = resolve(dirname(file), spec.replace(/\.js$/, ".ts"));
      if (existsSync(target)) visit(target);
      else if (!spec.endsWith(".json")) throw new Error(`${relative(ROOT, file)}: cannot resolve ${spec}`);
    }
  };
  visit(entry);
  return [...seen];
}

describe("the engine imports nothing from cdktf or the provider bindings", () => {
  test("built output lib/src (npm run build)", () => {
    const built = filesUnder(join(ROOT, "lib", "src"), /\.js$/);
    expect(built.length, "lib/src is empty: run `npm run build` first (npm test does)").toBeGreaterThan(20);
    expect(offenders(built, (s) => FRAMEWORK.test(s))).toEqual([]);
    // The scan itself works: the built constructs do import cdktf.
    expect(offenders(filesUnder(join(ROOT, "lib", "constructs"), /\.js$/), (s) => FRAMEWORK.test(s)).length).toBeGreaterThan(0);
  });

  test("sources src/", () => {
    const sources = filesUnder(join(ROOT, "src"), /\.ts$/);
    expect(sources.length).toBeGreaterThan(20);
    expect(offenders(sources, (s) => FRAMEWORK.test(s))).toEqual([]);
  });
});

describe("constructs deep-import provider resources", () => {
  const files = [...filesUnder(join(ROOT, "constructs"), /\.ts$/), ...filesUnder(join(ROOT, "lib", "constructs"), /\.js$/), ...filesUnder(join(ROOT, "examples"), /\.ts$/)];

  test("never the @cdktf/provider-aws package root", () => {
    expect(files.length).toBeGreaterThan(10);
    expect(offenders(files, (s) => s === "@cdktf/provider-aws" || s === "@cdktf/provider-aws/" || s === "@cdktf/provider-aws/lib" || s === "@cdktf/provider-aws/lib/index.js")).toEqual([]);
  });

  test("always one resource module, with its file name (ESM needs it: the package has no exports map)", () => {
    const provider = files.flatMap((f) => importsOf(f).filter((s) => s.startsWith("@cdktf/provider-aws")));
    expect(provider.length).toBeGreaterThan(10);
    expect(provider.filter((s) => !/^@cdktf\/provider-aws\/lib\/[a-z0-9-]+\/index\.js$/.test(s))).toEqual([]);
  });
});

describe("the aspects are framework-neutral", () => {
  test.each([
    ["governance aspect", "constructs/governance/cost-governance-aspect.ts"],
    ["cost tag aspect", "constructs/tags/cost-tag-aspect.ts"],
  ])("the %s and everything it imports use neither cdktf nor cdktn", (_, entry) => {
    const reached = closure(join(ROOT, entry));
    expect(reached.some((f) => f.includes(`${join("src", "policy")}`) || f.includes("propagate-cost-tags"))).toBe(true);
    expect(offenders(reached, (s) => FRAMEWORK.test(s))).toEqual([]);
  });
});
