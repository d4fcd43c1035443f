#!/usr/bin/env bash
# Fuzzes every importer and the command line with cargo-fuzz (libFuzzer, nightly toolchain):
# SECONDS_EACH (default 600) per target, two at a time. Prints executions and findings per
# target; crashes land in fuzz/artifacts/<target>/. Not part of the test command (too long);
# the interesting inputs found are kept under tests/data/fuzz/ and replayed by tests/fuzz_corpus.rs.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
seconds=${SECONDS_EACH:-600}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
rustup toolchain list | grep -q nightly || rustup toolchain install nightly --profile minimal
# FUZZ_TARGETS="w3c brat" runs a subset.
read -r -a targets <<< "${FUZZ_TARGETS:-import_any native w3c jsonl label_studio brat exercise cli}"
mkdir -p fuzz/logs
(cd fuzz && cargo +nightly fuzz build)
run() {
  local target=$1
  mkdir -p "fuzz/corpus/$target"
  (cd fuzz && cargo +nightly fuzz run "$target" "corpus/$target" -- -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 \
    > "logs/$target.log" 2>&1) || true
  local stats
  stats=$(grep -E "^Done [0-9]+ runs" "fuzz/logs/$target.log" | tail -1)
  local crashes
  crashes=$(ls "fuzz/artifacts/$target" 2>/dev/null | wc -l)
  echo "$target: ${stats:-no summary (see fuzz/logs/$target.log)}; corpus $(ls "fuzz/corpus/$target" | wc -l) inputs; findings: $crashes"
}
for ((i = 0; i < ${#targets[@]}; i += 2)); do
  run "${targets[i]}" &
  [[ -n "${targets[i+1]:-}" ]] && run "${targets[i+1]}" &
  wait
done
