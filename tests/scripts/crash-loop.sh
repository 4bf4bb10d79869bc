#!/usr/bin/env bash
# Never lose a word, at scale: kills the vault writer with SIGKILL N times (default 1000) at
# random moments while it saves, creates, renames, trashes and restores notes and writes the
# settings and the recovery journal, and checks everything after each kill. CI runs 200 kills
# in `cargo test`.
# Usage: tests/scripts/crash-loop.sh [KILLS]
set -euo pipefail
cd "$(dirname "$0")/../.."
VAULT_CRASH_KILLS="${1:-1000}" exec cargo test --release -p attache-tests --test vault_crash -- --nocapture
