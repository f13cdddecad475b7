#!/usr/bin/env bash
# Rebuilds the vendored editor bundle from npm (pinned versions in package.json). Needs node and npm.
set -euo pipefail
cd "$(dirname "$0")"
out=../../src/Zwgk.Web/wwwroot/lib/tiptap
npm install --no-audit --no-fund --ignore-scripts
# esbuild's binary comes from its platform package, so the skipped install script is not needed.
npx esbuild entry.js --bundle --minify --format=iife --target=es2020 --legal-comments=none --outfile="$out/tiptap.min.js"
{
  echo "Tiptap editor bundle for Zwgk, built by scripts/editor/build.sh from these npm packages (all MIT licensed):"
  for p in node_modules/@tiptap/* node_modules/prosemirror-* node_modules/orderedmap node_modules/rope-sequence node_modules/w3c-keyname node_modules/linkifyjs; do
    [ -f "$p/package.json" ] || continue
    node -e "const p=require('./$p/package.json');console.log(' - '+p.name+' '+p.version+' ('+p.license+')')"
  done
  echo
  for p in node_modules/@tiptap/core node_modules/prosemirror-model node_modules/orderedmap node_modules/rope-sequence node_modules/w3c-keyname node_modules/linkifyjs; do
    echo "===== $(basename "$p") ====="
    cat "$p"/LICENSE* 2>/dev/null || true
    echo
  done
} > "$out/LICENSE.txt"
