#!/usr/bin/env bash
# Runs schemathesis (pinned in requirements.txt) with every check against a server built from
# the current code: on SQLite, or on PostgreSQL with `--postgres`; anonymous, as a user with a
# company, and as an administrator. Any failure, or an error in the server's log, fails the run.
#
#   scripts/schemathesis.sh [--postgres] [extra schemathesis options]
#
# The seed and the number of examples are fixed, so a run is repeatable and takes a few minutes.
# One worker: hypothesis' source inspection is not thread-safe on Python 3.11 and failed a run
# with "AST constructor recursion depth mismatch" under two.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

backend=sqlite
if [ "${1:-}" = "--postgres" ]; then
    backend=postgres
    shift
fi
python_tools
build_server
if [ "$backend" = postgres ]; then
    start_server "$(fresh_postgres partnernet_schemathesis)"
else
    start_server "sqlite://$(mktemp -d)/partnernet.db"
fi

# Signs in (or registers first) and prints the access token.
token() {
    local email=$1 password=$2
    curl -fsS -o /dev/null -H 'Content-Type: application/json' \
        -d "{\"email\":\"$email\",\"password\":\"$password\",\"name\":\"Schemathesis\",\"language\":\"de\"}" \
        "$BASE_URL/v1/auth/register" 2>/dev/null || true
    curl -fsS -H 'Content-Type: application/json' \
        -d "{\"email\":\"$email\",\"password\":\"$password\"}" "$BASE_URL/v1/auth/login" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])'
}

user_token=$(token member@example.org member-password-2026)
# The user's own company, so that member-only operations have something to act on.
curl -fsS -o /dev/null -H "Authorization: Bearer $user_token" -H 'Content-Type: application/json' \
    -d '{"kind":"company","name":"Schemathesis GmbH","address":{"postal_code":"01067","city":"Dresden","country":"DE"},"status":"published"}' \
    "$BASE_URL/v1/companies"
admin_token=$(token "$ADMIN_EMAIL" "$ADMIN_PASSWORD")

run() {
    local who=$1
    shift
    echo "== schemathesis on $backend, $who"
    schemathesis run openapi.yaml --url "$BASE_URL" \
        --checks all --phases examples,coverage,fuzzing,stateful \
        --seed 20261129 --max-examples "${SCHEMATHESIS_MAX_EXAMPLES:-25}" \
        --workers 1 --no-color --suppress-health-check all \
        --report junit --report-dir "$CARGO_TARGET_DIR/schemathesis/$backend-$who" \
        "$@"
}

status=0
run anonymous "$@" || status=1
# Deleting the account or changing its password would end the session the rest of the run
# uses; both are covered by the HTTP suite.
run member -H "Authorization: Bearer $user_token" \
    --exclude-operation-id deleteMe --exclude-operation-id changePassword "$@" || status=1
run admin -H "Authorization: Bearer $admin_token" \
    --exclude-operation-id deleteMe --exclude-operation-id changePassword "$@" || status=1
stop_server
if [ -n "${SERVER_ERRORS:-}" ]; then
    status=1
fi
exit $status
