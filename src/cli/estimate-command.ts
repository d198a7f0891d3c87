import { terminalWidth } from "../report/terminal-width.js";
import { EXIT, type Command } from "./cli-io.js";
import { formatOption, parseCommandArgs } from "./parse-args.js";
import { PLAN_OPTIONS, PLAN_OPTIONS_HELP, gateFromOptions, todayOption } from "./price-plans.js";
import { CostgateError } from "../errors.js";

export const ESTIMATE_FORMATS = ["table", "json", "markdown", "focus-csv"] as const;


export const ESTIMATE_HELP = `Usage: costgate estimate <path> [options]

Price a cdktf output directory, a cdk.tf.json, or terraform show -json plan output.

Options:
  --usage <file>          usage file (YAML) for usage-based components
  --format table|json|markdown|focus-csv   output format (default table)
  --alternatives          list cheaper equivalents of GPU resources (table and markdown; always in json)
${PLAN_OPTIONS_HELP}`;

/** The plan options plus `--alternatives` (unit economics: cheaper equivalents). */
const ESTIMATE_OPTIONS = { ...PLAN_OPTIONS, alternatives: { type: "boolean" } } as const;

export const estimateCommand: Command = async (args, io) => {
  const { values, positionals } = parseCommandArgs("estimate", args, ESTIMATE_OPTIONS);
  if (values.help) {
    io.stdout(ESTIMATE_HELP);
    return EXIT.ok;
  }
  const format = formatOption("estimate", values.format, ESTIMATE_FORMATS, "table");
  if (positionals.length !== 1) throw new CostgateError("expected exactly one <path> (see `costgate estimate --help`)", "costgate estimate");
  const width = terminalWidth({ columns: io.columns, env: io.env, wide: values.wide });
  todayOption(values.today, "estimate");
  const { head: estimate } = await gateFromOptions({ head: positionals[0]! }, values, io);
  // Each format loads its own renderer.
  if (format === "json") (await import("../report/estimate-json.js")).writeEstimateJson(estimate, io.stdout);
  else if (format === "markdown") io.stdout((await import("../report/markdown.js")).renderMarkdownReport({ estimate, alternatives: values.alternatives === true }));
  else if (format === "focus-csv") io.stdout((await import("../report/focus-csv.js")).renderFocusCsv(estimate));
  else {
    const [{ renderEstimateTable }, { renderUnitEconomicsTable }, { renderScenarioTable }] = await Promise.all([
      import("../report/estimate-table.js"),
      import("../report/unit-economics-table.js"),
      import("../report/scenario-table.js"),
    ]);
    io.stdout(renderEstimateTable(estimate, { width }) + renderUnitEconomicsTable(estimate, { alternatives: values.alternatives === true, width }) + renderScenarioTable(estimate, width));
  }
  return EXIT.ok;
};
