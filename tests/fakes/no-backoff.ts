import { ConfiguredRetryStrategy } from "@smithy/core/retry";

/**
 * The SDK's standard retry strategy (same retryable errors, same attempts, same retry quota) with a zero backoff
 * delay, for the live sources' `retryStrategy` option: tests exercise every retry without waiting for it.
 * (`@smithy/core` is the AWS SDK's own runtime, installed with the clients.)
 */
export function noBackoff(maxAttempts: number): ConfiguredRetryStrategy {
  return new ConfiguredRetryStrategy(maxAttempts, 0);
}
