import { GetProductsCommand, PricingClient, type PricingClientConfig } from "@aws-sdk/client-pricing";
import { distinctPriceKeys, priceKeyId, type PriceKey } from "../price-key.js";
import type { PriceQuote, PriceSource, PriceSourceInfo } from "../price-quote.js";
import { CircuitBreaker } from "./circuit-breaker.js";
import { mapWithConcurrency } from "./concurrency-limit.js";
import type { PriceCache } from "./price-cache.js";
import { quoteFailuresFromFallback, type FailedLookup } from "./price-fallback.js";
import { parsePriceListItem, PriceLookupError, selectRate, sumRates, type PriceListProduct } from "./price-list-document.js";
import { PRICE_LIST_QUERY_VERSION, priceListQuery, type PriceListQuery } from "./price-list-queries.js";
import { DEFAULT_PRICING_API_REGION } from "./pricing-api-regions.js";
import { DEFAULT_REQUEST_TIMEOUT_MS, requestTimeouts } from "./request-timeouts.js";
import { SnapshotPriceSource } from "./snapshot-source.js";

export { DEFAULT_PRICING_API_REGION, PRICING_API_REGIONS } from "./pricing-api-regions.js";

/** Most pages one lookup may read (100 products a page); a point lookup needs one. */
const MAX_PAGES = 20;

export type PricedQuote = Extract<PriceQuote, { priced: true }>;

/** A live answer for one key: a price (fetched now or read from the cache) or the error that prevented it. */
export type LiveLookup = { ok: true; quote: PricedQuote; fromCache: boolean } | { ok: false; error: unknown };

export interface AwsPricingSourceOptions {
  /** A ready client (tests); otherwise one is built from the options below. */
  client?: PricingClient;
  /** Region of the Price List endpoint (not of the prices): us-east-1 (default), eu-central-1 or ap-south-1. */
  apiRegion?: string;
  /** Endpoint override (a loopback fake in tests; also honoured from AWS_ENDPOINT_URL_PRICING by the SDK). */
  endpoint?: string;
  /** Credentials or a provider; default: the SDK's default provider chain. */
  credentials?: PricingClientConfig["credentials"];
  /** SDK attempts per request, with backoff on ThrottlingException and 5xx (default 5; tests use 1-2). */
  maxAttempts?: number;
  /**
   * The SDK retry strategy (default: the SDK's adaptive mode with `maxAttempts`). Tests pass one with the same
   * attempts and no backoff delay, so retries are exercised without waiting.
   */
  retryStrategy?: PricingClientConfig["retryStrategy"];
  /** Milliseconds one request (each attempt) may take before it fails as a TimeoutError (default 10 s). */
  requestTimeoutMs?: number;
  /** Lookups in flight at once (default 5; the API's bucket is 10 refilled at 5/s). */
  concurrency?: number;
  /** On-disk cache; none when omitted. */
  cache?: PriceCache;
  /** Where failed keys are answered from (default: the embedded snapshot). */
  fallback?: PriceSource;
  now?: () => Date;
}

/**
 * Live prices from the AWS Price List Query API (`GetProducts`), for any price filter through one generic query
 * (`priceListQuery`). At most one request (plus pages) per distinct key (keys that share a query share its request), bounded concurrency, SDK retries with backoff, an optional
 * on-disk cache, and a per-key fallback to the embedded snapshot with a warning naming the key and the error.
 * Never a silent $0, never a crash.
 *
 * Origins: a live price is labelled `aws-pricing-api <publicationDate>` (the offer's publication date, or the
 * fetch date when the document has none). A cached price keeps its original label and gets the note
 * `from the local price cache (fetched <date-time>)`.
 */
export class AwsPricingSource implements PriceSource {
  readonly client: PricingClient;
  readonly apiRegion: string;
  readonly endpoint: string | undefined;
  private readonly concurrency: number;
  private readonly cache: PriceCache | undefined;
  private readonly fallback: PriceSource;
  private readonly now: () => Date;
  private readonly counts = { requests: 0, live: 0, cached: 0, fellBack: 0 };
  private readonly warningList: string[] = [];
  private earliestFetch: string | undefined;
  private credentialCheck: Promise<void> | undefined;
  private cacheWriteFailed = false;
  private readonly breaker = new CircuitBreaker();

