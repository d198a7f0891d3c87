// Bundles the CLI (lib/src/cli.js, built by tsc) into lib/cli/: one module for what every command needs and a
// chunk per command and per lazily loaded part (renderers, live price sources), so a run parses a few files
// instead of ~170 and never the parts it does not use. The AWS SDK stays in node_modules (a dependency), loaded
// only for live prices. bin/costgate.js runs lib/cli/cli.js when it exists, else lib/src/cli.js.
// lib/cli/ is two levels below the package root like lib/src/*.js, so `import.meta.url`-relative paths still hold.
import commonjs from "@rollup/plugin-commonjs";
import json from "@rollup/plugin-json";
import { nodeResolve } from "@rollup/plugin-node-resolve";
import { basename } from "node:path";

/**
 * costgate's own JSON (the 1.2 MB price snapshot, the policy schema): a large file is copied next to the bundle
 * and read with JSON.parse at run time (parsing it as JavaScript source cost ~100 ms per run); a small one is
 * inlined as `JSON.parse("…")`. Dependencies' JSON goes to @rollup/plugin-json.
 */
export function jsonParse() {
  return {
    name: "costgate-json-parse",
    transform(code, id) {
      if (!id.endsWith(".json") || id.includes("node_modules")) return null;
      const text = JSON.stringify(JSON.parse(code));
      if (text.length < 64 * 1024) return { code: `export default JSON.parse(${JSON.stringify(text)});\n`, map: { mappings: "" } };
      const fileName = basename(id);
      this.emitFile({ type: "asset", fileName, source: text });
      return {
        code: `import { readFileSync } from "node:fs";\nexport default JSON.parse(readFileSync(new URL(${JSON.stringify(`./${fileName}`)}, import.meta.url), "utf8"));\n`,
        map: { mappings: "" },
      };
    },
  };
}

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
  plugins: [jsonParse(), nodeResolve({ preferBuiltins: true, exportConditions: ["node"] }), commonjs(), json({ preferConst: true, exclude: [/^(?!.*node_modules).*\.json$/] })],
  onwarn(warning, warn) {
    if (warning.code === "CIRCULAR_DEPENDENCY" && (warning.ids ?? []).every((id) => id.includes("node_modules"))) return;
    if (warning.code === "THIS_IS_UNDEFINED") return;
    warn(warning);
  },
};
