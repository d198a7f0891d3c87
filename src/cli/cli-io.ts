/** Where a command writes. Injected so tests can run commands in-process. */
export interface CliIO {
  /** Text, or UTF-8 bytes (JSON output is written as bytes, in chunks that each end between characters). */
  stdout(text: string | Uint8Array): void;
  stderr(text: string): void;
  /** Whether stdout/stderr is a terminal (progress lines only on a TTY). */
  isTTY: boolean;
  /** Width of stdout in columns when it is a terminal (terminal reports fit it; see report/terminal-width.ts). */
  columns?: number | undefined;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export type Command = (args: string[], io: CliIO) => Promise<number>;

/**
 * The process's streams. A reader that closes stdout early (`costgate diff … | head`) ends the output quietly:
 * the rest is dropped, the command still finishes with its own exit code, and no EPIPE stack trace is printed.
 */
export const processIO = (): CliIO => ({
  stdout: writeStdout,
  stderr: (t) => void process.stderr.write(t),
  isTTY: Boolean(process.stderr.isTTY),
  columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  env: process.env,
  cwd: process.cwd(),
});

/** Exit codes: 0 pass, 1 mandatory policy violation, 2 bad input or usage. */
export const EXIT = { ok: 0, violation: 1, badInput: 2 } as const;

let stdoutClosed = false;
let stdoutWatched = false;

function writeStdout(text: string | Uint8Array): void {
  if (!stdoutWatched) {
    stdoutWatched = true;
    process.stdout.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code !== "EPIPE") throw e;
      stdoutClosed = true;
    });
  }
  if (!stdoutClosed) process.stdout.write(text);
}
