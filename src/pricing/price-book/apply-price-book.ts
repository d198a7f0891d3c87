import { resourceFigures } from "../assemble-estimate.js";
import {
  allResources,
  type ComponentEstimate,
  type Estimate,
  type ListFigures,
  type PriceBookRuleOutOfDate,
  type ResourceEstimate,
} from "../estimate.js";
import { estimateTotals, stackEstimate } from "../assemble-estimate.js";
import { priceKeyFromId, type PriceFilter } from "../price-key.js";
import { allocateCommitments } from "./allocate-commitments.js";
import { applyRateRules } from "./apply-rates.js";
import { validOn, type PriceBook } from "./price-book.js";
import { matchesFilter } from "./rule-match.js";
import { usd } from "../../money.js";

/**
 * Apply a price book to an estimate (pricing: list → price book → effective). Pure: returns a new Estimate whose
 * `unitPrice`, `monthlyCost` and ranges are effective, with the list figures beside them (`list`), the rule
 * applied to each component (`priceBookRule`), commitment coverage per component (`commitments`) and
 * `priceBook` (rules applied, each commitment's unused part, rules out of date). The totals count the unused
 * part of commitments. Rules and commitments apply from `from` (inclusive) until `until` (exclusive), judged on
 * `today` (YYYY-MM-DD, injected like the exemptions' clock); a rule out of date is listed and warned about, and
 * the next rule that applies (else the list price) prices what it matched. Unknown list prices stay unknown
 * except where a fixed rate names the price.
 */
export function applyPriceBook(estimate: Estimate, book: PriceBook, today: string): Estimate {
  const rates = book.rates.filter((r) => validOn(r, today) === "valid");
  const commitments = book.commitments.filter((c) => validOn(c, today) === "valid");
  const stale = [...book.rates, ...book.commitments].filter((e) => validOn(e, today) !== "valid");
  const staleMatches = new Map<string, number>(stale.map((e) => [e.id, 0]));
  const applied = new Map<string, number>();
  const matched = new Set<string>();
  const cheaperOnDemand: string[] = [];
  const filters = new Map<string, PriceFilter | undefined>();
  const filterOf = (id: string | null): PriceFilter | undefined => {
    if (id === null) return undefined;
    if (!filters.has(id)) filters.set(id, priceKeyFromId(id));
    return filters.get(id);
  };

  // 1. Rates: each component at its contracted price.
  const resources = allResources(estimate);
  const rated: ResourceEstimate[] = resources.map((r) => {
    let changed = false;
    const components = r.components.map((c) => {
      const filter = filterOf(c.priceKey);
      for (const e of stale) if (filter && matchesFilter(e.match, filter)) staleMatches.set(e.id, staleMatches.get(e.id)! + 1);
      if (filter) for (const r of rates) if (!matched.has(r.id) && matchesFilter(r.match, filter) && (r.unit === undefined || r.unit === filter.unit)) matched.add(r.id);
      const { component, rule, onDemandRule } = applyRateRules(c, rates, filter);
      if (rule) applied.set(rule.id, (applied.get(rule.id) ?? 0) + 1);
      if (onDemandRule && onDemandRule !== rule) applied.set(onDemandRule.id, (applied.get(onDemandRule.id) ?? 0) + 1);
      // A contracted on-demand rate below the spot price paid: the worst case "if spot is unavailable" is cheaper.
      if (onDemandRule && c.purchaseOption === "spot" && component.onDemandUnitPrice !== undefined && component.unitPrice !== null && component.onDemandUnitPrice < component.unitPrice)
        cheaperOnDemand.push(`price book ${book.label}: ${r.address} runs spot at ${usd(component.unitPrice)}/${c.unit === "hours" ? "h" : c.unit}, above your on-demand rate ${usd(component.onDemandUnitPrice)} (\`${onDemandRule.id}\`): on-demand would cost less`);
      if (component !== c) changed = true;
      return component;
    });
    return changed ? { ...r, components } : r;
  });

  // 2. Commitments: capacity allocated in a fixed order, covered hours at the commitment's rate.
  const { components: coveredComponents, summaries } = allocateCommitments(rated, commitments);
  const effective = rated.map((r, i) => resummed(resources[i]!, coveredComponents.get(i) ?? r.components, r !== resources[i] || coveredComponents.has(i)));

  // 3. Stacks and totals, with the list figures beside them; the unused commitment is in the totals.
  let at = 0;
  const stacks = estimate.stacks.map((s) => {
    const rs = effective.slice(at, (at += s.resources.length));
    return { ...stackEstimate(s.name, rs), list: listOf(s) };
  });
  const totals = { ...estimateTotals(effective), list: listOf(estimate.totals) };
  for (const k of summaries) {
    for (const range of [totals.range, totals.rangeOnDemand]) {
      range.low += k.unused.atLow;
      range.expected += k.unused.expected;
      if (range.high !== null) range.high += k.unused.atHigh;
    }
  }
  totals.monthlyCost = totals.range.expected;
  totals.monthlyCostOnDemand = totals.rangeOnDemand.expected;

  const outOfDate: PriceBookRuleOutOfDate[] = stale.map((e) => {
    const status = validOn(e, today) as "expired" | "not-yet";
    return { id: e.id, reason: e.reason, status, date: status === "expired" ? e.until! : e.from!, matches: staleMatches.get(e.id)! };
  });
  const warnings = outOfDate
    .filter((o) => o.matches > 0)
    .map((o) =>
      o.status === "expired"
        ? `price book ${book.label}: \`${o.id}\` expired on ${o.date} (${o.reason}); the ${o.matches} price${o.matches === 1 ? "" : "s"} it matched now take the next rule that applies, else list`
        : `price book ${book.label}: \`${o.id}\` applies from ${o.date} (${o.reason}); not yet used for the ${o.matches} price${o.matches === 1 ? "" : "s"} it matches`,
    );
  return {
    ...estimate,
    stacks,
    totals,
    warnings: [...estimate.warnings, ...warnings, ...cheaperOnDemand],
    priceBook: {
      label: book.label,
      name: book.name,
      today,
      rulesApplied: book.rates.filter((r) => applied.has(r.id)).map((r) => ({ id: r.id, reason: r.reason, components: applied.get(r.id)! })),
      commitments: summaries,
      outOfDate,
      ...(rates.some((r) => !matched.has(r.id)) ? { unmatched: rates.filter((r) => !matched.has(r.id)).map((r) => r.id) } : {}),
    },
  };
}

/** The resource re-summed from its effective components (unchanged resources keep their figures), with its list figures. */
function resummed(r: ResourceEstimate, components: ComponentEstimate[], changed: boolean): ResourceEstimate {
  const list = listOf(r);
  if (!changed || r.status === "unsupported" || r.status === "free" || r.status === "not-aws") return { ...r, list };
  const f = resourceFigures("costed", components, r.type, r.action);
  return {
    ...r,
    components,
    status: f.status,
    notes: f.notes,
    complete: f.complete,
    range: f.range,
    rangeOnDemand: f.rangeOnDemand,
    monthlyCost: f.range.expected,
    monthlyCostOnDemand: f.rangeOnDemand.expected,
    list,
  };
}

function listOf(x: Pick<ResourceEstimate, "monthlyCost" | "monthlyCostOnDemand" | "range" | "rangeOnDemand">): ListFigures {
  return { monthlyCost: x.monthlyCost, monthlyCostOnDemand: x.monthlyCostOnDemand, range: { ...x.range }, rangeOnDemand: { ...x.rangeOnDemand } };
}

