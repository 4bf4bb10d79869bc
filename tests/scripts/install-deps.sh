#!/usr/bin/env bash
# Installs what building, running and testing Attaché needs on a Debian/Ubuntu machine, and
# nothing that is already there. Idempotent. Usage: install-deps.sh [system|ui|driver|all]
set -euo pipefail
cd "$(dirname "$0")/../.."

what=${1:-all}

# Debian packages: the Tauri/WebKitGTK build, a virtual display and WebDriver for the real
# window, a session bus for single-instance, ImageMagick for screenshots, Chromium for the
# UI's browser tests.
PKGS=(
  build-essential pkg-config curl file
  libwebkit2gtk-4.1-dev libjavascriptcoregtk-4.1-dev libsoup-3.0-dev libgtk-3-dev
  libayatana-appindicator3-dev librsvg2-dev libssl-dev libxdo-dev
  xvfb xauth webkit2gtk-driver dbus imagemagick chromium python3
)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

system() {
  local missing=()
  for p in "${PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: system packages already installed"
    return
  fi
  echo "install-deps: installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

ui() {
  command -v npm >/dev/null || { echo "install-deps: npm is missing: install Node.js 20 and npm first" >&2; exit 1; }
  if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
    (cd ui && npm ci --no-audit --no-fund)
  else
    echo "install-deps: ui/node_modules is up to date"
  fi
}

driver() {
  if command -v tauri-driver >/dev/null || [ -x "$HOME/.cargo/bin/tauri-driver" ]; then
    echo "install-deps: tauri-driver already installed"
  else
    cargo install tauri-driver --locked
  fi
}

case "$what" in
  system) system ;;
  ui) ui ;;
  driver) driver ;;
  all) system; ui; driver ;;
  *) echo "usage: $0 [system|ui|driver|all]" >&2; exit 2 ;;
esac
