#!/usr/bin/env bash
# Sets up whatever is missing (scripts/setup.sh), then runs every test: formatting and lints, the
# content compiler's unit tests, a release build of the site with trunk, and the browser tests
# (headless Chromium) against that build.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/setup.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "formatting (cargo fmt --check)"
cargo fmt --all -- --check

step "lints (cargo clippy)"
cargo clippy --locked --features compiler --all-targets -- -D warnings

step "unit tests: content compiler, routes, URLs"
cargo test --locked --features compiler --lib --bins

step "release build (trunk build --release)"
trunk build --release

step "browser tests (headless Chromium against dist/)"
cargo test --locked --features compiler --test browser -- --test-threads=2
