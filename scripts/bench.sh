#!/usr/bin/env bash
# The speed benchmark: builds the release site, prints the size of every file a visitor may
# download (raw, gzip, brotli), then measures the site with the measurement harness in
# ../shared/tools (Lighthouse mobile and desktop, load timings, axe), side by side with the same
# About page built as a plain static Jekyll site (../shared/baseline/jekyll-about), then
# Lighthouse mobile on every page type (the home and About pages, the test portal's composition,
# news, post and documentation pages).
#
# Usage: scripts/bench.sh [--no-build]
#   TOOLS=dir      the harness (default ../shared/tools beside the repository)
#   BASELINE=dir   the Jekyll baseline sources (default ../shared/baseline/jekyll-about)
#   RUNS=n         load-timing runs per site (default 7); LH_RUNS=n Lighthouse runs (default 3)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"
TOOLS="${TOOLS:-$root/../shared/tools}"
BASELINE="${BASELINE:-$root/../shared/baseline/jekyll-about}"
RUNS="${RUNS:-7}"
export LH_RUNS="${LH_RUNS:-3}"
out="$root/target/bench"
mkdir -p "$out"

[ -x "$TOOLS/lighthouse.sh" ] || { echo "bench: no measurement harness at $TOOLS (set TOOLS=...)" >&2; exit 2; }

if [ "${1:-}" != "--no-build" ]; then
  bash scripts/setup.sh
  trunk build --release
fi

echo "## Files (bytes)"
python3 - "$root/dist" <<'PY'
import gzip, os, subprocess, sys
dist = sys.argv[1]
rows = []
for folder, _, files in os.walk(dist):
    for name in files:
        if name.endswith((".br", ".gz")) or name == "_headers":
            continue
        path = os.path.join(folder, name)
        raw = os.path.getsize(path)
        # gzip as hosts compress on the fly (the build writes only .br).
        with open(path, "rb") as f:
            gz = len(gzip.compress(f.read(), 9))
        br = os.path.getsize(path + ".br") if os.path.exists(path + ".br") else None
        rows.append((os.path.relpath(path, dist), raw, gz, br))
rows.sort(key=lambda r: -r[1])
print(f"| file | raw | gzip | brotli |\n| --- | ---: | ---: | ---: |")
for name, raw, gz, br in rows:
    print(f"| {name} | {raw} | {gz if gz is not None else '-'} | {br if br is not None else '-'} |")
app = [r for r in rows if r[0].endswith((".wasm", ".js"))]
print(f"\napp (WebAssembly + JavaScript): {sum(r[1] for r in app)} raw, "
      f"{sum(r[2] for r in app)} gzip, {sum(r[3] for r in app)} brotli")
PY

echo
echo "## The static Jekyll baseline"
peer="$out/jekyll-about"
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
command -v jekyll >/dev/null || as_root apt-get install -y -qq jekyll >/dev/null || true
if command -v jekyll >/dev/null && bash "$BASELINE/build.sh" "$peer" 2>/dev/null; then
  echo "built $peer"
else
  echo "bench: could not build the Jekyll baseline; measuring the site alone" >&2
  peer=""
fi

measure() {
  local name="$1" dist="$2"
  bash "$TOOLS/lighthouse.sh" "$dist" / > "$out/$name-lighthouse.json" 2>/dev/null || true
  bash "$TOOLS/loadtime.sh" "$dist" / "$RUNS" > "$out/$name-loadtime.json" 2>/dev/null || true
  LOAD_THROTTLE=mobile bash "$TOOLS/loadtime.sh" "$dist" / "$RUNS" > "$out/$name-loadtime-mobile.json" 2>/dev/null || true
}
measure site "$root/dist"
[ -n "$peer" ] && measure jekyll "$peer"
for path in / /data/ /no-such-page/; do
  bash "$TOOLS/axe.sh" "$root/dist" "$path" > "$out/axe-$(echo "$path" | tr -c 'a-z\n' '_').json" 2>/dev/null || true
done

python3 - "$out" "${peer:+jekyll}" <<'PY'
import glob, json, os, sys
out, has_peer = sys.argv[1], len(sys.argv) > 2 and sys.argv[2]
def load(name):
    try:
        return json.load(open(os.path.join(out, name)))
    except Exception:
        return {}
def lh(site, form, key):
    return load(f"{site}-lighthouse.json").get(form, {}).get("median", {}).get(key, "-")
