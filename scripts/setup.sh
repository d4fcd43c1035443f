#!/usr/bin/env bash
# Installs what claimmark's build (and, with --browser, its tests) need on a Debian machine
# with rustup, skipping whatever is already present. Safe to run any number of times. The web
# app is then built with `trunk build --release` (or `trunk serve`), with ./node_modules/.bin
# first on PATH for binaryen's wasm-opt.
set -euo pipefail
cd "$(dirname "$0")/.."

with_browser=false
[[ "${1:-}" == "--browser" ]] && with_browser=true

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

command -v cargo >/dev/null || { echo "setup: cargo not found; install Rust with rustup first" >&2; exit 1; }
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The CLI must be exactly the version of the wasm-bindgen crate pinned in Cargo.toml.
bindgen_version=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)
if [[ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $bindgen_version" ]]; then
  say "installing wasm-bindgen-cli $bindgen_version (about 2 minutes)"
  cargo install wasm-bindgen-cli --version "$bindgen_version" --force
fi

# Trunk builds the web app (index.html, Trunk.toml), at the version Trunk.toml asks for.
trunk_version=$(sed -n 's/^trunk-version = "^\(.*\)"/\1/p' Trunk.toml)
if [[ "$(trunk --version 2>/dev/null || true)" != "trunk $trunk_version" ]]; then
  say "installing Trunk $trunk_version (7-10 minutes on two cores)"
  cargo install --locked trunk --version "$trunk_version"
fi
# Trunk.toml's [tools] name the versions Trunk must find on PATH (offline = true: it never
# downloads one): the wasm-bindgen pinned in Cargo.toml and the wasm-opt of binaryen in package.json.
wasm_opt_version=$(sed -n 's/.*"binaryen": "\([0-9]*\)\..*/\1/p' package.json)
for pin in "wasm_bindgen = \"$bindgen_version\"" "wasm_opt = \"version_$wasm_opt_version\""; do
  grep -qxF "$pin" Trunk.toml || { echo "setup: Trunk.toml's [tools] should say: $pin" >&2; exit 1; }
done
# Trunk runs cargo --offline: the crates must be here first.
cargo fetch --locked

# Node tools (wasm-opt from binaryen, the e2e driver) live in ./node_modules, pinned by the lock file.
command -v npm >/dev/null || { say "installing Node.js"; as_root apt-get update -qq; as_root apt-get install -y -qq nodejs npm; }
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ "$(cat node_modules/.claimmark-lock 2>/dev/null || true)" != "$lock_sum" ]]; then
  say "installing node tools from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" > node_modules/.claimmark-lock
fi

if $with_browser && ! { command -v chromium && command -v chromedriver; } >/dev/null; then
  say "installing Debian's chromium and chromium-driver"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi
