// One formatter each, made once, on first use: `toLocaleString` with options builds a new Intl.NumberFormat per
// call, which made rendering a 10,000-resource diff take a second; made at module load, they cost every run
// (`--version`, JSON output) ICU set-up it does not need.
let cents: Intl.NumberFormat | undefined;
let subCent: Intl.NumberFormat | undefined;
let quantities: Intl.NumberFormat | undefined;
let unitPrices: Intl.NumberFormat | undefined;
let wholeDollars: Intl.NumberFormat | undefined;
const CENTS = () => (cents ??= new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
const SUB_CENT = () => (subCent ??= new Intl.NumberFormat("en-US", { minimumFractionDigits: 4, maximumFractionDigits: 4 }));
const QUANTITY = () => (quantities ??= new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 }));
const UNIT_PRICE = () => (unitPrices ??= new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 6 }));
const WHOLE_DOLLARS = () => (wholeDollars ??= new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 }));

/** Format USD for display. Amounts stay full precision everywhere else; this is the only place that rounds. */
export function usd(n: number): string {
  const abs = Math.abs(n);
  const s = (abs !== 0 && abs < 0.01 ? SUB_CENT() : CENTS()).format(abs);
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
  return QUANTITY().format(n);
}

/** A unit price: enough decimals to show small storage prices. */
export function unitPrice(n: number | null): string {
  if (n === null) return "-";
  return `$${UNIT_PRICE().format(n)}`;
}

/**
 * A whole number of dollars with en-US grouping (`1,234,567`), as WHOLE_DOLLARS formats it, without creating an
 * Intl.NumberFormat (ICU set-up cost ~10 ms) for the plain integers messages show.
 */
function groupedWholeDollars(n: number): string {
  if (!Number.isSafeInteger(n)) return WHOLE_DOLLARS().format(n);
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Money in messages (policy findings, synth-time summaries): $1,234 above $1,000, else $12.34. */
export function usdBrief(n: number): string {
  const abs = Math.abs(n);
  const s = abs >= 1000 ? groupedWholeDollars(Math.round(abs)) : abs.toFixed(2);
  return `${n < 0 ? "-" : ""}$${s}`;
}
