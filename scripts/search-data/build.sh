#!/usr/bin/env bash
# Regenerates the derived data tables of Zwgk.Search.Text (src/Zwgk.Search/Text/Data/*.gz), deterministically.
#
# Usage:  bash scripts/search-data/build.sh
#
# Needs (Debian): python3-jieba (dict.txt, MIT), golang-github-mozillazg-go-pinyin-dev (pinyin_dict.go, MIT),
# opencc (TSCharacters/TSPhrases .ocd2 + opencc_dict, Apache-2.0), node >= 18 and the npm package pinyin-pro (MIT).
# pinyin-pro is taken from $PINYIN_PRO_DIR, else /tmp/npmpy/node_modules, else installed with npm into a temp dir
# (version pinned below so the output does not drift). Sources and licences: src/Zwgk.Search/Text/Data/NOTICE.md.
# Never feed CC-CEDICT, libpinyin, pinyin-database or rime data into these tables (licence incompatibility).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
OUT="$ROOT/src/Zwgk.Search/Text/Data"
PINYIN_PRO_VERSION=3.29.4

JIEBA_DICT=${JIEBA_DICT:-/usr/lib/python3/dist-packages/jieba/dict.txt}
GO_PINYIN=${GO_PINYIN:-/usr/share/gocode/src/github.com/mozillazg/go-pinyin/pinyin_dict.go}
OPENCC_DIR=${OPENCC_DIR:-/usr/share/opencc}
for f in "$JIEBA_DICT" "$GO_PINYIN" "$OPENCC_DIR/TSCharacters.ocd2" "$OPENCC_DIR/TSPhrases.ocd2"; do
  [ -f "$f" ] || { echo "missing input: $f (apt-get install python3-jieba golang-github-mozillazg-go-pinyin-dev opencc)" >&2; exit 1; }
done
command -v opencc_dict >/dev/null || { echo "opencc_dict not found (apt-get install opencc)" >&2; exit 1; }
command -v node >/dev/null || { echo "node not found" >&2; exit 1; }

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# pinyin-pro: reuse an existing install when it has the pinned version, else npm install into the temp dir.
PP_DIR=${PINYIN_PRO_DIR:-/tmp/npmpy/node_modules}
if [ ! -f "$PP_DIR/pinyin-pro/package.json" ] || ! grep -q "\"version\": \"$PINYIN_PRO_VERSION\"" "$PP_DIR/pinyin-pro/package.json"; then
  echo "== npm install pinyin-pro@$PINYIN_PRO_VERSION into $TMP/npm"
  mkdir -p "$TMP/npm"
  (cd "$TMP/npm" && npm install --no-save --no-audit --no-fund "pinyin-pro@$PINYIN_PRO_VERSION" >/dev/null)
  PP_DIR="$TMP/npm/node_modules"
fi

# OpenCC ships binary .ocd2 dictionaries; dump them to "source<TAB>target target…" text.
for d in TSCharacters TSPhrases; do
  opencc_dict -i "$OPENCC_DIR/$d.ocd2" -o "$TMP/$d.txt" -f ocd2 -t text
done

mkdir -p "$OUT"
node "$ROOT/scripts/search-data/build-data.cjs" \
  --jieba "$JIEBA_DICT" --go-pinyin "$GO_PINYIN" \
  --ts-chars "$TMP/TSCharacters.txt" --ts-phrases "$TMP/TSPhrases.txt" \
  --pinyin-pro "$PP_DIR" --out "$OUT"
ls -l "$OUT"
