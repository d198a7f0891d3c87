// Bundles the CLI (lib/src/cli.js, built by tsc) into lib/cli/: one module for what every command needs and a
// chunk per command and per lazily loaded part (renderers, live price sources), so a run parses a few files
// instead of ~170 and never the parts it does not use. The AWS SDK stays in node_modules (a dependency), loaded
// only for live prices. bin/costgate.js runs lib/cli/cli.js when it exists, else lib/src/cli.js.
// lib/cli/ is two levels below the package root like lib/src/*.js, so `import.meta.url`-relative paths still hold.
import { onwarn, plugins } from "./rollup.config.mjs";

export default {
  input: { cli: "lib/src/cli.js" },
  external: (id) => id.startsWith("@aws-sdk/") || id.startsWith("@smithy/"),
  output: {
    dir: "lib/cli",
    format: "es",
    entryFileNames: "[name].js",
    chunkFileNames: "[name].js",
    sourcemap: false,
  },
  plugins: plugins(),
  onwarn,
};
