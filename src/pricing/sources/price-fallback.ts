import { redactSecrets } from "../../redact-secrets.js";
import { priceKeyId, type PriceKey } from "../price-key.js";
import type { PriceQuote, PriceSource } from "../price-quote.js";

/** A key a live source could not answer, and why. */
export interface FailedLookup {
  key: PriceKey;
  error: unknown;
}

/** `<name>: <message>` on one line, for warnings. Works for SDK errors, PriceLookupError and anything thrown. */
export function describeError(e: unknown): string {
  const name = (e as { name?: unknown })?.name;
  const message = (e as { message?: unknown })?.message;
  const err = e as { $metadata?: { httpStatusCode?: unknown }; $response?: { statusCode?: unknown } };
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
export async function quoteFailuresFromFallback(
  failures: FailedLookup[],
  fallback: PriceSource,
  fallbackName: string,
): Promise<{ quotes: Map<string, PriceQuote>; warnings: string[] }> {
  const quotes = new Map<string, PriceQuote>();
  const warnings: string[] = [];
  if (failures.length === 0) return { quotes, warnings };
  const answers = await fallback.quote(failures.map((f) => f.key));
  for (const f of failures) {
    const id = priceKeyId(f.key);
    const why = describeError(f.error);
    warnings.push(`price ${id} from ${fallbackName}: ${why}`);
    const q = answers.get(id) ?? { priced: false as const, reason: `no ${fallbackName} price` };
    quotes.set(
      id,
      q.priced
        ? { ...q, origin: { ...q.origin, note: [q.origin.note, `live price unavailable (${why})`].filter(Boolean).join("; ") } }
        : { priced: false, reason: `live price unavailable (${why}); ${q.reason}` },
    );
  }
  return { quotes, warnings };
}

function clipMessage(m: string): string {
  return m.length > 300 ? `${m.slice(0, 300)}…` : m;
}
