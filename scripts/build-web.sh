#!/usr/bin/env bash
# Builds the release web app into ./dist: wasm (optimised by wasm-opt), its JS glue, the
# static files, and last the service worker that caches all of them (scripts/make-sw.mjs).
# Run scripts/setup.sh first (serve.sh and test.sh do).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

cargo build --release --target wasm32-unknown-unknown --bin claimmark-web
rm -rf dist
mkdir -p dist
wasm-bindgen --target web --no-typescript --out-dir dist --out-name claimmark \
  target/wasm32-unknown-unknown/release/claimmark-web.wasm
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  dist/claimmark_bg.wasm -o dist/claimmark_bg.wasm
cp static/* dist/
node scripts/make-sw.mjs dist
echo "build-web: dist/ is ready ($(du -k dist/claimmark_bg.wasm | cut -f1) KB of wasm)"
