/**
 * Reading AWS Price List `GetProducts` items. Each `PriceList` item is one product document serialised as JSON;
 * the SDK hands it back as a boxed `String` (typeof "object"), so it is always read with `JSON.parse(String(item))`.
 */

/** One On-Demand price dimension of a product. */
export interface PriceDimension {
  /** Price List unit, e.g. `Hrs`, `GB-Mo`, `IOPS-Mo`, `GiBps-mo`, `Requests`, `GB`, `Quantity`. */
  unit: string;
  usd: number;
  /** Tier start (0 for untiered dimensions). */
  beginRange: number;
  description: string;
}

/** A product document reduced to what pricing needs. */
export interface PriceListProduct {
  sku: string;
  serviceCode: string;
  productFamily: string;
  attributes: Record<string, string>;
  onDemand: PriceDimension[];
  /** `publicationDate` of the offer the document belongs to (ISO date-time), when present. */
  publicationDate?: string;
}

/** A lookup that failed for a reason worth naming in a warning (`<name>: <message>`). */
export class PriceLookupError extends Error {
  constructor(
    override readonly name: "MalformedPriceList" | "NoMatchingPrice" | "AmbiguousPrice" | "TooManyProducts" | "NoSpotPriceHistory" | "MalformedSpotPrice",
    message: string,
  ) {
    super(message);
  }
}

/** Parse one `PriceList` item (string or boxed String). Throws `MalformedPriceList` when it is not a product document. */
export function parsePriceListItem(item: unknown): PriceListProduct {
  let doc: unknown;
  try {
    doc = JSON.parse(String(item));
  } catch {
    throw malformed(`a PriceList item is not JSON (${preview(String(item))})`);
  }
  if (!isObject(doc) || !isObject(doc.product)) throw malformed(`a PriceList item has no \`product\` object (${preview(String(item))})`);
  const product = doc.product;
  const sku = typeof product.sku === "string" ? product.sku : "";
  const where = sku ? `product ${sku}` : "a product";
  const rawAttributes = product.attributes;
  if (!isObject(rawAttributes)) throw malformed(`${where} has no \`attributes\` object`);
  const attributes: Record<string, string> = {};
  for (const [k, v] of Object.entries(rawAttributes)) if (typeof v === "string") attributes[k] = v;

  const onDemand: PriceDimension[] = [];
  const terms = doc.terms;
  if (terms !== undefined && !isObject(terms)) throw malformed(`${where} has a \`terms\` value that is not an object`);
  const od = terms?.OnDemand;
  if (od !== undefined) {
    if (!isObject(od)) throw malformed(`${where} has \`terms.OnDemand\` that is not an object`);
    for (const [termCode, term] of Object.entries(od)) {
      if (!isObject(term) || !isObject(term.priceDimensions)) throw malformed(`${where} term ${termCode} has no \`priceDimensions\` object`);
      for (const [dimCode, dim] of Object.entries(term.priceDimensions)) {
        if (!isObject(dim) || typeof dim.unit !== "string" || !isObject(dim.pricePerUnit))
          throw malformed(`${where} dimension ${dimCode} lacks \`unit\` or \`pricePerUnit\``);
        const rawUsd = dim.pricePerUnit.USD;
        if (rawUsd === undefined) continue; // priced in another currency only (e.g. CNY in China regions)
        const usd = typeof rawUsd === "string" && /^\s*\d+(\.\d+)?([eE][-+]?\d+)?\s*$/.test(rawUsd) ? Number(rawUsd) : NaN;
        if (!Number.isFinite(usd)) throw malformed(`${where} dimension ${dimCode} has a USD price that is not a number (${JSON.stringify(rawUsd)})`);
        const begin = dim.beginRange === undefined ? 0 : Number(dim.beginRange);
        onDemand.push({
          unit: dim.unit,
          usd,
          beginRange: Number.isFinite(begin) ? begin : 0,
          description: typeof dim.description === "string" ? dim.description : "",
        });
      }
    }
  }
  return {
    sku,
    serviceCode: typeof doc.serviceCode === "string" ? doc.serviceCode : attributes.servicecode ?? "",
    productFamily: typeof product.productFamily === "string" ? product.productFamily : "",
    attributes,
    onDemand,
    ...(typeof doc.publicationDate === "string" ? { publicationDate: doc.publicationDate } : {}),
  };
}