  constructor(opts: AwsPricingSourceOptions = {}) {
    this.apiRegion = opts.apiRegion ?? DEFAULT_PRICING_API_REGION;
    this.endpoint = opts.endpoint;
    this.client =
      opts.client ??
      new PricingClient({
        region: this.apiRegion,
        ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
        ...(opts.credentials ? { credentials: opts.credentials } : {}),
        maxAttempts: opts.maxAttempts ?? 5,
        // Adaptive mode adds client-side rate limiting once the API starts throttling.
        ...(opts.retryStrategy ? { retryStrategy: opts.retryStrategy } : { retryMode: "adaptive" }),
        requestHandler: requestTimeouts(opts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS),
      });
    this.concurrency = opts.concurrency ?? 5;
    this.cache = opts.cache;
    this.fallback = opts.fallback ?? new SnapshotPriceSource();
    this.now = opts.now ?? (() => new Date());
  }

  async quote(keys: PriceKey[]): Promise<Map<string, PriceQuote>> {
    const distinct = distinctPriceKeys(keys);
    const results = await this.lookup(distinct);
    const failures: FailedLookup[] = [];
    for (const k of distinct) {
      const r = results.get(priceKeyId(k))!;
      if (!r.ok) failures.push({ key: k, error: r.error });
    }
    const fb = await quoteFailuresFromFallback(failures, this.fallback, "snapshot");
    this.counts.fellBack += failures.length;
    this.warningList.push(...fb.warnings);
    const out = new Map<string, PriceQuote>();
    for (const k of distinct) {
      const id = priceKeyId(k);
      const r = results.get(id)!;
      out.set(id, r.ok ? r.quote : fb.quotes.get(id)!);
    }
    return out;
  }

  /**
   * Live (or cached) answers with an error per failed key and no fallback: `quote` adds the fallback, and
   * `costgate pricing refresh` uses this directly. Cached keys send nothing; misses check credentials once
   * (without a request) and then send one GetProducts request each (plus pages; keys with one query share it).
   */
  async lookup(keys: PriceKey[], onSettled?: (done: number, total: number) => void): Promise<Map<string, LiveLookup>> {
    const distinct = distinctPriceKeys(keys);
    const results = new Map<string, LiveLookup>();
    const misses: PriceKey[] = [];
    let done = 0;
    const settled = () => onSettled?.(++done, distinct.length);
    for (const k of distinct) {
      const cached = this.cache ? await this.cache.get(cacheKey(k)) : undefined;
      if (!cached) {
        misses.push(k);
        continue;
      }
      this.counts.cached++;
      this.noteFetch(cached.fetchedAt);
      const note = `from the local price cache (fetched ${cached.fetchedAt})`;
      results.set(priceKeyId(k), {
        ok: true,
        fromCache: true,
        quote: { priced: true, usdPerUnit: cached.usdPerUnit, unit: cached.unit, origin: { ...cached.origin, note: [cached.origin.note, note].filter(Boolean).join("; ") } },
      });
      settled();
    }
    if (misses.length > 0) {
      let credentialError: unknown;
      try {
        await this.checkCredentials();
      } catch (e) {
        credentialError = e;
      }
      // Keys that share a query (NAT hours and data, S3 PUT and GET) share its request.
      const queries = new Map<string, Promise<PriceListProduct[]>>();
      await mapWithConcurrency(misses, credentialError ? misses.length : this.concurrency, async (k) => {
        const id = priceKeyId(k);
        const notAsked = credentialError ?? this.breaker.open;
        if (notAsked) results.set(id, { ok: false, error: notAsked });
        else {
          try {
            const quote = await this.fetch(k, queries);
            this.counts.live++;
            results.set(id, { ok: true, quote, fromCache: false });
            await this.store(k, quote);
          } catch (error) {
            results.set(id, { ok: false, error });
            this.breaker.record(error, id);
          }
        }
        settled();
      });
    }
    return new Map(distinct.map((k) => [priceKeyId(k), results.get(priceKeyId(k))!]));
  }

