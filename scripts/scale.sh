#!/usr/bin/env bash
# The scale benchmark: generates N synthetic pages in English and the same N in Spanish
# (scripts/scale/generate_pages.py, next to the real pages), builds each site with trunk, and
# prints for every N the time of the build step that compiles the content and prerenders and
# compresses the pages (the Rust code is compiled once, beforehand, and not counted), the size of
# dist/, and the size of the app's .wasm and .js next to the real two-language site's.
#
# Usage: scripts/scale.sh [N ...]        default: 100 1000 5000
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000 5000)

bash scripts/setup.sh
echo "building the real site (and compiling everything once)"
trunk build --release >/dev/null 2>&1
real_wasm=$(stat -c%s dist/_app/scc-site-*_bg.wasm)
real_js=$(stat -c%s dist/_app/scc-site-*.js)

printf '\n| N per language | pages | build step | of which compression | dist/ files | dist/ size | .wasm | .js |\n'
printf '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n'
for n in "${sizes[@]}"; do
  out="target/scale-$n"
  python3 scripts/scale/generate_pages.py "$n" "$out" >/dev/null
  log="$out/build.log"
  SCC_CONTENT="$out/site" trunk build --release --dist "$out/dist" >"$log" 2>&1 || { cat "$log"; exit 1; }
  line=$(grep "content ok" "$log")
  python3 - "$line" "$out/dist" "$n" "$real_wasm" "$real_js" <<'PY'
import glob, os, re, sys
line, dist, n, real_wasm, real_js = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
pages = int(re.search(r"(\d+) pages", line).group(1))
times = {k.strip(): float(v) for k, v in re.findall(r"([a-z ]+?) (\d+\.\d+) s", line)}
total = sum(times.values())
files = size = 0
for folder, _, names in os.walk(dist):
    for name in names:
        files += 1
        size += os.path.getsize(os.path.join(folder, name))
wasm = os.path.getsize(glob.glob(os.path.join(dist, "_app", "*_bg.wasm"))[0])
js = os.path.getsize(glob.glob(os.path.join(dist, "_app", "scc-site-*.js"))[0])
pct = lambda a, b: f"{100 * (a - b) / b:+.1f} %"
print(f"| {n} | {pages} | {total:.1f} s | {times.get('compression', 0):.1f} s | {files} | {size / 1e6:.0f} MB "
      f"| {wasm} B ({pct(wasm, real_wasm)}) | {js} B ({pct(js, real_js)}) |")
PY
done
echo
echo "(the app itself: $real_wasm B of WebAssembly and $real_js B of JavaScript for the real site)"
