#!/usr/bin/env bash
# Measures the content compiler on hostile inputs against its goal: every input of N bytes in at
# most 0.05 s + 1 s per MB, and at most 100 MB + 50 x N of memory. Runs the cases of
# tests/pathological (every case seen in issue 9, cmark's pathological tests, deep nesting) at
# each size given (default: 100 KB and 1 MB), each compiled and drawn as the build does, and
# prints a table per size: time, peak memory (counted by the allocator), goal, and what the
# compiler made of it. Cases over the goal are marked.
#
# Usage: scripts/bench_pathological.sh [SIZE ...]     e.g. 100000 1000000 4000000
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)
cargo test --locked --profile tool --features ssr --test pathological --no-run >/dev/null 2>&1
bin=$(cargo test --locked --profile tool --features ssr --test pathological --no-run --message-format=json 2>/dev/null \
  | python3 -c 'import json,sys; print([m["executable"] for m in map(json.loads, sys.stdin) if m.get("executable") and m["target"]["name"] == "pathological"][-1])')
for size in "${sizes[@]}"; do
  printf '\n## Inputs of about %s bytes\n\n' "$size"
  # A generous hang limit: the table is the measurement, not the test.
  PATHOLOGICAL_SIZE=$size PATHOLOGICAL_REPORT=1 PATHOLOGICAL_LIMIT=120 "$bin" --nocapture --test-threads=1 2>/dev/null \
    | grep '^|' | awk -F'|' 'NR <= 2 { print; next } { over = ($4 + 0 > $5 + 0 || $6 + 0 > $7 + 0) ? " **over the goal**" : ""; print $0 over }' || true
done
