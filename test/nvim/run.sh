#!/usr/bin/env bash
# Headless Neovim as a real LSP client of `node server/out/server.js --stdio` on copies of corpus reports.
# Installs neovim from Debian if missing (idempotent). Skips when the corpus is absent.
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
rc=0; node "$ROOT/test/e2e/make-workspace.js" "$TMP/ws" >/dev/null || rc=$?
if [ "$rc" = 3 ]; then echo "SKIP test:nvim: corpus not found (set GOV_REPORT_CORPUS)"; exit 0; fi
[ "$rc" = 0 ] || exit "$rc"

export XDG_CONFIG_HOME="$TMP/xdg/config" XDG_DATA_HOME="$TMP/xdg/data" XDG_STATE_HOME="$TMP/xdg/state" XDG_CACHE_HOME="$TMP/xdg/cache"
export LSP_SERVER="$SERVER"
fail=0 passed=0 failed=0
# SAMPLE, expected rule on a 0-based line, a 0-based hover position on a row label
run_case() {
  local sample=$1 rule=$2 line=$3 hline=$4 hchar=$5 out
  echo "== nvim $(nvim --version | head -1) ← $(basename "$sample")"
  if out=$(SAMPLE="$sample" EXPECT_RULE="$rule" EXPECT_LINE="$line" HOVER_LINE="$hline" HOVER_CHAR="$hchar" \
      timeout 60 nvim --headless -u NONE -i NONE -n -c "luafile $ROOT/test/nvim/lsp_smoke.lua" 2>&1); then
    echo "$out"; passed=$((passed + 1))
  else
    echo "$out"; echo "FAIL $(basename "$sample")"; fail=1; failed=$((failed + 1))
  fi
}
run_case "$TMP/ws/001_4f9cdb8381e45e30.txt" section-title 57 77 4
run_case "$TMP/ws/000_a4e415a0067ed183.txt" cell-blank 94 63 3
# counts for CI's summary line (scripts/ci-summary.mjs)
[ -n "${GOV_REPORT_RESULTS:-}" ] && echo "{\"suite\":\"nvim\",\"passed\":$passed,\"failed\":$failed,\"skipped\":0}" >> "$GOV_REPORT_RESULTS"
exit $fail
