#!/usr/bin/env bash
# Fails when the committed dist/index.js is not what the sources bundle to. It compiles and bundles into a
# temporary directory (lib/ and dist/ are left alone) and compares byte for byte.
# Fix a failure with `npm run bundle` and commit dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
# Inside the repository so rollup resolves packages from ./node_modules.
tmp="$(mktemp -d "$PWD/.check-dist.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

npx tsc -p tsconfig.build.json --outDir "$tmp/lib"
COSTGATE_BUNDLE_INPUT="$tmp/lib/src/action/main.js" COSTGATE_BUNDLE_OUTPUT="$tmp/dist/index.js" \
  npx rollup -c rollup.config.mjs --silent

if [ ! -f dist/index.js ]; then
  echo "check-dist: dist/index.js is missing; run \`npm run bundle\` and commit dist/" >&2
  exit 1
fi
if ! cmp -s dist/index.js "$tmp/dist/index.js"; then
  echo "check-dist: dist/index.js is stale: it differs from a fresh bundle of the sources." >&2
  diff -u dist/index.js "$tmp/dist/index.js" | head -40 >&2 || true
  echo "check-dist: run \`npm run bundle\` and commit dist/" >&2
  exit 1
fi
echo "check-dist: dist/index.js is up to date"
