import { p as priceKeyId } from './index.js';

/**
 * Redaction of credential-shaped text in messages that reach warnings, logs and reports (error bodies from a
 * price endpoint or a proxy are copied from the network and may echo request headers or tokens).
 */
const REDACTED = "[redacted]";
const PATTERNS = [
    // AWS access key ids (AKIA… long-term, ASIA… temporary, and the other documented prefixes).
    /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z0-9]{12,}\b/g,
    // GitHub tokens (ghp_, gho_, ghu_, ghs_, ghr_, github_pat_).
    /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/g,
    // Authorization headers and bearer / basic credentials.
    /\b(?:Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi,
    // AWS SigV4 signature parts and session tokens in headers or query strings.
    /\b(Signature|Credential|X-Amz-Signature|X-Amz-Credential|X-Amz-Security-Token|x-amz-security-token)([=:]\s*)[^\s,;&"']+/g,
    // key=value / "key": "value" pairs whose key names a secret.
    /\b([A-Za-z0-9_-]*(?:secret|password|passwd|token|api[_-]?key|access[_-]?key|session[_-]?key|credential|authorization)[A-Za-z0-9_-]*)("?\s*[:=]\s*"?)[^\s,;&"'}]+/gi,
    // JSON Web Tokens.
    /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b/g,
];
/** Long opaque strings (40+ base64 characters mixing cases and digits, as AWS secret keys and session tokens are). */
const OPAQUE = /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{40,}={0,2}(?![A-Za-z0-9+/=])/g;
/** `text` with every credential-shaped part replaced by `[redacted]` (key names are kept: `token=[redacted]`). */
function redactSecrets(text) {
    let out = text;
    for (const re of PATTERNS) {
        out = out.replace(re, (match, name, sep) => typeof name === "string" && typeof sep === "string" && match.startsWith(name) ? `${name}${sep}${REDACTED}` : REDACTED);
    }
    return out.replace(OPAQUE, (m) => (/[A-Z]/.test(m) && /[a-z]/.test(m) && /[0-9]/.test(m) ? REDACTED : m));
}

/** `<name>: <message>` on one line, for warnings. Works for SDK errors, PriceLookupError and anything thrown. */
function describeError(e) {
    const name = e?.name;
    const message = e?.message;
    const err = e;
    const status = err?.$metadata?.httpStatusCode ?? err?.$response?.statusCode;
    const n = typeof name === "string" && name ? name : "Error";
    let m = typeof message === "string" && message.trim() ? message.trim() : String(e);
    m = m.replace(/\s*Deserialization error: to see the raw response.*$/s, "").replace(/\s+/g, " ");
    // The message may carry an error body from the network (a proxy page, an echoed request): no credentials, and short.
    m = clipMessage(redactSecrets(m));
    // An unmodelled answer (a proxy's HTML 502, an empty 500) says little more than its HTTP status.
    const http = typeof status === "number" && (n === "Unknown" || n === "SyntaxError") ? ` (HTTP ${status})` : "";
    return `${n}: ${m}${http}`;
}
/**
 * Answer failed keys from the fallback source (the embedded snapshot), each with a warning naming the key and the
 * error — never a silent $0. A key the fallback cannot price either stays unpriced, with both reasons.
 */
async function quoteFailuresFromFallback(failures, fallback, fallbackName) {
    const quotes = new Map();
    const warnings = [];
    if (failures.length === 0)
        return { quotes, warnings };
    const answers = await fallback.quote(failures.map((f) => f.key));
    for (const f of failures) {
        const id = priceKeyId(f.key);
        const why = describeError(f.error);
        warnings.push(`price ${id} from ${fallbackName}: ${why}`);
        const q = answers.get(id) ?? { priced: false, reason: `no ${fallbackName} price` };
        quotes.set(id, q.priced
            ? { ...q, origin: { ...q.origin, note: [q.origin.note, `live price unavailable (${why})`].filter(Boolean).join("; ") } }
            : { priced: false, reason: `live price unavailable (${why}); ${q.reason}` });
    }
    return { quotes, warnings };
}
function clipMessage(m) {
    return m.length > 300 ? `${m.slice(0, 300)}…` : m;
}

const THROTTLING = new Set(["ThrottlingException", "Throttling", "TooManyRequestsException", "RequestLimitExceeded", "RequestThrottled", "RequestThrottledException", "SlowDown"]);
const NETWORK = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "EPIPE"]);
/**
 * True for failures of the service as a whole, which the next request would meet too: throttling that outlasted
 * the SDK's retries, timeouts, no connection. Not for a bad answer about one price (malformed row, no rate) or a
 * 5xx, which may concern only some keys.
 */
