/**
 * A component's price, described the way the AWS Price List itself is queried: offer code, product family,
 * TERM_MATCH attribute filters and region, what the client must re-check, the unit and its conversion, purchase
 * option and tier. Price sources answer any filter generically (the live source builds one GetProducts query
 * from it, the snapshot looks its id up in one table), and reports read the service off it.
 *
 * Filters are built only by the factories made with `definePriceFactory` (`src/pricing/prices/*.ts` and catalog
 * files), which intern them: one shared object per distinct price, and an id computed once.
 */

/** A Price List offer code (`ServiceCode` of GetProducts), e.g. `AmazonEC2`, `AmazonEKS`, `AmazonSageMaker`. */
export type OfferCode = string;

/** One server-side GetProducts filter (`TERM_MATCH`: exact, case-insensitive). */
export interface TermMatch {
  readonly field: string;
  readonly value: string;
}

/**
 * A check the client makes on each returned product, for what TERM_MATCH cannot say: a usage-type suffix
 * (usage types carry a region prefix), a negative match, a spelling-insensitive comparison. `field` is a product
 * attribute; a missing attribute reads as "".
 */
export type AttributeCheck =
  | { readonly field: string; readonly op: "equals"; readonly value: string }
  | { readonly field: string; readonly op: "ends-with"; readonly value: string }
  /** Equal after upper-casing and dropping everything but letters and digits (`Persistent 2` = `PERSISTENT_2`). */
  | { readonly field: string; readonly op: "normalized-equals"; readonly value: string }
  /** A regular expression (source), tested case-insensitively. */
  | { readonly field: string; readonly op: "matches"; readonly pattern: string }
  | { readonly field: string; readonly op: "not-matches"; readonly pattern: string };

/** A Price List unit (`Hrs`, `GB-Mo`, `Requests`, …) → costgate's unit and the factor from one to the other. */
export interface UnitConversion {
  readonly unit: string;
  readonly factor: number;
}

/** Everything a filter states about a price (a factory writes `PriceFactorySpec`; `definePriceFactory` adds the rest). */
export interface PriceFilterSpec {
  /** Offer code of the product (GetProducts `ServiceCode`). */
  readonly service: OfferCode;
  /** Price List `productFamily`, when the filter pins one (also sent as a TERM_MATCH). */
  readonly productFamily?: string;
  /** Further TERM_MATCH filters, in the order they are sent (regionCode is added first, and productFamily unless listed here). */
  readonly attributes: readonly TermMatch[];
  /** Client-side checks every accepted product must pass. */
  readonly checks: readonly AttributeCheck[];
  /**
   * When the price AWS bills is the sum of several products (EKS extended support: the cluster-hour plus the
   * extended-support usage type), one list of extra checks per addend; each must resolve to exactly one rate.
   */
  readonly sumOf?: readonly (readonly AttributeCheck[])[];
  /** Accepted Price List units and their conversion to `unit`. */
  readonly units: Readonly<Record<string, UnitConversion>>;
  /** costgate's unit of the quantity this price multiplies (`hours`, `GB-months`, `1k requests`, …). */
  readonly unit: string;
  /** Price List term type read (every costgate price is On-Demand; spot is derived elsewhere). */
  readonly purchaseOption: "OnDemand";
  /** Which price dimension of a tiered product: the first non-zero tier. */
  readonly tier: "first-non-zero";
  /** What is priced, for messages: `EC2 p5.48xlarge (Linux, on-demand)`. */
  readonly what: string;
  /** The EC2 or `ml.*` instance type, for prices of instance-hours (spot, GPU coverage, FOCUS SKU details). */
  readonly instanceType?: string;
  /**
   * The price this one is documented as a multiple of, for sources that have no row of their own (SageMaker
   * instance-hours are estimated from EC2 × a documented multiplier and labelled estimated).
   */
  readonly estimatedFrom?: PriceFilter;
  /** Why the Price List has no product for this price (the live source answers NoMatchingPrice without asking). */
  readonly notInPriceList?: string;
}

/**
 * What a price factory writes: the spec without what every costgate price shares — the offer code (the factory's
 * own), the On-Demand term and the first non-zero tier, which `definePriceFactory` fills in.
 */
export type PriceFactorySpec = Omit<PriceFilterSpec, "service" | "purchaseOption" | "tier">;

/** A component's price filter: the spec plus its identity. Plain data; never mutated. */
export interface PriceFilter extends PriceFilterSpec {
  /** Stable id: `<factory>|<region>|<arg>…`, e.g. `ec2-instance|us-east-1|p5.48xlarge`. */
  readonly id: string;
  /** The factory that built it and its arguments (the id without the region): the snapshot table's row key. */
  readonly factory: string;
  readonly args: readonly string[];
  readonly rowKey: string;
  /** AWS region code of the price (`regionCode` in the Price List). */
  readonly region: string;
}

