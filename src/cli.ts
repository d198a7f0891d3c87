import { isCostgateError, oneLine } from "./errors.js";
import { EXIT, processIO, type CliIO } from "./cli/cli-io.js";
import { COMMANDS, USAGE } from "./cli/commands.js";
import { didYouMean } from "./suggest.js";

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
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    io.stderr(`costgate: error: unknown command \`${name}\`${didYouMean(name, Object.keys(COMMANDS))}; see \`costgate --help\`\n`);
    return EXIT.badInput;
  }
  try {
    return await (await load())(rest, io);
  } catch (e) {
    if (isCostgateError(e)) {
      // Errors about the command line name the command ("costgate check: error: …"); others name the file.
      const byCommand = e.file === "costgate" || e.file.startsWith("costgate ");
      io.stderr(byCommand ? `${e.file}: error: ${e.at ? `${e.at}: ` : ""}${e.detail}\n` : `costgate: error: ${e.message}\n`);
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
