#!/usr/bin/env bash
# The performance benchmark (not a test): builds the release app (Trunk), generates the benchmark
# documents (10 KB / 100 KB / 1 MB with 50 / 1 000 / 10 000 annotations), drives headless
# Chromium through import, a mouse-drawn annotation and exports, and prints medians of 5 runs
# (BENCH_RUNS=… to change). The table also lands in bench/results/latest.md.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release
cargo run --quiet --release --example bench-corpus -- bench/data
node bench/run.mjs
