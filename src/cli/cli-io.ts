/** Where a command writes. Injected so tests can run commands in-process. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout/stderr is a terminal (progress lines only on a TTY). */
  isTTY: boolean;
  /** Width of stdout in columns when it is a terminal (terminal reports fit it; see report/terminal-width.ts). */
  columns?: number | undefined;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export type Command = (args: string[], io: CliIO) => Promise<number>;

export const processIO = (): CliIO => ({
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  isTTY: Boolean(process.stderr.isTTY),
  columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  env: process.env,
  cwd: process.cwd(),
});

/** Exit codes: 0 pass, 1 mandatory policy violation, 2 bad input or usage. */
export const EXIT = { ok: 0, violation: 1, badInput: 2 } as const;
