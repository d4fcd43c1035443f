#!/usr/bin/env bash
# Proof by the real consumers: loads claimmark's exports with spaCy, the W3C Web Annotation
# test suite's JSON Schemas, pybrat and label-studio-converter (tests/consumers/).
#
# Idempotent. Keeps a venv in .venv-consumers/ and installs tests/consumers/requirements.lock
# (every package, transitive ones too, pinned with its hashes by pip-compile from
# requirements.in) into it only when that file (or the Python version) changed; a first install
# takes about a minute. To change a version: edit requirements.in, then
#   pip-compile --generate-hashes --allow-unsafe --strip-extras \
#     --output-file tests/consumers/requirements.lock tests/consumers/requirements.in
# The CLI under test is $CLAIMMARK_BIN, else target/release/claimmark, built with cargo
# when missing. Extra arguments go to pytest (e.g. -k w3c, -x).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
say() { printf '\033[1mconsumers:\033[0m %s\n' "$*"; }

venv=.venv-consumers
requirements=tests/consumers/requirements.lock
python=${PYTHON:-python3}

if ! "$venv/bin/python" -c 'import sys' 2>/dev/null; then
  say "creating $venv"
  rm -rf "$venv"
  if ! "$python" -m venv "$venv"; then
    # Debian's python3 needs python3-venv for ensurepip.
    if command -v apt-get >/dev/null && [[ $(id -u) -eq 0 ]]; then
      rm -rf "$venv"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
      "$python" -m venv "$venv"
    else
      echo "consumers: '$python -m venv' failed (on Debian: apt-get install python3-venv)" >&2
      exit 1
    fi
  fi
fi

stamp="$venv/.requirements.sha256"
want=$({ sha256sum "$requirements"; "$venv/bin/python" -c 'import sys; print(sys.version)'; } | sha256sum | cut -d' ' -f1)
if [[ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]]; then
  say "installing $requirements"
  rm -f "$stamp"
  "$venv/bin/python" -m pip install --disable-pip-version-check -q --require-hashes --no-deps -r "$requirements"
  echo "$want" > "$stamp"
fi

if [[ -n "${CLAIMMARK_BIN:-}" ]]; then
  bin=$CLAIMMARK_BIN
else
  bin=target/release/claimmark
  if [[ ! -x "$bin" ]]; then
    say "building $bin"
    cargo build --release --bin claimmark
  fi
fi
[[ -x "$bin" ]] || { echo "consumers: claimmark CLI not found at $bin" >&2; exit 1; }
CLAIMMARK_BIN=$(realpath "$bin")
export CLAIMMARK_BIN

say "testing $CLAIMMARK_BIN"
export PYTHONDONTWRITEBYTECODE=1
exec "$venv/bin/python" -m pytest -q -p no:cacheprovider tests/consumers "$@"
