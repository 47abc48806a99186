#!/usr/bin/env bash
# Emacs + Eglot as a real LSP client of `node server/out/server.js --stdio` on copies of corpus reports 000 and
# 001: the diagnostics are published, and a quick fix applied through Eglot removes its finding.
# Installs Debian's emacs-nox and elpa-eglot if missing (idempotent). Skips when the corpus is absent.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SERVER="$ROOT/server/out/server.js"
[ -f "$SERVER" ] || { echo "missing $SERVER: run npm run build" >&2; exit 1; }

if ! command -v emacs >/dev/null 2>&1 || ! ls -d /usr/share/emacs/site-lisp/elpa/eglot-* >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  echo "== installing emacs-nox and elpa-eglot (apt)"
  $SUDO apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q emacs-nox elpa-eglot >/dev/null
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/gov-report-emacs.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
rc=0; node "$ROOT/test/e2e/make-workspace.js" "$TMP/ws" >/dev/null || rc=$?
if [ "$rc" = 3 ]; then echo "SKIP test:emacs: corpus not found (set GOV_REPORT_CORPUS)"; exit 0; fi
[ "$rc" = 0 ] || exit "$rc"

export HOME="$TMP/home" LSP_SERVER="$SERVER"   # no user init, no ~/.emacs.d written
mkdir -p "$HOME"
fail=0 passed=0 failed=0
# SAMPLE, a rule expected on a 0-based line (its first quick fix is applied)
run_case() {
  local sample=$1 rule=$2 line=$3 out
  echo "== $(emacs --version | head -1) + Eglot ← $(basename "$sample")"
  if out=$(SAMPLE="$sample" EXPECT_RULE="$rule" EXPECT_LINE="$line" timeout 90 emacs --batch -l "$ROOT/test/emacs/eglot_smoke.el" 2>"$TMP/stderr"); then
    echo "$out"; passed=$((passed + 1))
  else
    echo "$out"; tail -20 "$TMP/stderr"; echo "failed: $(basename "$sample")"; fail=1; failed=$((failed + 1))
  fi
}
run_case "$TMP/ws/fix-000.txt" cell-blank 94
run_case "$TMP/ws/fix-001.txt" section-title 57
# counts for CI's summary line (scripts/ci-summary.mjs)
[ -n "${GOV_REPORT_RESULTS:-}" ] && echo "{\"suite\":\"emacs\",\"passed\":$passed,\"failed\":$failed,\"skipped\":0}" >> "$GOV_REPORT_RESULTS"
exit $fail
