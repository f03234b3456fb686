#!/usr/bin/env bash
# The embedded example (embedded/pendulum-ekf, a standalone no_std crate):
# formatting, clippy, host tests of its numbers, and a release build for a
# Cortex-M4F (thumbv7em-none-eabihf). Called from .ci/run; runs alone too:
#   bash .ci/embedded.sh
set -euo pipefail
cd "$(dirname "$0")/.."

manifest=embedded/pendulum-ekf/Cargo.toml
target=thumbv7em-none-eabihf
step() { printf '\n=== embedded: %s ===\n' "$*"; }

step "cargo fmt --check"
cargo fmt --manifest-path "$manifest" -- --check

step "clippy (all targets, -D warnings)"
cargo clippy --manifest-path "$manifest" --all-targets -- -D warnings

step "host tests"
cargo test --manifest-path "$manifest"

step "release build for $target"
if rustup target list --installed 2>/dev/null | grep -qx "$target" || rustup target add "$target"; then
  cargo build --manifest-path "$manifest" --release --target "$target"
else
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2
  echo "!!! WARNING: could not install $target; embedded cross build NOT checked" >&2
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2
fi

echo
echo "embedded checks passed"
