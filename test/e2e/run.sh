#!/usr/bin/env bash
# End-to-end tests in a real VS Code (code-server 4.139 = VS Code 1.139) driven by headless chromium:
#   1. the mocha suite test/e2e/suite runs inside the extension host (extensionDevelopmentPath = repo);
#   2. the UI smoke test installs the packaged .vsix and drives the workbench like a user, saving a
#      screenshot under test-output/;
#   3. the UI test of the table preview (ui-preview.js) drives the same .vsix: the preview's DOM, clicks, edits;
#   4. the UI test of published documents (ui-inputs.js: paste from a web page, open a PDF and a damaged
#      Word document as reports) on the same installed .vsix.
# Everything is installed by this script into .vscode-test/cs (git-ignored); re-runs reuse it.
# The workspace holds copies of the project's examples; the shared corpora add cases when they are there.
# Env: GOV_REPORT_CORPUS (tidy reports; default ../shared/corpus), GOV_REPORT_CORPUS_WILD (published reports;
# default ../shared/corpus-wild), CS_CACHE (install prefix), SKIP_UI=1, KEEP=1.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE="$ROOT/test/e2e"
CACHE=${CS_CACHE:-$ROOT/.vscode-test/cs}
CS_VER=4.139.1

# ---- build output must exist (npm run test:e2e builds first)
for f in client/out/extension.js server/out/server.js; do
  [ -f "$ROOT/$f" ] || { echo "missing $f: run npm run build" >&2; exit 1; }
done

# ---- keep code-server, VS Code server and chromium out of $HOME
TMP=$(mktemp -d "${TMPDIR:-/tmp}/gov-report-e2e.XXXXXX")
cleanup() { if [ -z "${KEEP:-}" ]; then rm -rf "$TMP"; else echo "kept $TMP"; fi; }
trap cleanup EXIT
export XDG_CONFIG_HOME="$TMP/xdg/config" XDG_DATA_HOME="$TMP/xdg/data" XDG_CACHE_HOME="$TMP/xdg/cache"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME"

# ---- workspace of copies of the examples, and of the shared corpora when present (see make-workspace.js)
make_ws() { node "$HERE/make-workspace.js" "$@"; }
WS="$TMP/ws"; make_ws "$WS" --examples

# ---- code-server + Node 24 + chromium, idempotent (stamp written only after a complete install)
STAMP="$CACHE/.installed-code-server-$CS_VER"
if [ ! -f "$STAMP" ] || [ ! -f "$CACHE/cs/node_modules/code-server/out/node/entry.js" ] || [ ! -x /usr/bin/chromium ] \
  || ! dpkg -s fonts-wqy-microhei >/dev/null 2>&1; then
  echo "== installing code-server $CS_VER into $CACHE (one-off, a few minutes)"
  bash "$HERE/setup-code-server.sh" "$CACHE"
  touch "$STAMP"
fi
# a CJK font for chromium, so the screenshot shows the report rather than boxes (UI smoke only)
if ! dpkg -s fonts-wqy-microhei >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q fonts-wqy-microhei >/dev/null 2>&1 \
    || { $SUDO apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q fonts-wqy-microhei >/dev/null; } \
    || echo "warning: no CJK font installed; the screenshot will show boxes"
fi
export NODE24="$CACHE/node24/bin/node"
export CS_ENTRY="$CACHE/cs/node_modules/code-server/out/node/entry.js"

mkdir -p "$ROOT/test-output"
echo "== extension tests in code-server (VS Code $( "$NODE24" -e "console.log(require('$CACHE/cs/node_modules/code-server/lib/vscode/product.json').version)" 2>/dev/null || echo '?'))"
QUIET=1 TEST_TIMEOUT_MS=${TEST_TIMEOUT_MS:-180000} \
  node "$HERE/run-ext-tests.js" "$ROOT" "$HERE/suite/index.js" "$WS"

VSIX="$TMP/gov-report.vsix"
(cd "$ROOT" && npx --no-install vsce package --no-dependencies --allow-missing-repository --no-rewrite-relative-links --out "$VSIX" </dev/null >"$TMP/vsce.log" 2>&1) \
  || { cat "$TMP/vsce.log" >&2; exit 1; }
EXT_DIR="$TMP/extensions"
PATH="$(dirname "$NODE24"):$PATH" "$NODE24" "$CS_ENTRY" --extensions-dir "$EXT_DIR" --user-data-dir "$TMP/ui-data" \
  --install-extension "$VSIX" >"$TMP/install.log" 2>&1 || { cat "$TMP/install.log" >&2; exit 1; }

