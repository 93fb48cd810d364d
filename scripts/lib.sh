# Shared by the contract scripts: the pinned tools, and a PartnerNet server to run them against.
# Source it; it expects `set -euo pipefail` and the repository root as the working directory.

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/partnernet/target}"
TOOLS_DIR="${PARTNERNET_TOOLS_DIR:-$HOME/.cache/partnernet}"
VENV="$TOOLS_DIR/venv"

# The virtualenv with scripts/requirements.txt, (re)installed when the requirements change.
python_tools() {
    local stamp="$VENV/.requirements"
    if [ ! -x "$VENV/bin/python" ]; then
        mkdir -p "$TOOLS_DIR"
        python3 -m venv "$VENV"
    fi
    if ! cmp -s scripts/requirements.txt "$stamp"; then
        "$VENV/bin/pip" install --quiet --disable-pip-version-check -r scripts/requirements.txt
        cp scripts/requirements.txt "$stamp"
    fi
    export PATH="$VENV/bin:$PATH"
}

# clients/typescript/node_modules from its lockfile, reinstalled when the lockfile changes.
node_tools() {
    local stamp=clients/typescript/node_modules/.package-lock.json
    if [ ! -f "$stamp" ] || [ clients/typescript/package-lock.json -nt "$stamp" ]; then
        (cd clients/typescript && npm ci --no-audit --no-fund --loglevel=error)
    fi
}

# Builds the server binary (debug: it shares the test suite's build) and sets SERVER_BIN.
build_server() {
    cargo build --quiet --bin partnernet
    SERVER_BIN="$CARGO_TARGET_DIR/debug/partnernet"
}

# A free TCP port on 127.0.0.1.
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# start_server DATABASE_URL: migrates, seeds the demo data and serves it on a free port in a
# fresh data folder; sets BASE_URL and SERVER_DIR, and stops the server when the script exits.
# An administrator admin@example.org (password ADMIN_PASSWORD) exists for the signed-in runs.
ADMIN_EMAIL=admin@example.org
ADMIN_PASSWORD=admin-password-2026
start_server() {
    local database_url=$1
    SERVER_DIR=$(mktemp -d)
    local port
    port=$(free_port)
    BASE_URL="http://127.0.0.1:$port"
    export DATABASE_URL="$database_url" PARTNERNET_DATA_DIR="$SERVER_DIR" \
        PARTNERNET_INDEX_DIR="$SERVER_DIR/index" PARTNERNET_BIND="127.0.0.1:$port" \
        PARTNERNET_LOG_FORMAT=json RUST_LOG="${RUST_LOG:-warn}"
    # The contract tools send thousands of requests from one address in minutes; the rate
    # limits have tests of their own (tests/limits.rs).
    export PARTNERNET_RATE_LIMIT_PER_KEY=0 PARTNERNET_RATE_LIMIT_PER_USER=0 \
        PARTNERNET_RATE_LIMIT_PER_ADDRESS=0
    "$SERVER_BIN" migrate >/dev/null
    echo "$ADMIN_PASSWORD" | "$SERVER_BIN" user create --email "$ADMIN_EMAIL" --password-stdin \
        --name "Admin" --admin >/dev/null
    "$SERVER_BIN" serve --workers 2 >"$SERVER_DIR/server.log" 2>&1 &
    SERVER_PID=$!
    trap 'stop_server' EXIT
    for _ in $(seq 1 120); do
        if curl -fsS "$BASE_URL/readyz" >/dev/null 2>&1; then
            return 0
        fi
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.5
    done
    echo "the server did not become ready; its log:" >&2
    cat "$SERVER_DIR/server.log" >&2
    return 1
}

stop_server() {
    if [ -z "${SERVER_PID:-}" ]; then
        return 0
    fi
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
    # A server error (500) or a panic fails the run even where every check passed: the
    # application logs each 500 as "internal error" with its cause.
    local errors
    errors=$(grep '"message":"internal error"\|panicked' "$SERVER_DIR/server.log" || true)
    if [ -n "$errors" ]; then
        echo "the server logged errors:" >&2
        echo "$errors" | head -20 >&2
        SERVER_ERRORS=1
    fi
}

# A fresh PostgreSQL database NAME on the local server; prints its URL.
fresh_postgres() {
    local name=$1 server="${PARTNERNET_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
    psql -q "$server" -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" -c "CREATE DATABASE $name" >/dev/null
    echo "${server%/*}/$name"
}
