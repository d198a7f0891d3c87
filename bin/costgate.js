#!/usr/bin/env node
// Thin launcher: the CLI lives in lib/ (built by `npm run build`, and by `prepare` on npm ci and npm pack):
// lib/cli/cli.js is the bundled CLI (rollup.cli.config.mjs: a few files to load instead of ~170), lib/src/cli.js
// the same code unbundled (used when the bundle is missing).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
// Node 22.1+: reuse V8's compiled code between runs (kept in the OS temp directory; NODE_DISABLE_COMPILE_CACHE=1
// turns it off). Node 20 has no such cache and skips this.
const { enableCompileCache } = await import("node:module");
enableCompileCache?.();
let cli;
for (const entry of ["../lib/cli/cli.js", "../lib/src/cli.js"]) {
  try {
    cli = await import(entry);
    break;
  } catch (e) {
    if (e?.code !== "ERR_MODULE_NOT_FOUND" || !String(e.message).includes(entry.slice(3))) throw e;
  }
}
if (!cli) {
  process.stderr.write("costgate: error: the CLI is not built (lib/ is missing); run `npm run build` in the costgate checkout\n");
  process.exit(2);
}
process.exitCode = await cli.runCli(process.argv.slice(2));
