#!/usr/bin/env bash
# Headless Neovim as a real LSP client of `node server/out/server.js --stdio` on copies of the project's examples,
# and of two corpus reports when the shared corpus is beside the repository (test/e2e/make-workspace.js).
# Installs neovim from Debian if missing (idempotent).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SERVER="$ROOT/server/out/server.js"
[ -f "$SERVER" ] || { echo "missing $SERVER: run npm run build" >&2; exit 1; }

if ! command -v nvim >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  echo "== installing neovim (apt)"
  $SUDO apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q neovim >/dev/null
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/gov-report-nvim.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
node "$ROOT/test/e2e/make-workspace.js" "$TMP/ws"

export XDG_CONFIG_HOME="$TMP/xdg/config" XDG_DATA_HOME="$TMP/xdg/data" XDG_STATE_HOME="$TMP/xdg/state" XDG_CACHE_HOME="$TMP/xdg/cache"
export LSP_SERVER="$SERVER"
fail=0 passed=0 failed=0
# The 0-based line and character inside the first row label "一、本年新收…" of a report: where a hover must answer.
row_label() { node -e 'const l=require("fs").readFileSync(process.argv[1],"utf8").split("\n"); const i=l.findIndex((x)=>x.includes("一、本年新收")); console.log(i, l[i].indexOf("一、本年新收")+2)' "$1"; }
# The first finding at error or warning of a corpus report (test/fixtures/corpus-expected.json): rule and 0-based line.
corpus_finding() { node -e 'const f=require(process.argv[1]).corpus[process.argv[2]].findings.find((x)=>/^(error|warning) /.test(x)).split(" "); console.log(f[1], f[2].split(":")[0])' "$ROOT/test/fixtures/corpus-expected.json" "$1"; }
# SAMPLE, the number of parts, an expected rule and its 0-based line ('' -1 for none)
run_case() {
  local sample=$1 parts=$2 rule=$3 line=$4 out hover
  read -r -a hover <<<"$(row_label "$sample")"
  echo "== nvim $(nvim --version | head -1) ← $(basename "$sample")"
  if out=$(SAMPLE="$sample" EXPECT_PARTS="$parts" EXPECT_RULE="$rule" EXPECT_LINE="$line" HOVER_LINE="${hover[0]}" HOVER_CHAR="${hover[1]}" \
      timeout 60 nvim --headless -u NONE -i NONE -n -c "luafile $ROOT/test/nvim/lsp_smoke.lua" 2>&1); then
    echo "$out"; passed=$((passed + 1))
  else
    echo "$out"; echo "failed: $(basename "$sample")"; fail=1; failed=$((failed + 1))
  fi
}
# examples/defects-2022-pipe.md (pipe tables, no part 六: examples/README.md) and examples/clean-2020-cell-per-line.txt
run_case "$TMP/ws/notes-a.txt" 5 section-title 56
run_case "$TMP/ws/clean-2020-cell-per-line.txt" 6 '' -1
# the shared corpus, when it is there
for id in 000 001; do
  f=$(ls "$TMP/ws/${id}_"*.txt 2>/dev/null | head -1) || true
  if [ -n "$f" ]; then read -r rule line <<<"$(corpus_finding "$id")"; run_case "$f" 6 "$rule" "$line"; fi
done
# counts for CI's summary line (scripts/ci-summary.mjs)
[ -n "${GOV_REPORT_RESULTS:-}" ] && echo "{\"suite\":\"nvim\",\"passed\":$passed,\"failed\":$failed,\"skipped\":0}" >> "$GOV_REPORT_RESULTS"
exit $fail
