#!/usr/bin/env bash
# Regenerates the client SDKs from openapi.yaml with the pinned generators:
#   clients/python      openapi-python-client (settings: clients/python-config.yaml)
#   clients/typescript  @hey-api/openapi-ts   (settings: clients/typescript/openapi-ts.config.ts)
# Regenerate openapi.yaml first (`cargo run -- openapi > openapi.yaml`). With `--check`, fails
# when the checked-in clients differ from what the generators make of the current document.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
python_tools
node_tools

openapi-python-client generate --path openapi.yaml --config clients/python-config.yaml \
    --output-path clients/python/generated --overwrite >/dev/null
(cd clients/typescript && npx --no-install openapi-ts >/dev/null)

if [ "${1:-}" = "--check" ]; then
    if [ -n "$(git status --porcelain -- clients/python/generated clients/typescript/src/client)" ]; then
        git status --short -- clients/python/generated clients/typescript/src/client >&2
        echo "the generated clients are stale: run scripts/generate-clients.sh and commit them" >&2
        exit 1
    fi
fi