function isServiceFailure(e) {
    const err = e;
    if (!err || typeof err !== "object")
        return false;
    if (typeof err.name === "string" && (THROTTLING.has(err.name) || err.name === "TimeoutError"))
        return true;
    if (typeof err.code === "string" && NETWORK.has(err.code))
        return true;
    return err.$metadata?.httpStatusCode === 429;
}
/** The answer for keys a live source did not ask about once its breaker opened. */
class ServiceUnavailable extends Error {
    name = "ServiceUnavailable";
}
/**
 * Stops a live source from asking again once the service has failed as a whole (see `isServiceFailure`) for
 * `threshold` lookups. Each lookup already retries with backoff; during a throttling storm or an outage, asking
 * for every remaining key too would only make a run take minutes (the SDK's adaptive rate limiter slows to about
 * one request every two seconds) before the same fallback. Keys not asked fall back with a warning like any
 * other failure. One failure is not enough: a single key can be unlucky.
 */
class CircuitBreaker {
    threshold;
    cause;
    failures = 0;
    constructor(threshold = 2) {
        this.threshold = threshold;
    }
    /** Why the breaker is open, or undefined while requests may be sent. */
    get open() {
        return this.cause;
    }
    /** Note a failed lookup of `what`; a service failure opens the breaker. */
    record(error, what) {
        if (this.cause || !isServiceFailure(error) || ++this.failures < this.threshold)
            return;
        this.cause = new ServiceUnavailable(`not asked: ${describeError(error)} (on ${what}, after retries)`);
    }
}

/**
 * Reading AWS Price List `GetProducts` items. Each `PriceList` item is one product document serialised as JSON;
 * the SDK hands it back as a boxed `String` (typeof "object"), so it is always read with `JSON.parse(String(item))`.
 */
