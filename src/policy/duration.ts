const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** Seconds in a policy duration such as `90m`, `72h` or `3d` (the schema guarantees the shape). */
export function durationSeconds(d: string): number {
  const m = /^([1-9][0-9]*)(s|m|h|d)$/.exec(d);
  if (!m) throw new Error(`not a duration: ${d}`);
  return Number(m[1]) * UNIT_SECONDS[m[2]!]!;
}

/** Seconds as a short human duration: `72h`, `90m`, `3d 4h`. */
export function formatSeconds(s: number): string {
  if (s % 86400 === 0) return `${s / 86400}d`;
  if (s % 3600 === 0) return `${s / 3600}h`;
  if (s % 60 === 0) return `${s / 60}m`;
  return `${s}s`;
}
