import type { Command } from "./cli-io.js";

/**
 * Every CLI command, loaded when it runs. One file per command under src/cli/: a run loads only its own
 * command's modules (`--version` and `--help` load none, `check` no Markdown renderer, no command the AWS SDK).
 */
export const COMMANDS: Record<string, () => Promise<Command>> = {
  estimate: async () => (await import("./estimate-command.js")).estimateCommand,
  diff: async () => (await import("./diff-command.js")).diffCommand,
  check: async () => (await import("./check-command.js")).checkCommand,
  pricing: async () => (await import("./pricing-command.js")).pricingCommand,
};

/** `costgate --help`: every command with its key options. Each command's `--help` lists all of them. */
export const USAGE = `costgate — cost and policy gate for AI/GPU infrastructure on AWS

Usage:
  costgate estimate <path>          price a plan
      --usage <file>  --format table|json|markdown|focus-csv  --region <r>  --allow-unknown-types
  costgate diff <base> <head>       what a change adds or removes per month
      --usage <file>  --format table|json|markdown  --region <r>
  costgate check <plan> --policy <file> [--policy <file>...]   evaluate policies (exit 1 blocks)
      --base <plan>  --environment <env>  --override RULE:approver:reason  --today YYYY-MM-DD
      --usage <file>  --format table|json|markdown|sarif|focus-csv
  costgate pricing refresh          refresh the embedded price snapshot (maintainers, AWS credentials)
      --regions r1,r2  --types t1,t2  --out <file>
  costgate --help | --version

Prices (estimate, diff, check): --prices snapshot|auto|aws (default snapshot: embedded, offline),
  --spot-discount <pct>, --cache-dir <dir>, --cache-ttl <hours>, --no-cache, --pricing-region <r>

<path> is a cdktf output directory (cdktf.out, with manifest.json), one stack's cdk.tf.json,
or a Terraform plan as JSON (terraform show -json plan.out > plan.json).
Run \`costgate <command> --help\` for every option of a command.

Exit codes: 0 ok, 1 mandatory policy violation, 2 bad input.
`;
