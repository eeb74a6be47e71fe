#!/usr/bin/env bash
# Builds every hosted-portal repository of the corpus (../shared/corpus, or $SCC_CORPUS) twice: with
# this project (`SCC_CONTENT=REPO trunk build`, into target/corpus/<repo>/) and with real Jekyll and
# the real theme (../shared/baseline/hosted-portal/build.sh, into target/corpus-reference/<repo>/),
# prints each build's warnings by kind, then compares the two page by page (tests/corpus): every
# page the theme's layouts draw is at Jekyll's address with the same Markdown body, and the
# navigation and footer carry the same links. `.ci/run` runs it after the README's tests.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"
corpus="${SCC_CORPUS:-../shared/corpus}"
baseline="${SCC_BASELINE:-../shared/baseline/hosted-portal}"
[ -d "$corpus" ] || { echo "error: no corpus at $corpus (set SCC_CORPUS)"; exit 1; }

bash scripts/setup.sh
# Real Jekyll, for the reference builds (Debian's packages; build.sh names them).
missing=()
for package in jekyll ruby-jekyll-feed ruby-kramdown-parser-gfm ruby-jekyll-sass-converter ruby-sassc; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The repositories that build today. The twelve that arrived on 2026-12-06 join this list as the
# Jekyll-compatibility issue makes each of them build; then the list goes and every folder counts.
repositories=(hp-herbarium-germany hp-north-america hp-specify hp-template)

for name in "${repositories[@]}"; do
  repo="$corpus/$name"
  [ -f "$repo/_config.yml" ] || { echo "error: $repo has no _config.yml"; exit 1; }
  printf '\n\033[1m== %s\033[0m\n' "$name"
  log="target/corpus/$name.log"
  mkdir -p target/corpus
  SCC_CONTENT="$repo" trunk build --release --dist "target/corpus/$name" >"$log" 2>&1 || { cat "$log"; exit 1; }
  grep -E "^content ok" "$log"
  # Warnings by kind: the message with what is quoted in it left out.
  { grep -E ": warning: " "$log" || true; } | sed -E 's/^.*: warning: //; s/`[^`]*`/`…`/g' | sort | uniq -c | sort -rn
  bash "$baseline/build.sh" "$repo" "target/corpus-reference/$name" | tail -1
done

printf '\n\033[1m== compared with Jekyll\033[0m\n'
SCC_CORPUS_BUILT=target/corpus SCC_CORPUS_REFERENCE=target/corpus-reference \
  cargo test --locked --profile tool --features ssr --test corpus -- --nocapture
