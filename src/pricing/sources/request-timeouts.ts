/**
 * Per-request timeout for the live sources. GetProducts and DescribeSpotPriceHistory answer in well under a
 * second; without a timeout a stalled connection hangs the run for good.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

/**
 * `requestHandler` options for an AWS SDK client: connection and request timeouts. `throwOnRequestTimeout`,
 * because without it the SDK's Node handler only logs a warning when a request overruns and keeps waiting.
 * A timed-out attempt is a TimeoutError, which the SDK retries like throttling.
 */
export function requestTimeouts(ms: number): { connectionTimeout: number; requestTimeout: number; throwOnRequestTimeout: true } {
  return { connectionTimeout: Math.min(ms, 5_000), requestTimeout: ms, throwOnRequestTimeout: true };
}
