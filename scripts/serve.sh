#!/usr/bin/env bash
# Installs what is missing, builds the release app with Trunk (`trunk build --release` → dist/)
# and serves dist/ on http://127.0.0.1:8080 (PORT=… to change) with scripts/serve.mjs, the server
# the tests use, so this is the app exactly as tested, offline worker included. The seed article
# is built in: the page opens on it. For development, `trunk serve` rebuilds on save instead.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release
exec node scripts/serve.mjs