/** A lookup that failed for a reason worth naming in a warning (`<name>: <message>`). */
class PriceLookupError extends Error {
    name;
    constructor(name, message) {
        super(message);
        this.name = name;
    }
}
/** Parse one `PriceList` item (string or boxed String). Throws `MalformedPriceList` when it is not a product document. */
function parsePriceListItem(item) {
    let doc;
    try {
        doc = JSON.parse(String(item));
    }
    catch {
        throw malformed(`a PriceList item is not JSON (${preview(String(item))})`);
    }
    if (!isObject(doc) || !isObject(doc.product))
        throw malformed(`a PriceList item has no \`product\` object (${preview(String(item))})`);
    const product = doc.product;
    const sku = typeof product.sku === "string" ? product.sku : "";
    const where = sku ? `product ${sku}` : "a product";
    const rawAttributes = product.attributes;
    if (!isObject(rawAttributes))
        throw malformed(`${where} has no \`attributes\` object`);
    const attributes = {};
    for (const [k, v] of Object.entries(rawAttributes))
        if (typeof v === "string")
            attributes[k] = v;
    const onDemand = [];
    const terms = doc.terms;
    if (terms !== undefined && !isObject(terms))
        throw malformed(`${where} has a \`terms\` value that is not an object`);
    const od = terms?.OnDemand;
    if (od !== undefined) {
        if (!isObject(od))
            throw malformed(`${where} has \`terms.OnDemand\` that is not an object`);
        for (const [termCode, term] of Object.entries(od)) {
            if (!isObject(term) || !isObject(term.priceDimensions))
                throw malformed(`${where} term ${termCode} has no \`priceDimensions\` object`);
            for (const [dimCode, dim] of Object.entries(term.priceDimensions)) {
                if (!isObject(dim) || typeof dim.unit !== "string" || !isObject(dim.pricePerUnit))
                    throw malformed(`${where} dimension ${dimCode} lacks \`unit\` or \`pricePerUnit\``);
                const rawUsd = dim.pricePerUnit.USD;
                if (rawUsd === undefined)
                    continue; // priced in another currency only (e.g. CNY in China regions)
                const usd = typeof rawUsd === "string" && /^\s*\d+(\.\d+)?([eE][-+]?\d+)?\s*$/.test(rawUsd) ? Number(rawUsd) : NaN;
                if (!Number.isFinite(usd))
                    throw malformed(`${where} dimension ${dimCode} has a USD price that is not a number (${JSON.stringify(rawUsd)})`);
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
/**
 * Pick the one On-Demand rate the products give. $0 dimensions are dropped (capacity-block and reservation
 * rows); a tiered product contributes its first non-zero tier. No rate, or more than one distinct rate, is an
 * error: the caller falls back loudly rather than guessing.
 */
function selectRate(products, rule) {
    const rates = new Map();
    let accepted = 0;
    for (const p of products) {
        if (rule.accept && !rule.accept(p))
            continue;
        accepted++;
        const dims = p.onDemand.filter((d) => d.usd > 0 && rule.units[d.unit] !== undefined);
        if (dims.length === 0)
            continue;
        const firstTier = Math.min(...dims.map((d) => d.beginRange));
        for (const d of dims.filter((x) => x.beginRange === firstTier)) {
            const conv = rule.units[d.unit];
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
        throw new PriceLookupError("NoMatchingPrice", `the Price List has no non-zero On-Demand ${units} rate for ${rule.what} (${products.length} product(s) returned, ${accepted} matched)`);
    }
    if (rates.size > 1) {
        const list = [...rates.values()].map((r) => `$${r.usdPerUnit}/${r.unit} (${r.skus.join(", ")})`).join(", ");
        throw new PriceLookupError("AmbiguousPrice", `${rates.size} different On-Demand rates for ${rule.what}: ${list}`);
    }
    return [...rates.values()][0];
}
/**
 * A price AWS bills as the sum of several products (EKS extended support = cluster-hour + extended-support
 * usage type): one rate per addend (`parts`, each narrowing `rule.accept`), all in the same unit, added. Any addend
 * without exactly one rate fails the whole price (NoMatchingPrice / AmbiguousPrice), never a partial sum.
 */
function sumRates(products, rule, parts) {
    const rates = parts.map((part, i) => selectRate(products, { ...rule, what: `${rule.what} (addend ${i + 1} of ${parts.length})`, accept: (p) => (rule.accept ? rule.accept(p) : true) && part(p) }));
    const units = new Set(rates.map((r) => r.unit));
    if (units.size !== 1)
        throw new PriceLookupError("AmbiguousPrice", `the addends of ${rule.what} are in different units (${[...units].join(", ")})`);
    const publicationDate = rates.map((r) => r.publicationDate).reduce(latest, undefined);
    return {
        // Rounded to 12 significant digits, like unit conversions, so 0.1 + 0.5 reads 0.6.
        usdPerUnit: Number(rates.reduce((a, r) => a + r.usdPerUnit, 0).toPrecision(12)),
        unit: rates[0].unit,
        ...(publicationDate ? { publicationDate } : {}),
        skus: rates.flatMap((r) => r.skus),
    };
}
function latest(a, b) {
    if (!a)
        return b;
    if (!b)
        return a;
    return a >= b ? a : b;
}
function malformed(message) {
    return new PriceLookupError("MalformedPriceList", message);
}
function preview(s) {
    return JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);
}
function isObject(v) {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Per-request timeout for the live sources. GetProducts and DescribeSpotPriceHistory answer in well under a
 * second; without a timeout a stalled connection hangs the run for good.
 */
const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
/**
 * `requestHandler` options for an AWS SDK client: connection and request timeouts. `throwOnRequestTimeout`,
 * because without it the SDK's Node handler only logs a warning when a request overruns and keeps waiting.
 * A timed-out attempt is a TimeoutError, which the SDK retries like throttling.
 */
function requestTimeouts(ms) {
    return { connectionTimeout: Math.min(ms, 5_000), requestTimeout: ms, throwOnRequestTimeout: true };
}

export { CircuitBreaker as C, DEFAULT_REQUEST_TIMEOUT_MS as D, PriceLookupError as P, selectRate as a, describeError as d, parsePriceListItem as p, quoteFailuresFromFallback as q, requestTimeouts as r, sumRates as s };
