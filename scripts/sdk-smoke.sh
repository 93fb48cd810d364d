#!/usr/bin/env bash
# Runs the smoke flows of the generated clients (clients/python/smoke_test.py and
# clients/typescript/src/smoke.ts, compiled with `tsc --strict`) against a server built from
# the current code, on SQLite with the demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
python_tools
node_tools
build_server
start_server "sqlite://$(mktemp -d)/partnernet.db"
export PARTNERNET_URL="$BASE_URL"
# The flows verify a chamber as an administrator: only verified multipliers hold API keys.
export PARTNERNET_ADMIN_EMAIL="$ADMIN_EMAIL" PARTNERNET_ADMIN_PASSWORD="$ADMIN_PASSWORD"

python clients/python/smoke_test.py
(cd clients/typescript && npx --no-install tsc && node build/smoke.js)
stop_server
[ -z "${SERVER_ERRORS:-}" ]
