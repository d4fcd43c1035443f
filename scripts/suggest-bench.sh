#!/usr/bin/env bash
# The suggestion benchmark (not a test): scores the suggestion engine against the hand-annotated
# texts of tests/data/suggest/ (tune/ and the held-out heldout/) before learning and after the
# first 10 answers, and times it over the 1 MB benchmark document, in a release build. Prints a
# Markdown table, headed by the machine and the date. Arguments go to the example
# (`--only tune`, `--verbose`: each suggestion beside the gold annotation it meets).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
cargo build --quiet --locked --release --example suggest-bench
cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || true)
echo "Measured $(date -u +%F) on ${cpu:-$(uname -m)} ($(nproc) cores), $(rustc --version | cut -d' ' -f1-2), release build."
echo
target/release/examples/suggest-bench "$@"
