import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs build script without declarations
import { datasetsTable, withDatasetsTable } from "../../scripts/datasets-table.mjs";

const root = new URL("../../", import.meta.url);
const snapshot = JSON.parse(readFileSync(new URL("src/pricing/snapshot/price-snapshot.json", root), "utf8")) as { datasets: Record<string, { asOf: string }> };
const readme = readFileSync(new URL("README.md", root), "utf8");

describe("README: the snapshot's datasets", () => {
  it("lists every dataset of the embedded snapshot with its as-of date (regenerate: node scripts/datasets-table.mjs)", () => {
    expect(withDatasetsTable(readme, snapshot)).toBe(readme);
    const table = datasetsTable(snapshot) as string;
    for (const [id, d] of Object.entries(snapshot.datasets)) expect(table).toMatch(new RegExp(`^\\| \`${id}\` \\|.*\\| ${d.asOf} \\|$`, "m"));
  });
});
