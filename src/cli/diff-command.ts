import { CostgateError } from "../errors.js";
import { terminalWidth } from "../report/terminal-width.js";
import { EXIT, type Command } from "./cli-io.js";
import { PLAN_OPTIONS, PLAN_OPTIONS_HELP, gateFromOptions, todayOption } from "./price-plans.js";
import { formatOption, parseCommandArgs } from "./parse-args.js";

export const DIFF_FORMATS = ["table", "json", "markdown"] as const;

export const DIFF_HELP = `Usage: costgate diff <base> <head> [options]

Price two plans (e.g. the base and head of a pull request) with the same prices and show the monthly
change per stack and per resource, largest change first.

Options:
  --usage <file>          usage file (YAML) for usage-based components (applies to both)
  --format table|json|markdown   output format (default table); json is costgate.diff/v2
${PLAN_OPTIONS_HELP}`;

export const diffCommand: Command = async (args, io) => {
  const { values, positionals } = parseCommandArgs("diff", args, PLAN_OPTIONS);
  if (values.help) {
    io.stdout(DIFF_HELP);
    return EXIT.ok;
  }
  const format = formatOption("diff", values.format, DIFF_FORMATS, "table");
  if (positionals.length !== 2) throw new CostgateError("expected <base> and <head> (see `costgate diff --help`)", "costgate diff");
  todayOption(values.today, "diff");
  const { head, base, diff } = await gateFromOptions({ base: positionals[0]!, head: positionals[1]! }, values, io);
  // Each format loads its own renderer.
  if (format === "json") (await import("../report/diff-json.js")).writeDiffJson(diff!, io.stdout);
  else if (format === "markdown") io.stdout((await import("../report/markdown.js")).renderMarkdownReport({ estimate: head, diff: diff! }));
  else {
    const { renderDiffText } = await import("../report/diff-text.js");
    io.stdout(renderDiffText(diff!, { width: terminalWidth({ columns: io.columns, env: io.env, wide: values.wide }), wide: values.wide ?? false, estimates: { head, ...(base ? { base } : {}) } }));
  }
  return EXIT.ok;
};
