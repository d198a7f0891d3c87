#!/usr/bin/env node
// Thin launcher: the CLI lives in lib/ (built by `npm run build`, and by `prepare` on npm ci and npm pack).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
let cli;
try {
  cli = await import("../lib/src/cli.js");
} catch (e) {
  if (e?.code !== "ERR_MODULE_NOT_FOUND" || !String(e.message).includes("lib/src/cli.js")) throw e;
  process.stderr.write("costgate: error: the CLI is not built (lib/ is missing); run `npm run build` in the costgate checkout\n");
  process.exit(2);
}
process.exitCode = await cli.runCli(process.argv.slice(2));
