#!/usr/bin/env bash
# Sets up whatever is missing (scripts/setup.sh), then runs every test: formatting and lints, the
# unit tests (content compiler, page data, build step), release builds of the site with trunk (at
# the domain root and under a sub-path), and the browser tests (headless Chromium) against them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/setup.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "formatting (cargo fmt --check)"
cargo fmt --all -- --check

step "lints (cargo clippy, build side and browser side)"
cargo clippy --locked --features ssr --all-targets -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --features hydrate --bin scc-site -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --features data --bin scc-data -- -D warnings

step "the code's shape: no module imports one that imports it back, no function over 120 lines"
cargo test --locked --profile tool --features ssr --test architecture

# Tests are built with the build step's own profile (`tool`, optimised): the build step is what
# they exercise, its artifacts are shared with the trunk builds below, and the pathological
# inputs are timed as the build step runs them.
step "unit tests: content compiler (with its property tests), page data, build step"
cargo test --locked --profile tool --features ssr --lib --bins

step "kramdown conformance: kramdown's own testcases and the About page"
cargo test --locked --profile tool --features ssr --test conformance -- --nocapture

step "hostile inputs: none hangs, crashes or exhausts memory (limit: ten times the goal; scripts/bench_pathological.sh measures the goal)"
cargo test --locked --profile tool --features ssr --test pathological

step "hostile repositories: each ends, built or refused at its line, within 10 s and 1 GB"
cargo test --locked --profile tool --features ssr --test hostile

step "release builds: for the domain root (dist/) and for the sub-path /scc/ (target/dist-scc/)"
trunk build --release
trunk build --release --public-url /scc/ --dist target/dist-scc

step "a generated site of 40 pages in each language (target/scale-40/)"
python3 scripts/scale/generate_pages.py 40 target/scale-40
SCC_CONTENT=target/scale-40/site trunk build --release --dist target/scale-40/dist

step "a hosted-portal repository of every layout and block (tests/fixtures/portal -> target/fixture-portal/), its live counts asking the browser tests' stand-in GBIF API"
SCC_GBIF_API=http://127.0.0.1:8731/v1 SCC_GBIF_TILES=http://127.0.0.1:8731/tiles SCC_CONTENT=tests/fixtures/portal trunk build --release --dist target/fixture-portal

step "a repository with GBIF's widgets on its data pages (tests/fixtures/widgets -> target/fixture-widgets/)"
SCC_CONTENT=tests/fixtures/widgets trunk build --release --dist target/fixture-widgets

step "browser tests (headless Chromium against dist/)"
cargo test --locked --profile tool --features ssr --test browser -- --test-threads=2
