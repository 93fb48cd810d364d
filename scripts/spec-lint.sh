#!/usr/bin/env bash
# Lints openapi.yaml with Spectral and the OWASP API security ruleset (both pinned in
# tests/spectral/package.json). Errors fail; warnings are printed, and each kind of warning
# left is explained in docs/security.md ("The OWASP lint").
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d tests/spectral/node_modules ] || [ tests/spectral/package-lock.json -nt tests/spectral/node_modules ]; then
    (cd tests/spectral && npm ci --no-audit --no-fund --loglevel=error)
fi
tests/spectral/node_modules/.bin/spectral lint --ruleset tests/spectral/.spectral.yaml \
    --fail-severity error --format text openapi.yaml \
    | awk '$2 == "warning" { rule[$3]++; next } { print } END { for (r in rule) printf "warnings: %-45s %d\n", r, rule[r] }'
