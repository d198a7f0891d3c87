#!/usr/bin/env node
// Thin launcher: the CLI lives in lib/ (built by `npm run build`).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
const { runCli } = await import("../lib/src/cli.js");
process.exitCode = await runCli(process.argv.slice(2));
