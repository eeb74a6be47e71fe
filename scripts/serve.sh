#!/usr/bin/env bash
# Sets up whatever is missing (scripts/setup.sh), then serves the site at http://127.0.0.1:8080/
# with `trunk serve`: saving a file under src/, style/ or the site's folder rebuilds and reloads
# the page. The site's folder is content/, or any hosted-portal repository given as
# `SCC_CONTENT=DIR bash scripts/serve.sh`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/setup.sh
content="${SCC_CONTENT:-content}"
export SCC_CONTENT="$content"
# trunk watches what Trunk.toml lists; a site folder elsewhere is watched too.
watch=(--watch src --watch style --watch public --watch index.html --watch Cargo.toml --watch Trunk.toml --watch "$content")
exec trunk serve "${watch[@]}" "$@"