# The packaged extension, installed (an extension under development is exempt from workspace trust), in a folder
# that is not trusted; the tests run from an empty development extension (test/e2e/host).
echo "== Restricted Mode: the installed .vsix, workspace trust on, the folder untrusted (suite/restricted.test.js)"
RWS="$TMP/ws-restricted"; make_ws "$RWS"
E2E_RESTRICTED=1 E2E_EXTENSIONS_DIR="$EXT_DIR" E2E_GREP='Restricted Mode' QUIET=1 TEST_TIMEOUT_MS=${TEST_TIMEOUT_MS:-180000} \
  node "$HERE/run-ext-tests.js" "$HERE/host" "$HERE/suite/index.js" "$RWS"

if [ -n "${SKIP_UI:-}" ]; then exit 0; fi

# ---- UI tests: each drives the workbench in headless chromium, in a fresh workspace of its own.
# A UI test that fails is run once more in a new workspace and a new code-server: on this shared 2-core machine a
# workbench under load sometimes renders late, and one such run must not hide the rest of CI's results. The retry
# is said in the log ("passed on the second try"), with the first try's output above it; only the last try counts.
UI_RC=0
# ui_test SUITE SELF_COUNTED MAKE_WS_ARGS -- SCRIPT ARGS... ("{ws}" in ARGS is the workspace)
ui_test() {
  local suite=$1 self=$2 wsargs=$3; shift 4
  local try rc counts a args
  for try in 1 2; do
    local ws="$TMP/$suite-ws-$try"
    if [ "$wsargs" = corpus-004 ]; then mkdir -p "$ws" && cp "$CORPUS/004_974e4c203befb017.txt" "$ws/"; else make_ws "$ws" $wsargs; fi
    counts="$TMP/$suite-counts-$try.jsonl"; : > "$counts"
    rc=0
    args=(); for a in "${@:2}"; do args+=("${a//\{ws\}/$ws}"); done
    GOV_REPORT_RESULTS="$counts" node "$HERE/$1" "${args[@]}" || rc=$?
    [ "$rc" = 0 ] && break
    [ "$try" = 1 ] && echo "  $suite: failed on the first try (exit $rc): trying once more in a fresh workspace"
  done
  [ "$rc" = 0 ] && [ "$try" = 2 ] && echo "  $suite: passed on the second try (the first try's failure is above)"
  if [ -n "${GOV_REPORT_RESULTS:-}" ]; then
    if [ "$self" = self ] && [ -s "$counts" ]; then cat "$counts" >> "$GOV_REPORT_RESULTS"
    elif [ "$rc" = 0 ]; then echo "{\"suite\":\"$suite\",\"passed\":1,\"failed\":0,\"skipped\":0}" >> "$GOV_REPORT_RESULTS"
    else echo "{\"suite\":\"$suite\",\"passed\":0,\"failed\":1,\"skipped\":0}" >> "$GOV_REPORT_RESULTS"; fi
  fi
  [ "$rc" = 0 ] || UI_RC=$rc
}

echo "== UI smoke test (packaged .vsix installed into a fresh extensions dir)"
ui_test ui-smoke one "" -- ui-smoke.js "{ws}" notes-a.txt "$EXT_DIR" "$ROOT/test-output/ui-smoke.png"

echo "== UI test of the table preview (same .vsix; screenshots in test-output/)"
ui_test ui-preview self "" -- ui-preview.js "{ws}" "$EXT_DIR" "$ROOT/test-output"

echo "== UI test of published documents (paste as report text, open as report)"
ui_test ui-inputs self "" -- ui-inputs.js "{ws}" "$EXT_DIR" "$ROOT/test-output"

echo "== UI test of the Reports view (a folder of reports, issue 10)"
ui_test ui-reports one --examples -- ui-reports.js "{ws}" "$EXT_DIR" "$ROOT/test-output/reports-view.png"

echo "== UI test of the wording (no unicode highlight on Chinese punctuation; the Problems panel and a hover on 004)"
# A folder of corpus 004 alone: in a folder of thirty reports the background pass kept the server busy enough for
# the hover and the line positions this test reads to come late (it failed 3 runs in 5 under load).
CORPUS=$(node -e 'const c = require(process.argv[1]).findCorpus(); if (c) console.log(c)' "$HERE/make-workspace.js")
if [ -n "$CORPUS" ] && [ -f "$CORPUS/004_974e4c203befb017.txt" ]; then
  ui_test ui-wording self corpus-004 -- ui-wording.js "{ws}" "$EXT_DIR" "$ROOT/test-output"
else
  echo "SKIP ui-wording: corpus 004 not found (set GOV_REPORT_CORPUS)"
  [ -n "${GOV_REPORT_RESULTS:-}" ] && echo '{"suite":"ui-wording","passed":0,"failed":0,"skipped":2}' >> "$GOV_REPORT_RESULTS"
fi
exit "$UI_RC"
