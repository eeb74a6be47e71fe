#!/usr/bin/env bash
# The compatibility report: builds each hosted-portal repository given (bash scripts/compat.sh
# DIR...) with this project, and, where ../shared/baseline/hosted-portal/build.sh (or
# $SCC_BASELINE/build.sh) and Jekyll are at hand, with real Jekyll and the real theme; then prints,
# per repository, the documents found, the pages written, the pages whose Markdown body equals the
# reference build's (tests/corpus compares them), the share of the words of Jekyll's pages found
# in ours, and the warnings by kind.
#   bash scripts/compat.sh ../shared/corpus/*/
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"
[ $# -gt 0 ] || { echo "usage: bash scripts/compat.sh DIR..."; exit 2; }
baseline="${SCC_BASELINE:-../shared/baseline/hosted-portal}"
out=target/compat
rm -rf "$out" && mkdir -p "$out/built" "$out/reference"
bash scripts/setup.sh >/dev/null

can_compare=no
if [ -f "$baseline/build.sh" ] && command -v jekyll >/dev/null; then can_compare=yes; fi

declare -A documents pages
for repo in "$@"; do
  repo="$(cd "$repo" && pwd)"
  name="$(basename "$repo")"
  [ -f "$repo/_config.yml" ] || { echo "skipped $repo: no _config.yml"; continue; }
  log="$out/$name.log"
  if ! SCC_CONTENT="$repo" trunk build --release --dist "$out/built/$name" >"$log" 2>&1; then
    echo "== $name: the build failed"; grep -E ": error: " "$log" | head -20
    documents[$name]="-"; pages[$name]="failed"; continue
  fi
  line="$(grep -E "^content ok" "$log")"
  documents[$name]="$(sed -E 's/^content ok: ([0-9]+) documents.*/\1/' <<<"$line")"
  pages[$name]="$(sed -E 's/^content ok: [0-9]+ documents, ([0-9]+) pages.*/\1/' <<<"$line")"
  if [ "$can_compare" = yes ]; then
    bash "$baseline/build.sh" "$repo" "$out/reference/$name" >"$out/$name.reference.log" 2>&1 \
      || echo "note: the reference build of $name failed (see $out/$name.reference.log)"
  fi
done

declare -A equal different recall
if [ "$can_compare" = yes ]; then
  SCC_CORPUS_REPORT=1 SCC_CORPUS_BUILT="$out/built" SCC_CORPUS_REFERENCE="$out/reference" \
    cargo test --quiet --locked --profile tool --features ssr --test corpus -- --nocapture \
    every_covered_page >"$out/compare.log" 2>&1 || { cat "$out/compare.log"; exit 1; }
  while read -r json; do
    name="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["repo"])' "$json")"
    equal[$name]="$(python3 -c 'import json,sys; r=json.loads(sys.argv[1]); print(r["bodies_equal"])' "$json")"
    different[$name]="$(python3 -c 'import json,sys; r=json.loads(sys.argv[1]); print(r["bodies_different"])' "$json")"
    recall[$name]="$(python3 -c 'import json,sys; r=json.loads(sys.argv[1]); print("%.2f %%" % (100 * r["text_recall"]))' "$json")"
  done < <(sed -n 's/^REPORT //p' "$out/compare.log")
fi

echo
echo "| repository | documents | pages written | bodies equal to Jekyll's | words of Jekyll's pages found | warnings |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
for repo in "$@"; do
  name="$(basename "$(cd "$repo" && pwd)")"
  [ -n "${pages[$name]:-}" ] || continue
  warnings="$(grep -cE ": warning: " "$out/$name.log" || true)"
  if [ -n "${equal[$name]:-}" ]; then
    total=$(( ${equal[$name]} + ${different[$name]} ))
    bodies="${equal[$name]} of $total ($(( total > 0 ? 100 * ${equal[$name]} / total : 100 ))%)"
  else
    bodies="(no reference build)"
  fi
  echo "| $name | ${documents[$name]} | ${pages[$name]} | $bodies | ${recall[$name]:--} | $warnings |"
done

for repo in "$@"; do
  name="$(basename "$(cd "$repo" && pwd)")"
  [ -f "$out/$name.log" ] || continue
  echo
  echo "$name, warnings by kind:"
  { grep -E ": warning: " "$out/$name.log" || true; } | sed -E 's/^.*: warning: //; s/`[^`]*`/`…`/g' \
    | sort | uniq -c | sort -rn | sed 's/^/  /'
done
if [ "$can_compare" = yes ] && grep -qE "^(DIFFERENT|BODY DIFFERS) " "$out/compare.log"; then
  echo
  echo "what differs from Jekyll's:"
  sed -nE 's/^(DIFFERENT|BODY DIFFERS) /  /p' "$out/compare.log"
fi
