import { S as SpotDiscountSource, a as SNAPSHOT } from './index.js';
import { C as CircuitBreaker, d as describeError, r as requestTimeouts, D as DEFAULT_REQUEST_TIMEOUT_MS, P as PriceLookupError } from './request-timeouts.js';
import 'os';
import 'crypto';
import 'fs';
import 'path';
import 'string_decoder';
import 'events';
import 'child_process';
import 'assert';
import 'timers';
import 'node:os';
import 'node:path';
import 'node:fs';
import 'process';
import 'buffer';
import 'node:crypto';
import 'node:url';
import 'node:child_process';
import 'node:fs/promises';

const PRODUCT = "Linux/UNIX";
const MAX_PAGES = 20;
/**
 * Spot prices from EC2 `DescribeSpotPriceHistory` (needs credentials, `ec2:DescribeSpotPriceHistory`): the median
 * of the latest Linux/UNIX price in each availability zone of the region. Asking with StartTime = now returns the
 * price in effect in each zone. Keys the history cannot answer fall back to the discount source with a warning.
 * SageMaker managed spot is billed as a discount on the SageMaker rate, not at EC2 spot prices, so `ml.*` keys
 * (passed with `kind: "sagemaker-instance"`) always use the fallback, without a warning.
 */
class SpotHistorySource {
    opts;
    clients = new Map();
    memo = new Map();
    fallback;
    snap;
    now;
    warningList = [];
    counts = { requests: 0, history: 0, fellBack: 0 };
    fallbackUsed = false;
    /** Per region: EC2 throttles and fails per regional endpoint. */
    breakers = new Map();
    constructor(opts = {}) {
        this.opts = opts;
        this.fallback = opts.fallback ?? new SpotDiscountSource();
        this.snap = opts.snapshot ?? SNAPSHOT;
        this.now = opts.now ?? (() => new Date());
    }
    async spotQuote(key, onDemand) {
        const type = key.instanceType.replace(/^ml\./, "");
        if (key.kind === "sagemaker-instance" || key.instanceType.startsWith("ml.")) {
            this.fallbackUsed = true;
            return this.fallback.spotQuote({ region: key.region, instanceType: type }, onDemand);
        }
        const memoKey = `${key.region}|${type}`;
        let pending = this.memo.get(memoKey);
        if (!pending) {
            let breaker = this.breakers.get(key.region);
            if (!breaker)
                this.breakers.set(key.region, (breaker = new CircuitBreaker()));
            const notAsked = breaker.open;
            pending = notAsked ? Promise.reject(notAsked) : this.history(key.region, type);
            pending.catch((e) => breaker.record(e, `spot|${key.region}|${type}`));
            this.memo.set(memoKey, pending);
        }
        try {
            const h = await pending;
            this.counts.history++;
            const band = this.snap.spot.advisor[key.region]?.[type]?.band;
            const asOf = h.latest;
            return {
                priced: true,
                usdPerHour: h.usdPerHour,
                origin: {
                    source: "spot-history",
                    asOf,
                    label: `spot-history ${asOf.slice(0, 10)}`,
                    estimated: false,
                    note: `median of the latest ${PRODUCT} spot price in ${h.zones} availability zone(s) of ${key.region} (min $${h.min}, max $${h.max})`,
                },
                ...(band ? { interruptionBand: band } : {}),
            };
        }
        catch (e) {
            this.counts.fellBack++;
            this.fallbackUsed = true;
            this.warningList.push(`spot price spot|${key.region}|${type} from spot-discount: ${describeError(e)}`);
            return this.fallback.spotQuote({ region: key.region, instanceType: type }, onDemand);
        }
    }
    /** Requests sent, keys answered from history, keys that fell back. */
    stats() {
        return { ...this.counts };
    }
    describe() {
        const out = [];
        if (this.counts.history > 0) {
            const asOf = this.now().toISOString().slice(0, 10);
            out.push({
                id: "spot-history",
                label: "spot-history",
                asOf,
                description: `EC2 DescribeSpotPriceHistory (${PRODUCT}): median of the latest spot price per availability zone`,
            });
        }
        if (this.fallbackUsed)
            out.push(...this.fallback.describe());
        return out;
    }
    warnings() {
        return [...this.warningList, ...this.fallback.warnings()];
    }
    async client(region) {
        const sdk = await import('./index3.js');
        let c = this.clients.get(region);
        if (!c) {
            c =
                this.opts.clientFor?.(region) ??
                    new sdk.EC2Client({
                        region,
                        ...(this.opts.endpoint ? { endpoint: this.opts.endpoint } : {}),
                        ...(this.opts.credentials ? { credentials: this.opts.credentials } : {}),
                        maxAttempts: this.opts.maxAttempts ?? 5,
                        ...(this.opts.retryStrategy ? { retryStrategy: this.opts.retryStrategy } : { retryMode: "adaptive" }),
                        requestHandler: requestTimeouts(this.opts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS),
                    });
            this.clients.set(region, c);
        }
        return { client: c, Command: sdk.DescribeSpotPriceHistoryCommand };
    }
    async history(region, type) {
        const { client, Command } = await this.client(region);
        const latestByZone = new Map();
        let token;
        let pages = 0;
        const startTime = this.now();
        do {
            this.counts.requests++;
            const out = await client.send(new Command({
                // The SDK types instance types as a closed enum; newer types are valid on the wire all the same.
                InstanceTypes: [type],
                ProductDescriptions: [PRODUCT],
                StartTime: startTime,
                MaxResults: 1000,
                ...(token ? { NextToken: token } : {}),
            }));
            pages++;
            for (const row of out.SpotPriceHistory ?? []) {
                if (row.InstanceType !== type || row.ProductDescription !== PRODUCT || !row.AvailabilityZone)
                    continue;
                const price = Number(row.SpotPrice);
                if (!(price > 0) || !Number.isFinite(price))
                    throw new PriceLookupError("MalformedSpotPrice", `spot price ${JSON.stringify(row.SpotPrice)} for ${type} in ${row.AvailabilityZone} is not a positive number`);
                const at = row.Timestamp instanceof Date ? row.Timestamp.toISOString() : String(row.Timestamp ?? "");
                const prev = latestByZone.get(row.AvailabilityZone);
                if (!prev || at > prev.at)
                    latestByZone.set(row.AvailabilityZone, { price, at });
            }
            token = out.NextToken || undefined;
        } while (token && pages < MAX_PAGES);
        if (latestByZone.size === 0)
            throw new PriceLookupError("NoSpotPriceHistory", `EC2 reports no ${PRODUCT} spot price for ${type} in ${region}`);
        const prices = [...latestByZone.values()].map((z) => z.price).sort((a, b) => a - b);
        const mid = Math.floor(prices.length / 2);
        const median = prices.length % 2 ? prices[mid] : (prices[mid - 1] + prices[mid]) / 2;
        const latest = [...latestByZone.values()].map((z) => z.at).sort().at(-1);
        return { usdPerHour: median, zones: prices.length, min: prices[0], max: prices.at(-1), latest };
    }
}

export { SpotHistorySource };
