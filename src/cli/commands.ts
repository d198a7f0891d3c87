import type { Command } from "./cli-io.js";
import { checkCommand } from "./check-command.js";
import { diffCommand } from "./diff-command.js";
import { estimateCommand } from "./estimate-command.js";
import { pricingCommand } from "./pricing-command.js";

/** Every CLI command. One file per command under src/cli/. */
export const COMMANDS: Record<string, Command> = {
  estimate: estimateCommand,
  diff: diffCommand,
  check: checkCommand,
  pricing: pricingCommand,
};

export const USAGE = `costgate — cost and policy gate for AI/GPU infrastructure on AWS

Usage:
  costgate estimate <path> [--usage f] [--format table|json|markdown|focus-csv] [--region r] [--prices snapshot|aws|auto]
  costgate diff <base> <head> [--usage f] [--format table|json|markdown] [--region r] [--prices ...]
  costgate check <plan> --policy f [--policy g] [--base <plan>] [--environment e] [--override RULE:approver:reason]
                 [--usage f] [--format table|json|markdown|sarif|focus-csv] [--region r] [--prices ...]
  costgate pricing refresh [--regions r1,r2] [--types t1,t2] [--out file]   (maintainers, AWS credentials)
  costgate --help | --version

<path> is a cdktf output directory (cdktf.out, with manifest.json), one stack's cdk.tf.json,
or a Terraform plan as JSON (terraform show -json plan.out > plan.json).

Exit codes: 0 ok, 1 mandatory policy violation, 2 bad input.
`;
