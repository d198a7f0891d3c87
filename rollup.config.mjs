// Bundles the GitHub Action into ES modules in dist/ (committed, every file; .ci/run checks they are fresh):
// dist/index.js (action.yml `main`) with what every run needs, and chunks loaded only when used — the AWS SDK
// price sources (`prices: auto|aws`) — plus the price snapshot as dist/price-snapshot.json, read with JSON.parse
// (one bundle with `inlineDynamicImports` parsed the whole SDK and the snapshot as JavaScript on every run).
// Input is the tsc output in lib/ (`npm run build`), so the bundle is made from exactly what the tests run.
// COSTGATE_BUNDLE_INPUT / COSTGATE_BUNDLE_OUTDIR let scripts/check-dist.sh build a copy elsewhere.
import commonjs from "@rollup/plugin-commonjs";
import json from "@rollup/plugin-json";
import { nodeResolve } from "@rollup/plugin-node-resolve";
import { basename } from "node:path";

/**
 * costgate's own JSON (the 1.2 MB price snapshot, the policy schema): a large file is copied next to the bundle
 * and read with JSON.parse at run time (parsing it as JavaScript source cost ~100 ms per run); a small one is
 * inlined as `JSON.parse("…")`. Dependencies' JSON goes to @rollup/plugin-json.
 */
export function ownJson() {
  return {
    name: "costgate-own-json",
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

/** Plugins of both bundles (the action's and the CLI's, rollup.cli.config.mjs). */
export const plugins = () => [
  ownJson(),
  nodeResolve({ preferBuiltins: true, exportConditions: ["node"] }),
  commonjs(),
  json({ preferConst: true, exclude: [/^(?!.*node_modules).*\.json$/] }),
];

/** Known and harmless: circular imports inside dependencies, `this` at the top of transpiled CJS. */
export function onwarn(warning, warn) {
  if (warning.code === "CIRCULAR_DEPENDENCY" && (warning.ids ?? []).every((id) => id.includes("node_modules"))) return;
  if (warning.code === "THIS_IS_UNDEFINED") return;
  warn(warning);
}

export default {
  input: { index: process.env.COSTGATE_BUNDLE_INPUT ?? "lib/src/action/main.js" },
  output: {
    dir: process.env.COSTGATE_BUNDLE_OUTDIR ?? "dist",
    format: "es",
    entryFileNames: "[name].js",
    chunkFileNames: "[name].js",
    sourcemap: false,
  },
  plugins: plugins(),
  onwarn,
};