def lt(site, key, mobile=False):
    data = load(f"{site}-loadtime{'-mobile' if mobile else ''}.json")
    return data.get("median", data).get(key, "-")
sites = ["site"] + (["jekyll"] if has_peer else [])
print("\n## Speed (medians)\n")
print("| measure | " + " | ".join({"site": "this site", "jekyll": "static Jekyll"}[s] for s in sites) + " |")
print("| --- |" + " ---: |" * len(sites))
rows = [
    ("Lighthouse mobile: performance", lambda s: lh(s, "mobile", "performance")),
    ("Lighthouse mobile: accessibility", lambda s: lh(s, "mobile", "accessibility")),
    ("Lighthouse mobile: best practices", lambda s: lh(s, "mobile", "best_practices")),
    ("Lighthouse mobile: SEO", lambda s: lh(s, "mobile", "seo")),
    ("mobile FCP (ms, simulated slow 4G)", lambda s: lh(s, "mobile", "fcp_ms")),
    ("mobile LCP (ms, simulated slow 4G)", lambda s: lh(s, "mobile", "lcp_ms")),
    ("mobile TBT (ms)", lambda s: lh(s, "mobile", "tbt_ms")),
    ("mobile CLS", lambda s: lh(s, "mobile", "cls")),
    ("mobile bytes transferred", lambda s: lh(s, "mobile", "total_bytes")),
    ("Lighthouse desktop: performance", lambda s: lh(s, "desktop", "performance")),
    ("desktop LCP (ms)", lambda s: lh(s, "desktop", "lcp_ms")),
    ("main content painted (ms, unthrottled)", lambda s: lt(s, "main_visible_ms")),
    ("LCP (ms, unthrottled)", lambda s: lt(s, "lcp_ms")),
    ("main content painted (ms, DevTools mobile throttling)", lambda s: lt(s, "main_visible_ms", True)),
    ("first-load bytes (loadtime)", lambda s: lt(s, "transferred_bytes")),
]
for label, value in rows:
    print(f"| {label} | " + " | ".join(str(value(s)) for s in sites) + " |")
print("\n## Accessibility (axe-core)\n")
for f in sorted(glob.glob(os.path.join(out, "axe-*.json"))):
    data = json.load(open(f))
    from urllib.parse import urlparse
    print(f"- {urlparse(data.get('url', '')).path}: {data.get('violations', '?')} violations, "
          f"{data.get('passes', '?')} rules passed, page errors: {data.get('page_errors', [])}")
print(f"\nRaw results: {out}")
PY

# Every page type, Lighthouse mobile (LH_RUNS runs each): this site's home, About and site index pages, and
# the test portal's composition, news, post and documentation pages (built if missing).
echo
echo "## Every page type, Lighthouse mobile ($LH_RUNS runs each)"
if [ ! -f target/fixture-portal/index.html ]; then
  SCC_CONTENT=tests/fixtures/portal trunk build --release --dist target/fixture-portal >/dev/null 2>&1
fi
for entry in "dist /" "dist /about/" "dist /search/" "target/fixture-portal /compose/" "target/fixture-portal /news/" \
             "target/fixture-portal /post/2021/workshop/" "target/fixture-portal /docs/intro"; do
  set -- $entry
  LH_FORM_FACTORS=mobile bash "$TOOLS/lighthouse.sh" "$1" "$2" > "$out/types-$(echo "$2" | tr -c 'a-z0-9\n' '_').json" 2>/dev/null || true
done
python3 - "$out" <<'PY'
import glob, json, os, sys
out = sys.argv[1]
print("\n| page | performance, each run | TBT median | LCP median | runs with LCP ≤ 1.0 s |")
print("| --- | --- | ---: | ---: | ---: |")
for f in sorted(glob.glob(os.path.join(out, "types-*.json")), key=os.path.getmtime):
    data = json.load(open(f))
    mobile = data.get("mobile", {})
    runs = mobile.get("runs", [])
    median = mobile.get("median", {})
    from urllib.parse import urlparse
    fast = sum(1 for r in runs if r.get("lcp_ms", 1e9) <= 1000)
    print(f"| {urlparse(data.get('url', '')).path} | {', '.join(str(r.get('performance')) for r in runs)} "
          f"| {median.get('tbt_ms', '-')} ms | {median.get('lcp_ms', '-')} ms | {fast} of {len(runs)} |")
PY
