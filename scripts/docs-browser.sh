#!/usr/bin/env bash
# Opens /docs/ of a server built from the current code in headless Chromium (Debian's
# `chromium`, installed when missing and permitted) and checks that every documented operation
# renders and that the page loads nothing from outside the server. The screenshot is kept at
# $CARGO_TARGET_DIR/docs-page.png.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

if ! command -v chromium >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null
fi
if [ ! -d tests/browser/node_modules ] || [ tests/browser/package-lock.json -nt tests/browser/node_modules ]; then
    (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
fi
build_server
start_server "sqlite://$(mktemp -d)/partnernet.db"
PARTNERNET_URL="$BASE_URL" SCREENSHOT="$CARGO_TARGET_DIR/docs-page.png" \
    CHROMIUM="$(command -v chromium)" node tests/browser/docs.mjs
stop_server
[ -z "${SERVER_ERRORS:-}" ]
