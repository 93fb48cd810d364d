#!/usr/bin/env bash
# Validates the checked-in openapi.yaml as OpenAPI 3.1 with openapi-spec-validator (pinned in
# requirements.txt). The Rust suite checks that the file is what the code generates.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
python_tools
# The validator prints the whole document with an error; the first lines say what is wrong.
openapi-spec-validator openapi.yaml 2>&1 | cut -c1-2000
