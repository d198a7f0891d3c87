import { isCostgateError, oneLine } from "./errors.js";
import { EXIT, processIO, type CliIO, type Command } from "./cli/cli-io.js";
import { COMMANDS, USAGE } from "./cli/commands.js";

/** Run the CLI. Returns the exit code; never throws (bad input → one line on stderr, exit 2). */
export async function runCli(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout(USAGE);
    return name ? EXIT.ok : EXIT.badInput;
  }
  if (name === "--version" || name === "-v") {
    io.stdout(`${await version()}\n`);
    return EXIT.ok;
  }
  const command: Command | undefined = COMMANDS[name];
  if (!command) {
    io.stderr(`costgate: unknown command \`${name}\`\n\n${USAGE}`);
    return EXIT.badInput;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    if (isCostgateError(e)) {
      io.stderr(`costgate: error: ${e.message}\n`);
      return EXIT.badInput;
    }
    // An unexpected failure is a bug; still one line, with a hint for a report.
    io.stderr(`costgate: internal error: ${oneLine(String((e as Error)?.message ?? e), 2000)} (set COSTGATE_DEBUG=1 for a stack trace)\n`);
    if (io.env.COSTGATE_DEBUG) io.stderr(`${(e as Error)?.stack ?? ""}\n`);
    return EXIT.badInput;
  }
}

async function version(): Promise<string> {
  const { readFileSync } = await import("node:fs");
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}
