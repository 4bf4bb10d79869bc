#!/usr/bin/env bash
# Screenshots of the real Attaché window for the README, taken under Xvfb through WebDriver
# (first run, and the workspace with the sample article drafted, a source highlighted and the
# note saved) into ui/screenshots/. Builds what is missing, like tests/scripts/e2e.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
export ATTACHE_SCREENSHOT_DIR="${ATTACHE_SCREENSHOT_DIR:-$ROOT/ui/screenshots}"
exec "$ROOT/tests/scripts/e2e.sh" --ignored --exact screenshots::readme --nocapture
