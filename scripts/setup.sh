#!/usr/bin/env bash
# Installs what claimmark's build (and, with --browser, its tests) need on a Debian machine
# with rustup, skipping whatever is already present. Safe to run any number of times.
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
