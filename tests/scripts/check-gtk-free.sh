#!/usr/bin/env bash
# The default members (engine, vault, CLI, tests) must build without GTK/WebKit: their
# dependency tree may not contain gtk, webkit2gtk or javascriptcore crates.
set -euo pipefail
cd "$(dirname "$0")/../.."
tree=$(cargo tree --edges normal,build,dev --prefix none --workspace --exclude attache-desktop)
bad=$(grep -E '^(gtk|gdk|webkit2gtk|javascriptcore)[-a-z0-9]* ' <<<"$tree" | sort -u || true)
if [ -n "$bad" ]; then
  echo "check-gtk-free: the default members depend on GTK/WebKit crates:" >&2
  echo "$bad" >&2
  exit 1
fi
n=$(sort -u <<<"$tree" | wc -l)
echo "check-gtk-free: ok ($n crates in the default members' tree, none of gtk/webkit2gtk/javascriptcore)"
