#!/usr/bin/env bash
# The performance benchmark (not a test): builds the release app (Trunk), generates the benchmark
# documents (10 KB / 100 KB / 1 MB with 50 / 1 000 / 10 000 annotations) and runs bench/run.mjs:
# the first and second visits on a slow network, the bytes of every file, the first import of
# each document, placing 10 000 annotations on edited versions of the 1 MB text, and 20
# annotations made by hand in it. Medians of 5 runs (BENCH_RUNS=… to change); the table, with
# the machine and the date, also lands in bench/results/latest.md.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release
cargo run --quiet --release --example bench-corpus -- bench/data
node bench/run.mjs
