#!/usr/bin/env bash
# Renders icons/icon.svg (drawn by us) into every size Tauri's bundler needs.
# Needs `rsvg-convert` (Debian `librsvg2-bin`) and ImageMagick; `png2icns` (Debian
# `icnsutils`) is used for icon.icns when present.
set -euo pipefail
cd "$(dirname "$0")/../../icons"
convert=/usr/bin/convert   # the PATH `convert` may be a stand-in on CI machines
rsvg-convert -w 1024 -h 1024 icon.svg -o icon-1024.png
png() { "$convert" icon-1024.png -resize "$1x$1" -strip "PNG32:$2"; }
png 512 icon.png
png 32 32x32.png
png 128 128x128.png
png 256 128x128@2x.png
for s in 16 24 48 64 256; do png "$s" "tmp-$s.png"; done
"$convert" tmp-16.png tmp-24.png 32x32.png tmp-48.png tmp-64.png tmp-256.png icon.ico
if command -v png2icns >/dev/null; then
  png 16 tmp-icns-16.png; png 48 tmp-icns-48.png
  png2icns icon.icns tmp-icns-16.png 32x32.png tmp-icns-48.png 128x128.png tmp-256.png icon.png >/dev/null
fi
rm -f tmp-*.png icon-1024.png
ls -l
