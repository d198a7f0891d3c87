import { CostgateError } from "../errors.js";
import { loadPolicyFiles } from "../policy/load-policy.js";
import { parseOverrideFlag } from "../policy/override-flag.js";
import { writeJson } from "../report/json-stream.js";
import { terminalWidth } from "../report/terminal-width.js";
import { EXIT, type Command } from "./cli-io.js";
import { PLAN_OPTIONS, PLAN_OPTIONS_HELP, gateFromOptions, todayOption } from "./price-plans.js";
import { formatOption, parseCommandArgs } from "./parse-args.js";

export const CHECK_FORMATS = ["table", "json", "markdown", "sarif", "focus-csv"] as const;

export const CHECK_OPTIONS = {
  ...PLAN_OPTIONS,
  policy: { type: "string", multiple: true },
  base: { type: "string" },
  environment: { type: "string" },
  override: { type: "string", multiple: true },
} as const;

export const CHECK_HELP = `Usage: costgate check <plan> --policy <file> [--policy <file>...] [options]

Price a plan and evaluate policies over it. Exit 0 when it passes (or has advisory findings only),
1 when a soft- or hard-mandatory finding remains, 2 on bad input (including an invalid policy file).

Options:
  --policy <file>         policy file (repeatable; central and project files compose)
  --base <plan>           the plan to compare with (cost-delta rules need it; budgets use it)
  --environment <env>     environment of resources without an environment tag (else the policy's
                          unresolvedEnvironment, default prod)
  --override RULE:approver:reason   approve a soft-mandatory finding (repeatable; RULE may be *)
  --today YYYY-MM-DD      also evaluate exemption expiry and enforceFrom as of this date
  --usage <file>          usage file (YAML) for usage-based components
  --format table|json|markdown|sarif|focus-csv   output format (default table); json is
                          costgate.verdict/v1, sarif is SARIF 2.1.0, focus-csv prices the plan
${PLAN_OPTIONS_HELP}`;

export const checkCommand: Command = async (args, io) => {
  const { values, positionals } = parseCommandArgs("check", args, CHECK_OPTIONS);
  if (values.help) {
    io.stdout(CHECK_HELP);
    return EXIT.ok;
  }
  const format = formatOption("check", values.format, CHECK_FORMATS, "table");
  if (positionals.length !== 1) throw new CostgateError("expected exactly one <plan> (see `costgate check --help`)", "costgate check");
  const policyFiles = [...new Set(values.policy ?? [])];
  if (policyFiles.length === 0) throw new CostgateError("no policy given; pass --policy <file> (e.g. --policy policies/default.yaml)", "costgate check");
  const today = todayOption(values.today, "check");
  if (values.environment !== undefined && !/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(values.environment))
    throw new CostgateError(`bad --environment \`${values.environment}\`; expected a name such as dev or prod`, "costgate check");
  // Policies first: a broken policy is reported before any pricing work.
  const policies = loadPolicyFiles(policyFiles);
  const overrides = (values.override ?? []).map(parseOverrideFlag);
  const outcome = await gateFromOptions({ head: positionals[0]!, ...(values.base !== undefined ? { base: values.base } : {}) }, values, io, {
    policies,
    evaluation: { overrides, ...(today ? { today } : {}), ...(values.environment ? { environment: values.environment } : {}) },
  });
  const { head, base, diff } = outcome;
  const verdict = outcome.verdict!;
  // Each format loads its own renderer; JSON is written in chunks (any size).
  if (format === "json") writeJson(verdict, io.stdout);
  else if (format === "markdown") io.stdout((await import("../report/markdown.js")).renderMarkdownReport({ estimate: head, ...(diff ? { diff } : {}), verdict }));
  else if (format === "sarif") {
    const [{ renderSarif }, { resourceLocator }] = await Promise.all([import("../report/sarif.js"), import("../report/source-locations.js")]);
    writeJson(renderSarif(verdict, head, { locate: resourceLocator(head, { root: io.cwd }) }), io.stdout);
  } else if (format === "focus-csv") io.stdout((await import("../report/focus-csv.js")).renderFocusCsv(head));
  else {
    const { renderVerdictText } = await import("../report/verdict-text.js");
    io.stdout(renderVerdictText(verdict, { head: head, ...(base ? { base } : {}) }, { width: terminalWidth({ columns: io.columns, env: io.env, wide: values.wide }) }));
  }
  return verdict.status === "fail" ? EXIT.violation : EXIT.ok;
};
