#!/usr/bin/env bash
# Figures of the real window (release build; E2E_PROFILE=debug for the debug one): cold start to
# an interactive window with a 1,000-note vault, draft-to-render time of the sample article,
# and the summed PSS of all the app's processes (/proc/PID/smaps_rollup of the app and its
# WebKit children). Prints the `FIGURE` lines of the `figures::measure` e2e test.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
export E2E_PROFILE="${E2E_PROFILE:-release}"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
"$ROOT/tests/scripts/e2e.sh" --ignored --exact figures::measure --nocapture >"$out" 2>&1 || true
grep '^FIGURE ' "$out" | sed 's/^FIGURE //'
grep -q '^FIGURE pss' "$out" || { echo "figures: the measurement failed:" >&2; tail -30 "$out" >&2; exit 1; }
