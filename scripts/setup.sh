#!/usr/bin/env bash
# Installs what building and testing need, idempotently, from the package registries only:
# the wasm32 target, Trunk, wasm-bindgen-cli (the Cargo.lock version), Debian's Chromium,
# ChromeDriver and CJK fonts, and the npm test tools (Playwright, axe-core, binaryen's
# wasm-opt) from the committed lockfile. Safe to run again: it skips what is present.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf '[setup] %s\n' "$*"; }

# Node 20 or newer is a prerequisite (Playwright 1.65 refuses older ones).
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  echo "[setup] Node.js 20 or newer is needed (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes on 2 cores)"
  # Not --locked: its own lockfile pins a crate version the registry may lack.
  cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

missing=()
for pkg in chromium chromium-driver fonts-noto-cjk; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} from Debian"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm tools, from the lockfile; reinstalled only when the lockfile changes.
stamp=tests/e2e/node_modules/.lock-stamp
if [ ! -f "$stamp" ] || ! cmp -s tests/e2e/package-lock.json "$stamp"; then
  say "installing npm test tools from tests/e2e/package-lock.json"
  (cd tests/e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  cp tests/e2e/package-lock.json "$stamp"
fi

# Trunk builds offline: fetch the crates now.
cargo fetch --quiet
say "ready"
