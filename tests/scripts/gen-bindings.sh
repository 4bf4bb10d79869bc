#!/usr/bin/env bash
# Generates the UI's TypeScript types from the Rust types (ts-rs) into ui/src/lib/bindings/
# (or into the folder given as $1). The folder is replaced as a whole, so a type that no
# longer exists in Rust disappears from the UI too.
#
# Sources: attache-engine and attache-vault (`ts` feature) and the desktop shell's command
# types (AppError, ErrorCode, DraftRequest, …; needs the GTK/WebKit -dev packages).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
OUT="${1:-$ROOT/ui/src/lib/bindings}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export TS_RS_EXPORT_DIR="$tmp"
for crate in attache-engine attache-vault attache-desktop; do
  timeout 1200 cargo test --quiet -p "$crate" --features ts --lib export_bindings >/dev/null
done
n=$(find "$tmp" -name '*.ts' | wc -l)
[[ $n -gt 0 ]] || { echo "gen-bindings: ts-rs wrote no files" >&2; exit 1; }
mkdir -p "$OUT"
find "$OUT" -maxdepth 1 -name '*.ts' -delete
cp "$tmp"/*.ts "$OUT"/
echo "gen-bindings: $n types written to ${OUT#$ROOT/}"
