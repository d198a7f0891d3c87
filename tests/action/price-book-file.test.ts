import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readActionPriceBook } from "../../src/action/price-book-file.js";
import { createTestRepo, type TestRepo } from "./git-repo.js";

const book = (pct: number) => `apiVersion: costgate.price-book/v1\nmetadata:\n  name: acme\nrates:\n  - id: edp\n    reason: EDP 2026\n    discountPercent: ${pct}\n`;

let repo: TestRepo;
let baseSha: string;
beforeEach(() => {
  repo = createTestRepo();
  repo.write("prices.yaml", book(5));
  repo.write("other.txt", "x\n");
  baseSha = repo.commit("base");
});
afterEach(() => repo.remove());

const opts = () => ({ cwd: repo.dir, owner: "o", repo: "r" });

describe("readActionPriceBook", () => {
  it("reads the base commit's price book: a pull request cannot lower its own prices, and the change is shown", async () => {
    repo.write("prices.yaml", book(60));
    repo.commit("PR: 60% off");
    const r = await readActionPriceBook("prices.yaml", "base", baseSha, opts());
    expect(r.from).toBe("base");
    expect(r.book!.rates[0]!.discountPercent).toBe(5);
    expect(r.book!.label).toBe(`prices.yaml@${baseSha.slice(0, 7)}`);
    expect(r.notes).toEqual([`this pull request changes the price book prices.yaml; the base commit's version (prices.yaml@${baseSha.slice(0, 7)}) prices this run, the change applies once merged`]);
  });

  it("an unchanged price book gives no notice", async () => {
    const r = await readActionPriceBook("prices.yaml", "base", baseSha, opts());
    expect(r).toMatchObject({ from: "base", notes: [] });
  });

  it("a price book the pull request adds is not applied (list prices), with a notice", async () => {
    repo.write("new-prices.yaml", book(90));
    repo.commit("PR adds a price book");
    const r = await readActionPriceBook("new-prices.yaml", "base", baseSha, opts());
    expect(r.book).toBeUndefined();
    expect(r.notes[0]).toBe("price book new-prices.yaml does not exist on the base commit (added by this pull request): list prices apply until it is merged");
  });

  it("says when the pull request's version does not load", async () => {
    repo.write("prices.yaml", book(100));
    repo.commit("PR: free");
    const r = await readActionPriceBook("prices.yaml", "base", baseSha, opts());
    expect(r.notes[0]).toContain("the new version does not load: prices.yaml:5:5: `edp` makes a price zero");
  });

  it("reads the checkout with policy-source head, and refuses base without a base commit", async () => {
    repo.write("prices.yaml", book(7));
    expect((await readActionPriceBook("prices.yaml", "head", undefined, opts())).book!.rates[0]!.discountPercent).toBe(7);
    await expect(readActionPriceBook("prices.yaml", "base", undefined, opts())).rejects.toThrow("needs a base commit");
  });
});