/** How to turn the products a query returned into one unit price. */
export interface RateRule {
  /** What is being priced, for messages: `EC2 p5.48xlarge (Linux, shared, on-demand) in us-east-1`. */
  what: string;
  /** Accepted Price List units → costgate unit and the factor from the Price List unit to it. */
  units: Record<string, { unit: string; factor: number }>;
  /** Client-side checks the API's TERM_MATCH filters cannot express (usage type suffixes, component). */
  accept?: (product: PriceListProduct) => boolean;
}

export interface SelectedRate {
  usdPerUnit: number;
  unit: string;
  /** Latest `publicationDate` among the products that gave the rate. */
  publicationDate?: string;
  skus: string[];
}

/**
 * Pick the one On-Demand rate the products give. $0 dimensions are dropped (capacity-block and reservation
 * rows); a tiered product contributes its first non-zero tier. No rate, or more than one distinct rate, is an
 * error: the caller falls back loudly rather than guessing.
 */
export function selectRate(products: PriceListProduct[], rule: RateRule): SelectedRate {
  const rates = new Map<string, SelectedRate>();
  let accepted = 0;
  for (const p of products) {
    if (rule.accept && !rule.accept(p)) continue;
    accepted++;
    const dims = p.onDemand.filter((d) => d.usd > 0 && rule.units[d.unit] !== undefined);
    if (dims.length === 0) continue;
    const firstTier = Math.min(...dims.map((d) => d.beginRange));
    for (const d of dims.filter((x) => x.beginRange === firstTier)) {
      const conv = rule.units[d.unit]!;
      // Unit conversions (×1000, ÷1024) are rounded to 12 significant digits so 0.0000004 × 1000 reads 0.0004.
      const usdPerUnit = conv.factor === 1 ? d.usd : Number((d.usd * conv.factor).toPrecision(12));
      const id = `${usdPerUnit}|${conv.unit}`;
      const prev = rates.get(id);
      const publicationDate = latest(prev?.publicationDate, p.publicationDate);
      rates.set(id, {
        usdPerUnit,
        unit: conv.unit,
        ...(publicationDate ? { publicationDate } : {}),
        skus: [...(prev?.skus ?? []), p.sku],
      });
    }
  }
  if (rates.size === 0) {
    const units = Object.keys(rule.units).join("/");
    throw new PriceLookupError(
      "NoMatchingPrice",
      `the Price List has no non-zero On-Demand ${units} rate for ${rule.what} (${products.length} product(s) returned, ${accepted} matched)`,
    );
  }
  if (rates.size > 1) {
    const list = [...rates.values()].map((r) => `$${r.usdPerUnit}/${r.unit} (${r.skus.join(", ")})`).join(", ");
    throw new PriceLookupError("AmbiguousPrice", `${rates.size} different On-Demand rates for ${rule.what}: ${list}`);
  }
  return [...rates.values()][0]!;
}

/**
 * A price AWS bills as the sum of several products (EKS extended support = cluster-hour + extended-support
 * usage type): one rate per addend (`parts`, each narrowing `rule.accept`), all in the same unit, added. Any addend
 * without exactly one rate fails the whole price (NoMatchingPrice / AmbiguousPrice), never a partial sum.
 */
export function sumRates(products: PriceListProduct[], rule: RateRule, parts: ((product: PriceListProduct) => boolean)[]): SelectedRate {
  const rates = parts.map((part, i) =>
    selectRate(products, { ...rule, what: `${rule.what} (addend ${i + 1} of ${parts.length})`, accept: (p) => (rule.accept ? rule.accept(p) : true) && part(p) }),
  );
  const units = new Set(rates.map((r) => r.unit));
  if (units.size !== 1) throw new PriceLookupError("AmbiguousPrice", `the addends of ${rule.what} are in different units (${[...units].join(", ")})`);
  const publicationDate = rates.map((r) => r.publicationDate).reduce<string | undefined>(latest, undefined);
  return {
    // Rounded to 12 significant digits, like unit conversions, so 0.1 + 0.5 reads 0.6.
    usdPerUnit: Number(rates.reduce((a, r) => a + r.usdPerUnit, 0).toPrecision(12)),
    unit: rates[0]!.unit,
    ...(publicationDate ? { publicationDate } : {}),
    skus: rates.flatMap((r) => r.skus),
  };
}

function latest(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return a >= b ? a : b;
}

function malformed(message: string): PriceLookupError {
  return new PriceLookupError("MalformedPriceList", message);
}

function preview(s: string): string {
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);
}

function isObject(v: unknown): v is Record<string, any> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
