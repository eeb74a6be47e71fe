#!/usr/bin/env bash
# Builds every hosted-portal repository of the corpus (../shared/corpus, or $SCC_CORPUS) twice: with
# this project (`SCC_CONTENT=REPO trunk build`, into target/corpus/<repo>/) and with real Jekyll and
# the real theme (../shared/baseline/hosted-portal/build.sh, into target/corpus-reference/<repo>/),
# prints each build's warnings by kind, then compares the two page by page (tests/corpus): every
# page Jekyll writes is at Jekyll's address, at least 98 % of each repository's Markdown bodies
# equal Jekyll's, at least 97 % of the words of Jekyll's pages are in ours, and the home page's
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
for package in jekyll ruby-jekyll-feed ruby-jekyll-seo-tag ruby-kramdown-parser-gfm ruby-jekyll-sass-converter ruby-sassc; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Every repository of the corpus (each folder with a `_config.yml`).
for repo in "$corpus"/*/; do
  repo="${repo%/}"
  name="$(basename "$repo")"
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
