#!/usr/bin/env bash
# Measures what the shipped bundle cannot go below with this stack (not a test): a minimal Yew
# app alone, and the same app with claimmark's model (its main features, no other user
# interface) behind its button; what the program leaves out would only add to the floor. Each is
# built like the app (release, wasm-bindgen, wasm-opt -Oz with the features index.html gives
# Trunk) and gzipped like the benchmark's bundle figure. Prints a table to compare with the
# 200 KB target of issue 5.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release

out=target/bundle-floor
mkdir -p "$out"
(cd bench/bundle-floor && cargo build --quiet --release --target wasm32-unknown-unknown \
  --target-dir "../../$out/cargo")

features="--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue"
# Gzipped size in bytes, by the same zlib (level 9) as bench/run.mjs, so the figures compare.
gz() { node -e 'const z = require("node:zlib"), fs = require("node:fs");
  process.stdout.write(String(z.gzipSync(fs.readFileSync(process.argv[1]), { level: 9 }).length))' "$1"; }
kb() { awk -v b="$1" 'BEGIN { printf "%.0f KB", b / 1024 }'; }

# Builds one program (by its wasm file's stem) into $out/<name>/ and prints the gzipped size of
# its wasm + JS in bytes.
bundle_of() {
  local wasm=$out/cargo/wasm32-unknown-unknown/release/$1.wasm name=${1//-/_}
  wasm-bindgen --target web --no-typescript --out-dir "$out/$name" --out-name "$name" "$wasm"
  # shellcheck disable=SC2086
  wasm-opt -Oz $features "$out/$name/${name}_bg.wasm" -o "$out/$name/${name}_bg.wasm"
  echo $(( $(gz "$out/$name/${name}_bg.wasm") + $(gz "$out/$name/$name.js") ))
}

yew=$(bundle_of yew-minimal)
both=$(bundle_of yew-with-model)
css=$(gz static/style.css)
# Counted as scripts/bench.sh counts the bundle: every .wasm, .js and .css file in dist/.
shipped=0
for file in dist/*.wasm dist/*.js dist/*.css; do shipped=$(( shipped + $(gz "$file") )); done

echo
echo "| part (gzip -9) | size |"
echo "| --- | --- |"
echo "| minimal Yew app (wasm + JS) | $(kb "$yew") |"
echo "| style.css | $(kb "$css") |"
echo "| the same app calling the model's main features (wasm + JS) | $(kb "$both") |"
echo "| floor: that app + style.css, before any of claimmark's components | $(kb $(( both + css ))) |"
echo "| claimmark as shipped (every .wasm, .js, .css in dist/) | $(kb "$shipped") |"
echo "| target (issue 5) | 200 KB |"