/** The type of a cost component's price (the name callers have always used). */
export type PriceKey = PriceFilter;

/** A factory as registered: its name, the offer code its filters use, and how to build one from id parts. */
export interface RegisteredPriceFactory {
  readonly name: string;
  readonly service: OfferCode;
  build(region: string, ...args: string[]): PriceFilter;
}

const factories = new Map<string, RegisteredPriceFactory>();
/** Interned filters: factory → region → argument key → filter. */
const interned = new Map<string, Map<string, Map<string, PriceFilter>>>();
let internedCount = 0;
const MAX_INTERNED = 50_000;

/**
 * Make (and register) a price factory. `build` states the filter for a region and string arguments; the returned
 * function interns the result, so equal prices share one object and its id is computed once. Throws when the
 * name is taken or has a `|` (ids are `|`-separated).
 */
export function definePriceFactory<A extends string[]>(
  name: string,
  service: OfferCode,
  build: (region: string, ...args: A) => PriceFactorySpec,
): (region: string, ...args: A) => PriceFilter {
  if (factories.has(name) || name.includes("|")) throw new Error(`price factory name ${name} is taken or invalid`);
  const make = (region: string, ...args: A): PriceFilter => {
    let byRegion = interned.get(name);
    if (!byRegion) interned.set(name, (byRegion = new Map()));
    let byArgs = byRegion.get(region);
    if (!byArgs) byRegion.set(region, (byArgs = new Map()));
    const argKey = args.length === 1 ? args[0]! : args.join("|");
    let filter = byArgs.get(argKey);
    if (filter === undefined) {
      if (++internedCount > MAX_INTERNED) {
        // A bound on memory for long-lived processes; ids stay stable, only sharing restarts.
        interned.clear();
        internedCount = 1;
        interned.set(name, (byRegion = new Map()));
        byRegion.set(region, (byArgs = new Map()));
      }
      const spec = build(region, ...args);
      const rowKey = args.length === 0 ? name : `${name}|${argKey}`;
      filter = { ...spec, service, purchaseOption: "OnDemand", tier: "first-non-zero", id: args.length === 0 ? `${name}|${region}` : `${name}|${region}|${argKey}`, factory: name, args: [...args], rowKey, region };
      byArgs.set(argKey, filter);
    }
    return filter;
  };
  factories.set(name, { name, service, build: make as (region: string, ...args: string[]) => PriceFilter });
  return make;
}

/** A stable string for deduplication and caching, e.g. `ec2-instance|us-east-1|p5.48xlarge`. */
export function priceKeyId(key: PriceKey): string {
  return key.id;
}

/** The interned filter with this key's id (the key itself when it was not built by a factory of this process). */
export function canonicalPriceKey<K extends PriceKey>(key: K): K {
  const argKey = key.args.length === 1 ? key.args[0]! : key.args.join("|");
  return (interned.get(key.factory)?.get(key.region)?.get(argKey) as K | undefined) ?? key;
}

/**
 * The filter an id names, rebuilt by its registered factory (ids read from a snapshot row, a cache or an
 * estimate). Undefined when no registered factory has that name (its module was not loaded) or the id is not
 * `<factory>|<region>|<args>`.
 */
export function priceKeyFromId(id: string): PriceKey | undefined {
  const [name, region, ...args] = id.split("|");
  const factory = name === undefined ? undefined : factories.get(name);
  if (!factory || !region) return undefined;
  try {
    return factory.build(region, ...args);
  } catch {
    return undefined;
  }
}

/** The filter a snapshot row key names in a region (`ec2-instance|p5.48xlarge` in `us-east-1`). */
export function priceKeyFromRow(region: string, rowKey: string): PriceKey | undefined {
  const bar = rowKey.indexOf("|");
  return priceKeyFromId(bar < 0 ? `${rowKey}|${region}` : `${rowKey.slice(0, bar)}|${region}${rowKey.slice(bar)}`);
}

/** Every registered factory (those of the modules loaded so far), for coverage tests and the snapshot build. */
export function registeredPriceFactories(): RegisteredPriceFactory[] {
  return [...factories.values()];
}

/** Deduplicate keys by id, keeping first occurrence order. */
export function distinctPriceKeys(keys: Iterable<PriceKey>): PriceKey[] {
  const seen = new Map<string, PriceKey>();
  for (const k of keys) if (!seen.has(k.id)) seen.set(k.id, k);
  return [...seen.values()];
}
