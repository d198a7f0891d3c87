// Bundles the GitHub Action into ES modules in dist/ (committed, every file; .ci/run checks they are fresh):
// dist/index.js (action.yml `main`) with what every run needs, and chunks loaded only when used — the AWS SDK
// price sources (`prices: auto|aws`) — plus the price snapshot as dist/price-snapshot.json and a file per region in dist/price-snapshot/, read with JSON.parse
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
      const value = JSON.parse(code);
      if (basename(id) === "price-snapshot.json") return splitPriceSnapshot(this, value);
      const text = JSON.stringify(value);
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

/**
 * The price snapshot, split so a run parses only the regions it prices: `price-snapshot.json` holds everything but
 * the price table (`prices: null` in its place, the regions in `priceRegions`), and `price-snapshot/<region>.json` each region's table (and `all-commercial`, `global`). The
 * module's `prices` has one enumerable property per region, in the snapshot's order, that reads and parses its file
 * on first use (then holds the value; assigning replaces it). Reading and parsing the whole 1.2 MB file cost
 * ~40 ms of a cold start; a us-east-1 plan now parses ~0.2 MB.
 */
function splitPriceSnapshot(ctx, snapshot) {
  const prices = snapshot.prices;
  const regions = Object.keys(prices);
  for (const r of regions) if (!/^[a-z0-9-]+$/.test(r)) throw new Error(`price-snapshot.json: price table region \`${r}\` is not a file name (expected [a-z0-9-]+)`);
  ctx.emitFile({ type: "asset", fileName: "price-snapshot.json", source: JSON.stringify({ ...snapshot, prices: null, priceRegions: regions }) });
  for (const r of regions) ctx.emitFile({ type: "asset", fileName: `price-snapshot/${r}.json`, source: JSON.stringify(prices[r]) });
  return {
    code: `import { readFileSync } from "node:fs";
const snapshot = JSON.parse(readFileSync(new URL("./price-snapshot.json", import.meta.url), "utf8"));
const priceRegions = snapshot.priceRegions;
delete snapshot.priceRegions;
const prices = {};
for (const region of priceRegions) {
  const set = (value) => Object.defineProperty(prices, region, { value, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(prices, region, {
    enumerable: true,
    configurable: true,
    get: () => {
      const table = JSON.parse(readFileSync(new URL(\`./price-snapshot/\${region}.json\`, import.meta.url), "utf8"));
      set(table);
      return table;
    },
    set,
  });
}
snapshot.prices = prices; // where the table was: the snapshot's key order is kept
export default snapshot;
`,
    map: { mappings: "" },
  };
}

/**
 * `@actions/core` imports its OIDC client (`getIDToken`) at its top, and with it `@actions/http-client` and undici
 * (~1 MB: a sixth of the Action's start-up). costgate never asks for an OIDC token, so the bundle gets a stand-in
 * that says so if called. The GitHub API client (`@actions/github`, loaded on demand) still bundles undici.
 */
export function withoutOidcClient() {
  const STAND_IN = "\0costgate:actions-core-oidc-stand-in";
  return {
    name: "costgate-without-oidc-client",
    resolveId(source, importer) {
      if (source === "./oidc-utils.js" && importer && /[\\/]node_modules[\\/]@actions[\\/]core[\\/]lib[\\/]core\.js$/.test(importer)) return STAND_IN;
      return null;
    },
    load(id) {
      if (id !== STAND_IN) return null;
      return `export class OidcClient {\n  static async getIDToken() {\n    throw new Error("costgate's Action bundle leaves out @actions/core getIDToken (OIDC): costgate does not use it");\n  }\n}\n`;
    },
  };
}

/** Plugins of both bundles (the action's and the CLI's, rollup.cli.config.mjs). */
export const plugins = () => [
  ownJson(),
  withoutOidcClient(),
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
