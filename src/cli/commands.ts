import type { Command } from "./cli-io.js";
import { estimateCommand } from "./estimate-command.js";

/** Every CLI command. One file per command under src/cli/. */
export const COMMANDS: Record<string, Command> = {
  estimate: estimateCommand,
};

export const USAGE = `costgate — cost and policy gate for AI/GPU infrastructure on AWS

Usage:
  costgate estimate <path> [--usage f] [--format table|json] [--region r] [--prices snapshot|aws|auto]
  costgate --help | --version

<path> is a cdktf output directory (cdktf.out, with manifest.json), one stack's cdk.tf.json,
or a Terraform plan as JSON (terraform show -json plan.out > plan.json).

Exit codes: 0 ok, 1 mandatory policy violation, 2 bad input.
`;
