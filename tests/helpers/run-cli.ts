import { runCli } from "../../src/cli.js";
import type { CliIO } from "../../src/cli/cli-io.js";

/** What a CliIO write carries, as text (JSON output arrives as UTF-8 byte chunks that each end between characters). */
export function chunkText(t: string | Uint8Array): string {
  return typeof t === "string" ? t : Buffer.from(t.buffer, t.byteOffset, t.byteLength).toString("utf8");
}

/** Run the CLI in-process and capture what it prints. */
export async function runCliCaptured(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = { stdout: (t) => void (stdout += chunkText(t)), stderr: (t) => void (stderr += t), isTTY: false, env, cwd: process.cwd() };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
