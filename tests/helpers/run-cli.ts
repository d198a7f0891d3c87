import { runCli } from "../../src/cli.js";
import type { CliIO } from "../../src/cli/cli-io.js";

/** Run the CLI in-process and capture what it prints. */
export async function runCliCaptured(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false, env, cwd: process.cwd() };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
