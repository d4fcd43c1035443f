#!/usr/bin/env bash
# Runs every test, installing what is missing first: model tests on the host, component tests
# in headless Chromium, the release build, end-to-end tests with a real mouse, and the exports
# loaded by the real consumer tools in a Python venv.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# What the tests write to temporary files and folders (theirs, the browser's profiles) goes into
# one folder for this run, removed when it ends, so runs never pile up in /tmp.
TMPDIR="$(mktemp -d -t claimmark-test.XXXXXX)"
export TMPDIR
trap 'rm -rf "$TMPDIR"' EXIT
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "formatting"
cargo fmt --all -- --check

step "host tests: model, actions, codecs, offsets"
cargo test --locked

step "component tests in headless Chromium (wasm-bindgen-test)"
CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver} \
  cargo test --locked --target wasm32-unknown-unknown --test browser

step "release build: web app (trunk build --release) and command line; the 1 MB test document"
trunk build --release
cargo build --locked --release --bin claimmark
cargo run --locked --quiet --release --example bench-corpus -- target/bench-data >/dev/null

step "end-to-end tests in headless Chromium (playwright-core)"
node --test --test-concurrency=1 e2e/

step "the real consumers: spaCy, W3C schemas, brat, Label Studio, doccano shapes (Python)"
CLAIMMARK_BIN=target/release/claimmark scripts/consumers.sh
