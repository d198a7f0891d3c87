import { CostgateError } from "../../errors.js";
import { readInputFile } from "../../read-input-file.js";
import { throwSchemaErrors } from "../../policy/schema-errors.js";
import { parseYamlWithPositions, positionOf, type PositionedYaml } from "../../yaml-positions.js";
import type { PriceBook, PriceBookCommitment, PriceBookDocument, PriceBookRate } from "./price-book.js";
import { priceBookValidator } from "./price-book-schema.js";
import { compareSpecificity, couldOverlap, periodsOverlap, specificity } from "./rule-match.js";

/** Read, parse and validate a price-book file. Every problem is one positioned CostgateError (exit 2). */
export function loadPriceBookFile(file: string): PriceBook {
  return parsePriceBook(readInputFile(file, "price book", "price book not found"), file);
}

/**
 * Parse and validate price-book text: YAML syntax, the JSON Schema (`policies/price-book.schema.json`), then what
 * the schema cannot say — unique ids, from before until, a reservation's instances and rate, a Savings Plan's
 * commitment, and true conflicts: two rate rules of the same specificity that could match one price on one day.
 * `file` names it in errors; `label` in reports (default `file`).
 */
export function parsePriceBook(text: string, file: string, label = file): PriceBook {
  const y = parseYamlWithPositions(text, file);
  if (y.value === null || y.value === undefined) throw new CostgateError("the price book is empty; expected apiVersion, metadata and rates or commitments", file, "1:1");
  const validate = priceBookValidator();
  if (!validate(y.value)) throwSchemaErrors(y, validate.errors ?? []);
  const doc = y.value as PriceBookDocument;
  const rates = doc.rates ?? [];
  const commitments = doc.commitments ?? [];
  checkSemantics(y, rates, commitments);
  return { file, label, name: doc.metadata.name, rates, commitments };
}

function checkSemantics(y: PositionedYaml, rates: PriceBookRate[], commitments: PriceBookCommitment[]): void {
  const fail = (path: (string | number)[], msg: string): never => {
    throw new CostgateError(msg, y.file, positionOf(y, path));
  };
  const ids = new Map<string, string>();
  const entries: [string, PriceBookRate | PriceBookCommitment, number][] = [
    ...rates.map((r, i): [string, PriceBookRate, number] => ["rates", r, i]),
    ...commitments.map((c, i): [string, PriceBookCommitment, number] => ["commitments", c, i]),
  ];
  for (const [list, e, i] of entries) {
    const prev = ids.get(e.id);
    if (prev !== undefined) fail([list, i, "id"], `duplicate id \`${e.id}\` (also ${prev}); price-book ids must be unique`);
    ids.set(e.id, `${list}[${i}]`);
    if (e.from !== undefined && e.until !== undefined && e.until <= e.from) fail([list, i, "until"], `\`until\` (${e.until}) must be after \`from\` (${e.from})`);
    const free = e.discountPercent === 100 || ("usdPerUnit" in e && e.usdPerUnit === 0) || ("usdPerHour" in e && e.usdPerHour === 0);
    if (free && e.allowFree !== true)
      fail([list, i], `\`${e.id}\` makes a price zero; a price book never does that by accident: add \`allowFree: true\` (and say why in \`reason\`)`);
  }
  commitments.forEach((c, i) => {
    if (c.kind === "reservation") {
      if (c.instances === undefined) fail(["commitments", i], `reservation \`${c.id}\` is missing \`instances\` (how many instances it covers)`);
      if (c.usdPerHour === undefined) fail(["commitments", i], `reservation \`${c.id}\` needs \`usdPerHour\`: its effective (amortized) rate per instance-hour, which its unused part costs`);
      if (c.match.instanceType === undefined && c.match.instanceFamily === undefined)
        fail(["commitments", i, "match"], `reservation \`${c.id}\` must name the \`instanceType\` (or \`instanceFamily\`) it reserves: a reservation is for instances of one type, and its \`usdPerHour\` is that type's rate`);
      if (c.commitmentUsdPerHour !== undefined) fail(["commitments", i, "commitmentUsdPerHour"], "`commitmentUsdPerHour` is for Savings Plans; a reservation states `instances`");
    } else {
      if (c.commitmentUsdPerHour === undefined) fail(["commitments", i], `Savings Plan \`${c.id}\` is missing \`commitmentUsdPerHour\` (its hourly commitment in USD)`);
      if (c.instances !== undefined) fail(["commitments", i, "instances"], "`instances` is for reservations; a Savings Plan states `commitmentUsdPerHour`");
    }
  });
  rates.forEach((r, i) => {
    if (r.appliesToSpot !== undefined && r.usdPerUnit !== undefined) fail(["rates", i, "appliesToSpot"], "`appliesToSpot` is for discounts; a fixed rate never prices spot capacity");
    for (let j = 0; j < i; j++) {
      const o = rates[j]!;
      if (compareSpecificity(specificity(r.match), specificity(o.match)) !== 0) continue;
      if (r.unit !== undefined && o.unit !== undefined && r.unit !== o.unit) continue; // never the same component
      if (!couldOverlap(r.match, o.match) || !periodsOverlap(r, o)) continue;
      fail(
        ["rates", i],
        `rate rules \`${o.id}\` (rates[${j}]) and \`${r.id}\` are equally specific and can match the same price on the same days; make one more specific (e.g. add a region or instance type) or give them validity periods that do not overlap`,
      );
    }
  });
}
