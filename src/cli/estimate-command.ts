import { renderEstimateJson } from "../report/estimate-json.js";
import { renderEstimateTable } from "../report/estimate-table.js";
import { renderFocusCsv } from "../report/focus-csv.js";
import { renderMarkdownReport } from "../report/markdown.js";
import { renderUnitEconomicsTable } from "../report/unit-economics-table.js";
import { renderScenarioTable } from "../report/scenario-table.js";
import { terminalWidth } from "../report/terminal-width.js";
import { EXIT, type Command } from "./cli-io.js";
import { formatOption, parseCommandArgs } from "./parse-args.js";
import { PLAN_OPTIONS, PLAN_OPTIONS_HELP, gateFromOptions } from "./price-plans.js";
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
  const { head: estimate } = await gateFromOptions({ head: positionals[0]! }, values, io);
  io.stdout(
    format === "json"
      ? renderEstimateJson(estimate)
      : format === "markdown"
        ? renderMarkdownReport({ estimate, alternatives: values.alternatives === true })
        : format === "focus-csv"
          ? renderFocusCsv(estimate)
          : renderEstimateTable(estimate, { width }) + renderUnitEconomicsTable(estimate, { alternatives: values.alternatives === true, width }) + renderScenarioTable(estimate, width),
  );
  return EXIT.ok;
};
