import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { awsBatchJobDefinition } from "../../src/pricing/catalog/aws-batch.js";
import { awsSagemakerFree } from "../../src/pricing/catalog/aws-sagemaker.js";
import { catalogEntryFor, supportedTypes } from "../../src/pricing/catalog/index.js";

/** Catalog entries that price nothing by design (they carry facts for policies): the README's known-free list. */
const FREE_BY_ENTRY = new Set([...awsSagemakerFree.types, ...awsBatchJobDefinition.types]);

/** The resource types named in the first column of README's "What is priced" table. */
function documentedTypes(): string[] {
  const readme = readFileSync("README.md", "utf8");
  const start = readme.indexOf("**What is priced**");
  const table = readme.slice(start, readme.indexOf("\n\n", readme.indexOf("| resource |", start)));
  return table
    .split("\n")
    .filter((l) => l.startsWith("| `"))
    .flatMap((l) => [...l.split("|")[1]!.matchAll(/`([a-z0-9_]+)`/g)].map((m) => m[1]!));
}

describe('README "What is priced"', () => {
  it("names every type the catalog prices, and only those", () => {
    const documented = new Set(documentedTypes());
    const missing = supportedTypes().filter((t) => !documented.has(t) && !FREE_BY_ENTRY.has(t));
    expect(missing, "catalog types without a README row").toEqual([]);
    const unknown = [...documented].filter((t) => !catalogEntryFor(t));
    expect(unknown, "README rows for types the catalog does not have").toEqual([]);
  });
});
