import { describeError } from "./price-fallback.js";

const THROTTLING = new Set(["ThrottlingException", "Throttling", "TooManyRequestsException", "RequestLimitExceeded", "RequestThrottled", "RequestThrottledException", "SlowDown"]);
const NETWORK = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "EPIPE"]);

/**
 * True for failures of the service as a whole, which the next request would meet too: throttling that outlasted
 * the SDK's retries, timeouts, no connection. Not for a bad answer about one price (malformed row, no rate) or a
 * 5xx, which may concern only some keys.
 */
export function isServiceFailure(e: unknown): boolean {
  const err = e as { name?: unknown; code?: unknown; $metadata?: { httpStatusCode?: unknown } } | undefined;
  if (!err || typeof err !== "object") return false;
  if (typeof err.name === "string" && (THROTTLING.has(err.name) || err.name === "TimeoutError")) return true;
  if (typeof err.code === "string" && NETWORK.has(err.code)) return true;
  return err.$metadata?.httpStatusCode === 429;
}

/** The answer for keys a live source did not ask about once its breaker opened. */
export class ServiceUnavailable extends Error {
  override readonly name = "ServiceUnavailable";
}

/**
 * Stops a live source from asking again once the service has failed as a whole (see `isServiceFailure`) for
 * `threshold` lookups. Each lookup already retries with backoff; during a throttling storm or an outage, asking
 * for every remaining key too would only make a run take minutes (the SDK's adaptive rate limiter slows to about
 * one request every two seconds) before the same fallback. Keys not asked fall back with a warning like any
 * other failure. One failure is not enough: a single key can be unlucky.
 */
export class CircuitBreaker {
  private cause: ServiceUnavailable | undefined;
  private failures = 0;

  constructor(private readonly threshold = 2) {}

  /** Why the breaker is open, or undefined while requests may be sent. */
  get open(): ServiceUnavailable | undefined {
    return this.cause;
  }

  /** Note a failed lookup of `what`; a service failure opens the breaker. */
  record(error: unknown, what: string): void {
    if (this.cause || !isServiceFailure(error) || ++this.failures < this.threshold) return;
    this.cause = new ServiceUnavailable(`not asked: ${describeError(error)} (on ${what}, after retries)`);
  }
}
