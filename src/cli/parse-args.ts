import { parseArgs, type ParseArgsConfig } from "node:util";
import { CostgateError } from "../errors.js";

/** node:util parseArgs with costgate's error style (no stack traces, exit 2 upstream). */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig["options"]>>(
  command: string,
  args: string[],
  options: T,
): ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CostgateError(`${(e as Error).message.replace(/\. To specify.*$/s, "")} (see \`costgate ${command} --help\`)`, `costgate ${command}`);
  }
}

/** Read a --format value and check it against the formats a command supports. */
export function formatOption<F extends string>(command: string, value: string | undefined, allowed: readonly F[], fallback: F): F {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value))
    throw new CostgateError(`unknown --format \`${value}\`; expected one of ${allowed.join(", ")}`, `costgate ${command}`);
  return value as F;
}
