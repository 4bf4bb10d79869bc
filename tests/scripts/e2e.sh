#!/usr/bin/env bash
# End-to-end tests of the real Attaché window: builds the UI (if ui/dist is missing) and the
# app, then runs the `e2e` test target under a D-Bus session and Xvfb against the built
# binary. Each test starts its own tauri-driver on free ports (tests/tests/e2e/support.rs).
# Every step has a time limit; vault, config and XDG folders live in a temporary folder, so
# a run never touches the user's files.
#
#   tests/scripts/e2e.sh [extra libtest args, e.g. a test name filter]
#
# Needs: xvfb, xauth, dbus, webkit2gtk-driver (WebKitWebDriver), tauri-driver (cargo install).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
# Test failures read better without backtraces; E2E_BACKTRACE=1 brings them back.
export RUST_BACKTRACE="${E2E_BACKTRACE:-0}"
say() { printf '[e2e %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

for tool in xvfb-run xauth dbus-run-session WebKitWebDriver tauri-driver python3; do
  command -v "$tool" >/dev/null || { echo "e2e: $tool is missing (make deps installs it)" >&2; exit 1; }
done

if [[ ! -f ui/dist/index.html ]]; then
  say "building the UI"
  ( cd ui && { [[ -d node_modules ]] || timeout 600 npm ci --no-audit --no-fund; } && timeout 600 npm run build )
fi

# E2E_PROFILE=release tests (and measures) the optimised build instead of the debug one.
PROFILE="${E2E_PROFILE:-debug}"
say "building the app ($PROFILE)"
if [[ "$PROFILE" == release ]]; then
  timeout 2400 cargo build --release -p attache-desktop
else
  timeout 1800 cargo build -p attache-desktop
fi
APP="$TARGET_DIR/$PROFILE/attache-desktop"
[[ -x "$APP" ]] || { echo "e2e: no app at $APP" >&2; exit 1; }
export ATTACHE_APP="$(realpath "$APP")"

say "building the tests"
# The test binary's path comes from cargo's JSON messages, so no WebDriver time is spent compiling.
E2E_TEST_BIN="$(timeout 1200 cargo test -p attache-tests --features e2e --test e2e --no-run \
  --message-format=json | python3 -c '
import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "e2e" and m.get("executable"):
        print(m["executable"])')"
[[ -x "$E2E_TEST_BIN" ]] || { echo "e2e: the test binary was not built" >&2; exit 1; }
export E2E_TEST_BIN

E2E_TMP="$(mktemp -d -t attache-e2e-XXXXXX)"
export E2E_TMP
cleanup() { [[ -n "${KEEP_E2E_TMP:-}" ]] || rm -rf "$E2E_TMP"; }
trap cleanup EXIT
# Anything the app or WebKit writes goes here; each test also passes its own --vault/--config-dir.
export ATTACHE_VAULT="$E2E_TMP/vault" ATTACHE_CONFIG_DIR="$E2E_TMP/config"
export XDG_CONFIG_HOME="$E2E_TMP/xdg/config" XDG_DATA_HOME="$E2E_TMP/xdg/data"
export XDG_CACHE_HOME="$E2E_TMP/xdg/cache" XDG_STATE_HOME="$E2E_TMP/xdg/state"
mkdir -p "$ATTACHE_VAULT" "$ATTACHE_CONFIG_DIR" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME"

say "running the end-to-end tests with $ATTACHE_APP"
start=$(date +%s)
set +e
# One WebDriver session at a time: each test drives one app.
timeout "${E2E_TIMEOUT:-1200}" dbus-run-session -- \
  xvfb-run -a -s "-screen 0 1440x900x24" "$E2E_TEST_BIN" --test-threads=1 "$@"
rc=$?
set -e
say "finished in $(( $(date +%s) - start )) s (exit $rc)"
[[ $rc -eq 0 ]] || echo "e2e: failed; screenshots of failing windows are in tests/out/"
exit "$rc"
