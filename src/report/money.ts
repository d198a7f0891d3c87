/** Format USD for display. Amounts stay full precision everywhere else; this is the only place that rounds. */
export function usd(n: number): string {
  const abs = Math.abs(n);
  const digits = abs !== 0 && abs < 0.01 ? 4 : 2;
  const s = abs.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return `${n < 0 ? "-" : ""}$${s}`;
}

/** Signed USD delta: `+$1.00`, `-$2.50`, `$0.00`. */
export function usdDelta(n: number): string {
  if (n === 0) return "$0.00";
  return `${n > 0 ? "+" : ""}${usd(n)}`;
}

/** A quantity for display (up to 4 decimals, grouped). */
export function quantity(n: number | null): string {
  if (n === null) return "-";
  return n.toLocaleString("en-US", { maximumFractionDigits: 4 });
}

/** A unit price: enough decimals to show small storage prices. */
export function unitPrice(n: number | null): string {
  if (n === null) return "-";
  return `$${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 6 })}`;
}
