/** Width used when output is neither a terminal nor sized by `COLUMNS` (a CI log, a file). */
export const DEFAULT_TERMINAL_WIDTH = 100;
/** Narrowest width the terminal renderers lay out for; below it lines may still be longer. */
export const MIN_TERMINAL_WIDTH = 40;

export interface TerminalWidthInput {
  /** `process.stdout.columns` when stdout is a terminal. */
  columns?: number | undefined;
  /** Environment; `COLUMNS` is read when there is no terminal. */
  env?: Record<string, string | undefined>;
  /** `--wide`: no width limit (Infinity). */
  wide?: boolean | undefined;
}

/**
 * How many columns terminal output may use: unlimited with `--wide`, else the terminal's width, else a
 * positive `COLUMNS`, else 100. Never below 40.
 */
export function terminalWidth(input: TerminalWidthInput): number {
  if (input.wide) return Infinity;
  const fromEnv = Number.parseInt(input.env?.COLUMNS ?? "", 10);
  const w = input.columns && input.columns > 0 ? input.columns : Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_TERMINAL_WIDTH;
  return Math.max(MIN_TERMINAL_WIDTH, w);
}
