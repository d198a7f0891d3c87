import { loadPlan } from "../plan/load-plan.js";
import { estimatePlan } from "../pricing/estimate-plans.js";
import { EMPTY_USAGE, loadUsageFile } from "../pricing/usage.js";
import { renderEstimateJson } from "../report/estimate-json.js";
import { renderEstimateTable } from "../report/estimate-table.js";
import { renderFocusCsv } from "../report/focus-csv.js";
import { renderMarkdownReport } from "../report/markdown.js";
import { EXIT, type Command } from "./cli-io.js";
import { formatOption, parseCommandArgs } from "./parse-args.js";
import { PRICE_OPTIONS, PRICE_OPTIONS_HELP, resolvePriceSources } from "./price-options.js";
import { CostgateError } from "../errors.js";

export const ESTIMATE_FORMATS = ["table", "json", "markdown", "focus-csv"] as const;

/** Shared by commands that load and price plans. */
export const PLAN_OPTIONS = {
  usage: { type: "string" },
  region: { type: "string" },
  "allow-unknown-types": { type: "boolean" },
  format: { type: "string" },
  help: { type: "boolean", short: "h" },
  ...PRICE_OPTIONS,
} as const;

export const ESTIMATE_HELP = `Usage: costgate estimate <path> [options]

Price a cdktf output directory, a cdk.tf.json, or terraform show -json plan output.

Options:
  --usage <file>          usage file (YAML) for usage-based components
  --format table|json|markdown|focus-csv   output format (default table)
  --region <region>       region for providers without a literal region (default us-east-1)
  --allow-unknown-types   list unknown instance types as unpriced instead of failing
${PRICE_OPTIONS_HELP}`;

export const estimateCommand: Command = async (args, io) => {
  const { values, positionals } = parseCommandArgs("estimate", args, PLAN_OPTIONS);
  if (values.help) {
    io.stdout(ESTIMATE_HELP);
    return EXIT.ok;
  }
  const format = formatOption("estimate", values.format, ESTIMATE_FORMATS, "table");
  if (positionals.length !== 1) throw new CostgateError("expected exactly one <path> (see `costgate estimate --help`)", "costgate estimate");
  const usage = values.usage ? loadUsageFile(values.usage) : EMPTY_USAGE;
  const plan = loadPlan(positionals[0]!, { ...(values.region ? { defaultRegion: values.region } : {}) });
  const sources = await resolvePriceSources(values, io);
  const estimate = await estimatePlan(plan, { usage, prices: sources.prices, spot: sources.spot, allowUnknownInstanceTypes: values["allow-unknown-types"] ?? false });
  io.stdout(
    format === "json"
      ? renderEstimateJson(estimate)
      : format === "markdown"
        ? renderMarkdownReport({ estimate })
        : format === "focus-csv"
          ? renderFocusCsv(estimate)
          : renderEstimateTable(estimate),
  );
  return EXIT.ok;
};
