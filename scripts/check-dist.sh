#!/usr/bin/env bash
# Fails when the committed dist/ is not what the sources bundle to: every file (dist/index.js, its chunks and
# the price snapshot beside them), none missing and none left over. It compiles and bundles into a temporary
# directory (lib/ and dist/ are left alone) and compares byte for byte. It also checks that the precompiled
# policy validator (src/policy/policy-validator.ts) is what policies/schema.json compiles to.
# Fix a failure with `npm run bundle` (or `npm run build` for the validator) and commit dist/ (every file).
set -euo pipefail
cd "$(dirname "$0")/.."
# Inside the repository so rollup resolves packages from ./node_modules.
tmp="$(mktemp -d "$PWD/.check-dist.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

node scripts/build-policy-validator.mjs --check

npx tsc -p tsconfig.build.json --outDir "$tmp/lib"
COSTGATE_BUNDLE_INPUT="$tmp/lib/src/action/main.js" COSTGATE_BUNDLE_OUTDIR="$tmp/dist" \
  npx rollup -c rollup.config.mjs --silent

if [ ! -f dist/index.js ]; then
  echo "check-dist: dist/index.js is missing; run \`npm run bundle\` and commit dist/" >&2
  exit 1
fi
if ! diff -rq dist "$tmp/dist" >&2; then
  echo "check-dist: dist/ is stale: it differs from a fresh bundle of the sources (files above)." >&2
  for f in $(cd "$tmp/dist" && ls); do
    [ -f "dist/$f" ] && ! cmp -s "dist/$f" "$tmp/dist/$f" && diff -u "dist/$f" "$tmp/dist/$f" | head -20 >&2 || true
  done
  echo "check-dist: run \`npm run bundle\` and commit dist/ (every file)" >&2
  exit 1
fi
echo "check-dist: dist/ is up to date ($(ls dist | wc -l) files)"
