// Bundles the GitHub Action into one ES module, dist/index.js (committed; .ci/run checks it is fresh).
// Input is the tsc output in lib/ (`npm run build`), so the bundle is made from exactly what the tests run.
// COSTGATE_BUNDLE_INPUT / COSTGATE_BUNDLE_OUTPUT let scripts/check-dist.sh build a copy elsewhere.
import commonjs from "@rollup/plugin-commonjs";
import json from "@rollup/plugin-json";
import { nodeResolve } from "@rollup/plugin-node-resolve";

export default {
  input: process.env.COSTGATE_BUNDLE_INPUT ?? "lib/src/action/main.js",
  output: {
    file: process.env.COSTGATE_BUNDLE_OUTPUT ?? "dist/index.js",
    format: "es",
    // One file: the runner executes dist/index.js alone.
    inlineDynamicImports: true,
    sourcemap: false,
  },
  plugins: [nodeResolve({ preferBuiltins: true, exportConditions: ["node"] }), commonjs(), json({ preferConst: true })],
  onwarn(warning, warn) {
    // Known and harmless: circular imports inside dependencies, `this` at the top of transpiled CJS.
    if (warning.code === "CIRCULAR_DEPENDENCY" && (warning.ids ?? []).every((id) => id.includes("node_modules"))) return;
    if (warning.code === "THIS_IS_UNDEFINED") return;
    warn(warning);
  },
};
