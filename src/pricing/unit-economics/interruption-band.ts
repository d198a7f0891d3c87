/**
 * A Spot Instance Advisor "frequency of interruption" band (`<5%`, `5-10%`, `10-15%`, `15-20%`, `>20%`: the share
 * of instances of that type and region reclaimed in the trailing month) as fractions per instance-month; high null
 * for `>20%`. Undefined when the text is not a band.
 */
export function parseInterruptionBand(band: string): { low: number; high: number | null } | undefined {
  const s = band.replace(/\s/g, "");
  let m = /^<(\d+(?:\.\d+)?)%$/.exec(s);
  if (m) return { low: 0, high: Number(m[1]) / 100 };
  m = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)%$/.exec(s);
  if (m) return { low: Number(m[1]) / 100, high: Number(m[2]) / 100 };
  m = /^>(\d+(?:\.\d+)?)%$/.exec(s);
  if (m) return { low: Number(m[1]) / 100, high: null };
  return undefined;
}
