#!/usr/bin/env bash
# Fails when the committed TypeScript bindings (ui/src/lib/bindings/) differ from what the
# Rust types generate now: run tests/scripts/gen-bindings.sh and commit the result.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
fresh="$(mktemp -d)"
trap 'rm -rf "$fresh"' EXIT
"$ROOT/tests/scripts/gen-bindings.sh" "$fresh" >/dev/null
if ! diff -ru "$ROOT/ui/src/lib/bindings" "$fresh"; then
  echo "check-bindings: ui/src/lib/bindings is stale: run tests/scripts/gen-bindings.sh" >&2
  exit 1
fi
echo "check-bindings: ui/src/lib/bindings matches the Rust types"
