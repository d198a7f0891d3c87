import type { AttributeCheck, PriceKey } from "../price-key.js";
import { PriceLookupError, type PriceListProduct, type RateRule } from "./price-list-document.js";

/**
 * Bump when the meaning of a query changes, so cached answers from the old query are not reused.
 * (It is part of the on-disk cache key.)
 */
export const PRICE_LIST_QUERY_VERSION = "1";

/** One GetProducts query (TERM_MATCH filters only, as every real-world client uses) and how to read its answer. */
export interface PriceListQuery extends RateRule {
  serviceCode: string;
  filters: { Field: string; Value: string }[];
  /** Extra acceptance per addend when the price is a sum of products (see `PriceFilterSpec.sumOf`). */
  sumOf?: ((product: PriceListProduct) => boolean)[];
}

/**
 * The GetProducts query for any price filter: `regionCode`, the product family and the filter's TERM_MATCH
 * attributes on the server; the filter's checks on the client, so a stray product makes the answer ambiguous
 * instead of wrong. Throws `NoMatchingPrice` for filters the Price List cannot answer (`notInPriceList`).
 */
export function priceListQuery(key: PriceKey): PriceListQuery {
  if (key.notInPriceList !== undefined) throw new PriceLookupError("NoMatchingPrice", key.notInPriceList);
  return {
    serviceCode: key.service,
    filters: [
      { Field: "regionCode", Value: key.region },
      // The product family, unless the filter places it among its attributes (Karpenter's order for EC2).
      ...(key.productFamily !== undefined && !key.attributes.some((a) => a.field === "productFamily") ? [{ Field: "productFamily", Value: key.productFamily }] : []),
      ...key.attributes.map((a) => ({ Field: a.field, Value: a.value })),
    ],
    what: key.what,
    units: key.units,
    accept: accepts(key.checks),
    ...(key.sumOf ? { sumOf: key.sumOf.map(accepts) } : {}),
  };
}

/** A product predicate from attribute checks (all must hold). */
export function accepts(checks: readonly AttributeCheck[]): (product: PriceListProduct) => boolean {
  const tests = checks.map(check);
  return (p) => tests.every((t) => t(p));
}

function check(c: AttributeCheck): (p: PriceListProduct) => boolean {
  const attr = (p: PriceListProduct) => p.attributes[c.field] ?? "";
  switch (c.op) {
    case "equals":
      return (p) => attr(p) === c.value;
    case "ends-with":
      return (p) => attr(p).endsWith(c.value);
    case "normalized-equals": {
      const want = normalize(c.value);
      return (p) => normalize(attr(p)) === want;
    }
    case "matches": {
      const re = new RegExp(c.pattern, "i");
      return (p) => re.test(attr(p));
    }
    case "not-matches": {
      const re = new RegExp(c.pattern, "i");
      return (p) => !re.test(attr(p));
    }
  }
}

function normalize(s: string): string {
  return s.toUpperCase().replace(/[^A-Z0-9]/g, "");
}
