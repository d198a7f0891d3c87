import { readFileSync } from "node:fs";
import { CostgateError } from "./errors.js";

/**
 * Read an input file (policy, price book, usage) as UTF-8 text. A read error is one CostgateError naming the
 * file: `notFound` when it does not exist (when given), else `cannot read <what> (<errno code>)`.
 */
export function readInputFile(file: string, what: string, notFound?: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CostgateError(code === "ENOENT" && notFound !== undefined ? notFound : `cannot read ${what} (${code ?? "error"})`, file);
  }
}
