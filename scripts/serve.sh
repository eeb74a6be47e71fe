#!/usr/bin/env bash
# Sets up whatever is missing (scripts/setup.sh), then serves the site at http://127.0.0.1:8080/
# with `trunk serve`: saving a file under src/, content/ or style/ rebuilds and reloads the page.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/setup.sh
exec trunk serve "$@"
