#!/usr/bin/env bash
# Measures the edit loop as an editor lives it: the development server (scripts/serve.sh) on a
# copy of a hosted-portal repository (BENCH_REPO, default ../shared/corpus/hp-specify), a page
# open in headless Chromium, ten saves each of a page, a stylesheet and a data file, each timed
# from the file's write to the browser showing the change, and the same page edit rebuilt by
# real Jekyll with the theme; prints the medians (tests/bench_edit.rs). The first run builds the
# app in debug, which takes a few minutes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"
bash scripts/setup.sh >/dev/null
cargo test --quiet --locked --profile tool --features ssr --test bench_edit
