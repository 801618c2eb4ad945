#!/usr/bin/env bash
# Refresh the front-end assets served locally, from the npm registry, at the
# versions pinned in package.json. The copies are committed, so neither the
# demo nor the tests need npm.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
for pkg in $(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(" ".join(f"{k}@{v}" for k,v in {**d["dependencies"],**d["devDependencies"]}.items()))' "$repo/package.json"); do
  npm pack --silent "$pkg" >/dev/null
done
for f in *.tgz; do mkdir -p "${f%.tgz}"; tar xzf "$f" -C "${f%.tgz}"; done
out="$repo/src/hedef/static/hedef/vendor"
mkdir -p "$out"
cp htmx.org-*/package/dist/htmx.min.js "$out/"
cp vega-[0-9]*/package/build/vega.min.js "$out/"
cp vega-lite-*/package/build/vega-lite.min.js "$out/"
cp vega-embed-*/package/build/vega-embed.min.js "$out/"
cp vega-interpreter-*/package/build/vega-interpreter.min.js "$out/"
cp axe-core-*/package/axe.min.js "$repo/tests/browser/axe.min.js"
echo "assets copied to $out"