  /** Requests sent, prices fetched live or read from the cache, and keys that fell back. */
  stats(): { requests: number; live: number; cached: number; fellBack: number } {
    return { ...this.counts };
  }

  describe(): PriceSourceInfo[] {
    const out: PriceSourceInfo[] = [];
    const { live, cached, fellBack } = this.counts;
    if (live + cached > 0) {
      const asOf = (this.earliestFetch ?? this.now().toISOString()).slice(0, 10);
      const where = this.endpoint ? `endpoint ${this.endpoint}` : `endpoint region ${this.apiRegion}`;
      const parts = [`${live} fetched live`, ...(this.cache ? [`${cached} from the cache in ${this.cache.dir}`] : []), ...(fellBack ? [`${fellBack} from the snapshot`] : [])];
      out.push({
        id: "aws-pricing-api",
        label: `aws-pricing-api ${asOf}`,
        asOf,
        description: `AWS Price List Query API, GetProducts (${where}): ${parts.join(", ")}`,
      });
    }
    if (fellBack > 0) out.push(...this.fallback.describe());
    return out;
  }

  warnings(): string[] {
    return [...this.warningList];
  }

  private async fetch(key: PriceKey, queries: Map<string, Promise<PriceListProduct[]>>): Promise<PricedQuote> {
    const query = priceListQuery(key);
    const queryId = JSON.stringify([query.serviceCode, query.filters]);
    let products = queries.get(queryId);
    if (!products) {
      products = this.products(query);
      queries.set(queryId, products);
    }
    const rate = query.sumOf ? sumRates(await products, query, query.sumOf) : selectRate(await products, query);
    const fetchedAt = this.now().toISOString();
    this.noteFetch(fetchedAt);
    const asOf = (rate.publicationDate ?? fetchedAt).slice(0, 10);
    return {
      priced: true,
      usdPerUnit: rate.usdPerUnit,
      unit: rate.unit,
      origin: { source: "aws-pricing-api", asOf, label: `aws-pricing-api ${asOf}`, estimated: false },
    };
  }

  /** Every product a query matches, page by page (one request shape for every filter). */
  private async products(query: PriceListQuery): Promise<PriceListProduct[]> {
    const products: PriceListProduct[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      this.counts.requests++;
      const out = await this.client.send(
        new GetProductsCommand({
          ServiceCode: query.serviceCode,
          Filters: query.filters.map((f) => ({ Type: "TERM_MATCH", Field: f.Field, Value: f.Value })),
          FormatVersion: "aws_v1",
          MaxResults: 100,
          ...(token ? { NextToken: token } : {}),
        }),
      );
      pages++;
      for (const item of out.PriceList ?? []) products.push(parsePriceListItem(item));
      token = out.NextToken || undefined;
      if (token && pages >= MAX_PAGES)
        throw new PriceLookupError("TooManyProducts", `more than ${MAX_PAGES * 100} products match ${query.what}; the filters are too loose`);
    } while (token);
    return products;
  }

  private async store(key: PriceKey, quote: PricedQuote): Promise<void> {
    if (!this.cache) return;
    try {
      await this.cache.set(cacheKey(key), { usdPerUnit: quote.usdPerUnit, unit: quote.unit, origin: quote.origin, fetchedAt: this.now().toISOString() });
    } catch (e) {
      if (!this.cacheWriteFailed) this.warningList.push(`price cache ${this.cache.dir} is not writable (${(e as Error).message}); prices were not cached`);
      this.cacheWriteFailed = true;
    }
  }

  /** Resolve credentials without sending a request (CredentialsProviderError when there are none). */
  private checkCredentials(): Promise<void> {
    this.credentialCheck ??= Promise.resolve(this.client.config.credentials()).then(() => undefined);
    return this.credentialCheck;
  }

  private noteFetch(at: string): void {
    if (!this.earliestFetch || at < this.earliestFetch) this.earliestFetch = at;
  }
}

/** The cache key: the query version and the price key id (prices are the same from every endpoint). */
function cacheKey(key: PriceKey): string {
  return `aws-pricing-api/${PRICE_LIST_QUERY_VERSION}/${priceKeyId(key)}`;
}
