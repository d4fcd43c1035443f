#!/usr/bin/env bash
# Renders static/favicon.svg into the PNG app icons the web app manifest lists (192 and 512
# pixels, transparent corners) with headless Chromium. The PNGs are committed, so the build never
# needs a browser; run this again only after changing the favicon.
set -euo pipefail
cd "$(dirname "$0")/.."
for size in 192 512; do
  chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking \
    --disable-component-update --no-first-run --disable-sync --hide-scrollbars \
    --default-background-color=00000000 --window-size="$size,$size" \
    --screenshot="$PWD/static/icon-$size.png" "file://$PWD/static/favicon.svg" 2>/dev/null
done
file static/icon-*.png
