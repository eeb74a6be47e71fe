#!/usr/bin/env bash
# Shows what an editor sees under `trunk serve`: a content error is printed with its position,
# the last good version keeps being served, and fixing the file brings the new version. Runs
# trunk serve on port 8093, breaks content/data.md for a moment (restored on exit), and checks
# each step with curl. Takes a few minutes the first time (a debug build of the app).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

PORT=8093
LOG="$(mktemp)"
PAGE=content/data.md
BACKUP="$(mktemp)"
cp "$PAGE" "$BACKUP"
trunk serve --port "$PORT" >"$LOG" 2>&1 &
SERVER=$!
cleanup() {
    cp "$BACKUP" "$PAGE"
    kill "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
    rm -f "$BACKUP"
}
trap cleanup EXIT

# Waits until the log has grown by a line matching $1 (after line $2), for at most $3 seconds.
wait_for() {
    for _ in $(seq "$3"); do
        if tail -n +"$2" "$LOG" | grep -q -- "$1"; then return 0; fi
        sleep 1
    done
    echo "timed out waiting for: $1" >&2
    tail -n 30 "$LOG" >&2
    return 1
}
page() { curl -fsS "http://127.0.0.1:$PORT/data/"; }

wait_for "success" 1 900
page | grep -q "<h1" && echo "1. served: /data/ is up"
page | grep -q "well-known/trunk/ws" && echo "   with trunk's live-reload script, which reloads the page after each rebuild"

lines=$(wc -l <"$LOG")
printf '\n[A broken link](/nowhere)\n' >>"$PAGE"
wait_for "content/data.md:.*error" "$lines" 300
echo "2. the error, as trunk serve prints it:"
grep "content/data.md:" "$LOG" | tail -n 1 | sed 's/^/     /'
sleep 2
if page | grep -q "A broken link"; then
    echo "the broken version was served" >&2
    exit 1
fi
echo "3. the last good version is still served"

lines=$(wc -l <"$LOG")
cp "$BACKUP" "$PAGE"
printf '\nA new sentence.\n' >>"$PAGE"
wait_for "success" "$lines" 300
sleep 1
page | grep -q "A new sentence." && echo "4. fixed: the new version is served (the open page reloads itself)"
