import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syntheticStack } from "../../bench/synthetic-plan.js";

const BIN = fileURLToPath(new URL("../../bin/costgate.js", import.meta.url));
let dir = "";

/** Run the CLI with stdout on a real pipe that the reader closes after the first chunk, as `| head -1` does. */
function runClosedEarly(args: string[]): Promise<{ code: number | null; signal: string | null; stderr: string; read: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"], env: { PATH: process.env.PATH, HOME: dir } });
    let stderr = "";
    let read = 0;
    child.stderr.on("data", (d) => (stderr += d));
    child.stdout.once("data", (d: Buffer) => {
      read = d.length;
      child.stdout.destroy(); // the reader goes away; the rest of the output meets a closed pipe
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stderr, read }));
  });
}

describe("a reader that closes stdout early (`costgate diff … | head`)", () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "costgate-epipe-"));
    writeFileSync(join(dir, "base.json"), JSON.stringify(syntheticStack(1500)));
    const head = syntheticStack(1500) as { resource: { aws_ebs_volume: Record<string, { size: number }> } };
    for (const v of Object.values(head.resource.aws_ebs_volume)) v.size += 10;
    writeFileSync(join(dir, "head.json"), JSON.stringify(head));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.runIf(existsSync(fileURLToPath(new URL("../../lib/src/cli.js", import.meta.url))))(
    "ends quietly: no EPIPE stack trace, the command's own exit code",
    async () => {
      for (const args of [
        ["diff", join(dir, "base.json"), join(dir, "head.json"), "--format", "json"],
        ["diff", join(dir, "base.json"), join(dir, "head.json"), "--wide"],
        ["estimate", join(dir, "head.json"), "--format", "json"],
      ]) {
        const r = await runClosedEarly(args);
        expect(r.read, args.join(" ")).toBeGreaterThan(0);
        expect(r.stderr, args.join(" ")).toBe("");
        expect(r.signal, args.join(" ")).toBeNull();
        expect(r.code, args.join(" ")).toBe(0);
      }
    },
    60_000,
  );
});
