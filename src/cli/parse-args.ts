import { parseArgs, type ParseArgsConfig } from "node:util";
import { CostgateError } from "../errors.js";
import { didYouMean } from "../suggest.js";

/** node:util parseArgs with costgate's error style (no stack traces, exit 2 upstream). */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig["options"]>>(
  command: string,
  args: string[],
  options: T,
): ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    const err = e as Error & { code?: string };
    const unknown = /^Unknown option '(-{1,2}[^']*)'/.exec(err.message);
    if (err.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && unknown) {
      const flags = Object.keys(options).map((o) => `--${o}`);
      throw new CostgateError(`unknown option \`${unknown[1]}\`${didYouMean(unknown[1]!, flags)}; see \`costgate ${command} --help\``, `costgate ${command}`);
    }
    const message = err.message.replace(/\. To specify.*$/s, "").replace(/^./, (c) => c.toLowerCase());
    throw new CostgateError(`${message}; see \`costgate ${command} --help\``, `costgate ${command}`);
  }
}

/** Read a --format value and check it against the formats a command supports. */
export function formatOption<F extends string>(command: string, value: string | undefined, allowed: readonly F[], fallback: F): F {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value))
    throw new CostgateError(`unknown --format \`${value}\`; expected one of ${allowed.join(", ")}`, `costgate ${command}`);
  return value as F;
}
