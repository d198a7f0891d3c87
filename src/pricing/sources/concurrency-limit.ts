/**
 * Map over items with at most `limit` calls in flight (the Price List API's token bucket is 10, refilled at
 * 5 per second, so a handful of parallel lookups is as fast as it gets without being throttled). Results keep
 * the input order. `fn` should not throw; if it does, the first error rejects the whole map.
 */
export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  };
  const n = Math.max(1, Math.min(Math.floor(limit) || 1, items.length));
  await Promise.all(Array.from({ length: n }, worker));
  return results;
}
