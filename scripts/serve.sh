#!/usr/bin/env bash
# Sets up whatever is missing (scripts/setup.sh), then serves the site at http://127.0.0.1:8080/
# for editing. Two watchers, so that a save does only the work it needs:
# - the content rebuilder (`build_site --watch`) watches the site's folder and style/: a saved
#   page, data file, setting or stylesheet is rebuilt into dist/ in a fraction of a second, and
#   the open page reloads; a content error is printed with its file:line:column and the last
#   good site stays served;
# - `trunk serve` watches the app's code (src/, public/, index.html, Cargo.toml, Trunk.toml) and
#   rebuilds the app, then the site, as usual.
# The site's folder is content/, or any hosted-portal repository given as
# `SCC_CONTENT=DIR bash scripts/serve.sh`. Extra arguments go to trunk serve.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/setup.sh
content="${SCC_CONTENT:-content}"
export SCC_CONTENT="$content"
cargo build --quiet --profile tool --features ssr --bin build_site
target/tool/build_site --watch --content "$content" --dist dist &
rebuilder=$!
trap 'kill "$rebuilder" 2>/dev/null || true' EXIT
trunk serve --watch src --watch public --watch index.html --watch Cargo.toml --watch Trunk.toml "$@"
