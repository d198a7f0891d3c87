import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const LAUNCHER = fileURLToPath(new URL("../../bin/costgate.js", import.meta.url));

it("without a built lib/ the launcher says how to build it: one line, exit 2, no stack trace", () => {
  const dir = mkdtempSync(join(tmpdir(), "costgate-bin-"));
  try {
    mkdirSync(join(dir, "bin"));
    copyFileSync(LAUNCHER, join(dir, "bin/costgate.js"));
    const r = spawnSync(process.execPath, [join(dir, "bin/costgate.js"), "--version"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("costgate: error: the CLI is not built (lib/ is missing); run `npm run build` in the costgate checkout\n");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
