#!/usr/bin/env bash
# Installs whatever this project needs that the machine lacks, and nothing twice: the wasm32 target,
# trunk, wasm-bindgen-cli (at exactly the version in Cargo.lock), wasm-opt (npm binaryen, never
# Debian's), Chromium, ChromeDriver and axe-core (npm) for the browser tests. Every tool comes from a package
# registry because trunk's own downloads from GitHub fail on a machine without general internet.
#
# Safe to run again: each step checks the installed version first, so a second run takes seconds.
set -euo pipefail

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0
AXE_VERSION=4.10.3
TOOLS_DIR="${SCC_TOOLS_DIR:-$HOME/.local/share/scc-site}"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
say() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }

# The one wasm-bindgen version trunk will accept is the one the app links against.
wasm_bindgen_version() {
  sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"$/\1/p;}' "$root/Cargo.lock" | head -n1
}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

ensure_apt_packages() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v python3 >/dev/null || missing+=(python3)
  command -v npm >/dev/null || missing+=(nodejs npm)
  command -v cc >/dev/null || missing+=(build-essential)
  command -v pkg-config >/dev/null || missing+=(pkg-config)
  [ -e /usr/include/openssl/ssl.h ] || missing+=(libssl-dev)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} with apt"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

ensure_rust() {
  command -v cargo >/dev/null || {
    echo "setup: cargo not found; install Rust with rustup (https://rustup.rs) first" >&2
    exit 1
  }
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (about 13 minutes on 2 cores)"
    cargo install trunk --locked --version "$TRUNK_VERSION"
  fi
}

ensure_wasm_bindgen() {
  local want
  want="$(wasm_bindgen_version)"
  [ -n "$want" ] || { echo "setup: no wasm-bindgen in Cargo.lock" >&2; exit 1; }
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ]; then
    say "installing wasm-bindgen-cli $want (about 5 minutes)"
    # Not --locked: one of its locked dependency versions is no longer on crates.io.
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

ensure_wasm_opt() {
  local bin="$TOOLS_DIR/node_modules/.bin/wasm-opt"
  # It prints "wasm-opt version 132 (version_132)".
  if [ "$("$bin" --version 2>/dev/null | cut -d' ' -f1-3)" != "wasm-opt version ${BINARYEN_VERSION%%.*}" ]; then
    say "installing wasm-opt (npm binaryen@$BINARYEN_VERSION)"
    mkdir -p "$TOOLS_DIR"
    [ -f "$TOOLS_DIR/package.json" ] || echo '{"name":"scc-site-tools","private":true}' >"$TOOLS_DIR/package.json"
    npm install --prefix "$TOOLS_DIR" --no-audit --no-fund --silent -E "binaryen@$BINARYEN_VERSION"
  fi
  # trunk looks for wasm-opt on PATH only; cargo's bin folder is on every rustup user's PATH.
  ln -sf "$bin" "$HOME/.cargo/bin/wasm-opt"
  # trunk also refuses a wasm-opt of another version (Debian's binaryen breaks the app).
  local found
  found="$(command -v wasm-opt)"
  if [ "$found" != "$HOME/.cargo/bin/wasm-opt" ]; then
    echo "setup: warning: $found comes before $HOME/.cargo/bin/wasm-opt on PATH; trunk will reject it" >&2
  fi
}

# axe-core, which the browser tests run in the page to check accessibility.
ensure_axe() {
  if ! grep -qs "\"version\": \"$AXE_VERSION\"" "$TOOLS_DIR/node_modules/axe-core/package.json"; then
    say "installing axe-core $AXE_VERSION (npm)"
    mkdir -p "$TOOLS_DIR"
    [ -f "$TOOLS_DIR/package.json" ] || echo '{"name":"scc-site-tools","private":true}' >"$TOOLS_DIR/package.json"
    npm install --prefix "$TOOLS_DIR" --no-audit --no-fund --silent -E "axe-core@$AXE_VERSION"
  fi
}

ensure_crates() {
  # Trunk.toml builds offline, so every crate must be in the local registry before the first build.
  (cd "$root" && cargo fetch --locked >/dev/null 2>&1 || cargo fetch)
}

main() {
  ensure_apt_packages
  ensure_rust
  ensure_crates
  ensure_wasm_opt
  ensure_axe
  ensure_wasm_bindgen
  ensure_trunk
  say "ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version | head -n1), $(chromium --version 2>/dev/null | head -n1)"
}

main "$@"
