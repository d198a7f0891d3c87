import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { CostgateError } from "../errors.js";
import type { PriceBook } from "../pricing/price-book/price-book.js";
import { readFileAtBase, type BaseFileOptions } from "./base-files.js";
import type { PolicySource } from "./inputs.js";

/** The price book the run prices with, where it came from, and what the pull request does to it. */
export interface ActionPriceBook {
  /** The price book applied; undefined: list prices (no input, or a price book the base commit does not have). */
  book?: PriceBook;
  /** `none` (no input), `base` (base commit), `head` (checkout, `policy-source: head`), `pull-request` (not on base: not applied). */
  from: "none" | "base" | "head" | "pull-request";
  /** Notices for the comment: the pull request changes, adds or deletes the price book. */
  notes: string[];
}

/**
 * Read the `price-book` input like policies: from the base commit (through git's tree), so a pull request cannot
 * lower its own prices; `source: head` reads the checkout (where the workflow trusts it). When the pull request
 * changes the price book, the base commit's version still prices the run and a notice says so (with a problem
 * in the new version, if it has one); a price book the base commit does not have is not applied at all (list
 * prices: it would lower the prices of the change that adds it). Throws a CostgateError for a bad base version,
 * or for `source: base` without a base commit.
 */
export async function readActionPriceBook(path: string | undefined, source: PolicySource, baseSha: string | undefined, o: BaseFileOptions): Promise<ActionPriceBook> {
  if (!path) return { from: "none", notes: [] };
  // Loaded only with a price book: its validator (ajv, compiled from the schema) is ~400 KB of the bundle.
  const { parsePriceBook } = await import("../pricing/price-book/load-price-book.js");
  if (source === "head") return { book: parsePriceBook(readCheckout(path, o.cwd, true)!, path), from: "head", notes: [] };
  if (!baseSha) throw new CostgateError("`policy-source: base` needs a base commit to read the price book from, and this run has none", "price-book");
  const label = `${path}@${baseSha.slice(0, 7)}`;
  const atBase = await readFileAtBase(path, baseSha, "price book", o);
  const checkout = readCheckout(path, o.cwd, false);
  if (atBase === undefined)
    return { from: "pull-request", notes: [`price book ${path} does not exist on the base commit (added by this pull request): list prices apply until it is merged`] };
  const book = parsePriceBook(atBase, label, label);
  if (checkout === atBase) return { book, from: "base", notes: [] };
  if (checkout === undefined) return { book, from: "base", notes: [`this pull request deletes the price book ${path}; the base commit's version (${label}) prices this run`] };
  let problem = "";
  try {
    parsePriceBook(checkout, path);
  } catch (e) {
    problem = ` — and the new version does not load: ${e instanceof CostgateError ? e.message : String(e)}`;
  }
  return { book, from: "base", notes: [`this pull request changes the price book ${path}; the base commit's version (${label}) prices this run, the change applies once merged${problem}`] };
}

function readCheckout(path: string, cwd: string, required: boolean): string | undefined {
  try {
    return readFileSync(resolve(cwd, path), "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (!required && code === "ENOENT") return undefined;
    throw new CostgateError(code === "ENOENT" ? "price book not found" : `cannot read price book (${code ?? "error"})`, path);
  }
}
