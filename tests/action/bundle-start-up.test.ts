import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// What every run of the bundled Action parses is dist/index.js and the chunks it imports statically. The parts
// only some runs need are chunks loaded with import(): the GitHub API client (octokit, undici), the price-book
// validator (ajv) and the live price sources (AWS SDK). @actions/core's OIDC client (and with it undici) is left out
// of the bundle (rollup.config.mjs `withoutOidcClient`).
const dist = join(import.meta.dirname, "..", "..", "dist");
const read = (f: string) => readFileSync(join(dist, f), "utf8");

/** dist/index.js and every chunk reachable from it through static imports. */
function loadedAtStart(): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (f: string) => {
    if (out.has(f)) return;
    const code = read(f);
    out.set(f, code);
    for (const m of code.matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?'\.\/([^']+)';$/gm)) visit(m[1]!);
  };
  visit("index.js");
  return out;
}

describe("the bundled Action's start-up", () => {
  const start = loadedAtStart();
  const code = [...start.values()].join("\n");

  it("does not load undici, octokit, ajv or the AWS SDK", () => {
    expect(code).not.toMatch(/undici/i);
    expect(code).not.toContain("@octokit");
    expect(code).not.toContain("ajv/dist/compile");
    expect(code).not.toMatch(/@smithy|@aws-sdk\/client-pricing/);
  });

  it("loads them on demand: the GitHub client, the price-book loader and the live price sources are import() chunks", () => {
    const index = read("index.js");
    const onDemand = [...index.matchAll(/import\('\.\/([^']+)'\)/g)].map((m) => m[1]!);
    const chunk = (marker: RegExp) => onDemand.find((f) => marker.test(read(f)));
    expect(chunk(/getOctokit/), "no on-demand chunk exports getOctokit").toBeDefined();
    expect(chunk(/undici/i), "undici is in no on-demand chunk").toBeDefined();
    expect(chunk(/function parsePriceBook/)).toBeDefined();
    expect(onDemand).toContain("aws-pricing-source.js");
  });

  it("keeps @actions/core's getIDToken as a stand-in that says it is left out", () => {
    expect(code).toContain("costgate's Action bundle leaves out @actions/core getIDToken (OIDC)");
  });
});
