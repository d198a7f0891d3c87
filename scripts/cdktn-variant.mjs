// The CDK Terrain variant of costgate's constructs, derived from the one (cdktf) source at build time.
// CDK Terrain (cdktn) is a rename of CDKTF: the same classes under other package names. So the variant is the
// compiled cdktf output (JavaScript and declarations) with the package names swapped:
//   "cdktf" <-> "cdktn", "@cdktf/provider-aws/..." <-> "@cdktn/provider-aws/...",
//   "costgate/constructs" <-> "costgate/constructs/cdktn".
// Only whole quoted module names are swapped ("@cdktf/error" metadata keys, shared by both, stay as they are).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const SWAP = /(["'])(cdktf|cdktn|costgate\/constructs(?:\/cdktn)?|@cdkt[fn]\/provider-aws(?:\/[^"']*)?)\1/g;

/** Swap cdktf and cdktn module names in one compiled file's text. */
export function swapFramework(text) {
  return text.replace(SWAP, (_, q, name) => {
    let out;
    if (name === "cdktf") out = "cdktn";
    else if (name === "cdktn") out = "cdktf";
    else if (name === "costgate/constructs") out = "costgate/constructs/cdktn";
    else if (name === "costgate/constructs/cdktn") out = "costgate/constructs";
    else out = name.startsWith("@cdktf/") ? `@cdktn/${name.slice(7)}` : `@cdktf/${name.slice(7)}`;
    return q + out + q;
  });
}

/** Write `to` as the framework-swapped copy of the compiled tree `from` (.js and .d.ts files). Returns the file count. */
export function writeSwappedTree(from, to) {
  rmSync(to, { recursive: true, force: true });
  let n = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const src = join(dir, e.name);
      if (e.isDirectory()) walk(src);
      else if (/\.(js|d\.ts)$/.test(e.name)) {
        const dest = join(to, relative(from, src));
        mkdirSync(dirname(dest), { recursive: true });
        writeFileSync(dest, swapFramework(readFileSync(src, "utf8")));
        n++;
      }
    }
  };
  walk(from);
  return n;
}

// `node scripts/cdktn-variant.mjs`: lib/constructs -> lib/constructs-cdktn (run by `npm run build`).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const n = writeSwappedTree(join(root, "lib/constructs"), join(root, "lib/constructs-cdktn"));
  if (n === 0) {
    console.error("cdktn-variant: lib/constructs is empty; run tsc first");
    process.exit(1);
  }
}
