#!/usr/bin/env bash
# Installs everything the project needs on a fresh Debian machine that has only Node and npm:
# a Node >= 22 toolchain (the registry's node@24 when the system's is older), a pinned pnpm,
# the workspace dependencies and, with --browser, a Chromium for the browser tests.
# Idempotent: a second run only checks. Source it (". scripts/bootstrap.sh") to keep its PATH.
set -euo pipefail

NODE_VERSION=24.21.0
PNPM_VERSION=10.34.9
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLCHAIN="$ROOT/.toolchain"
want_browser=0
for arg in "$@"; do [ "$arg" = "--browser" ] && want_browser=1; done

log() { printf '[bootstrap] %s\n' "$*" >&2; }

# The system's own Node, not the toolchain's when the caller already put it on PATH (else the stamp
# would flip between "with node" and "without" and each run would reinstall under the other's feet).
system_path="${PATH//$TOOLCHAIN\/node_modules\/.bin:/}"
system_major="$(PATH="$system_path" node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
need_node=0
[ "$system_major" -lt 22 ] && need_node=1

wanted="pnpm@$PNPM_VERSION"
[ "$need_node" = 1 ] && wanted="$wanted node@$NODE_VERSION"
stamp="$TOOLCHAIN/.installed"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
  log "installing toolchain: $wanted (system node is v$system_major)"
  mkdir -p "$TOOLCHAIN"
  [ -f "$TOOLCHAIN/package.json" ] || echo '{"private":true}' > "$TOOLCHAIN/package.json"
  # shellcheck disable=SC2086
  npm install --prefix "$TOOLCHAIN" --no-audit --no-fund --loglevel=error $wanted
  echo "$wanted" > "$stamp"
fi
export PATH="$TOOLCHAIN/node_modules/.bin:$PATH"
export WRANGLER_SEND_METRICS=false
export CI="${CI:-}"

if [ "$want_browser" = 1 ] && [ -z "${CHROMIUM_PATH:-}" ]; then
  if [ ! -x /usr/bin/chromium ] && ! ls "$HOME"/.cache/ms-playwright/chromium-*/chrome-linux*/chrome >/dev/null 2>&1; then
    log "installing Debian's chromium"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq chromium >&2
  fi
fi

cd "$ROOT"
lock_hash="$(sha256sum pnpm-lock.yaml package.json */package.json 2>/dev/null | sha256sum | cut -c1-16)"
if [ ! -f node_modules/.bootstrap-hash ] || [ "$(cat node_modules/.bootstrap-hash)" != "$lock_hash" ]; then
  log "installing dependencies"
  pnpm install --frozen-lockfile --reporter=append-only >&2
  echo "$lock_hash" > node_modules/.bootstrap-hash
fi
log "node $(node --version), pnpm $(pnpm --version)"
