#!/usr/bin/env bash
# How long a running server's search index takes to catch up with a first import of 100,000
# ARES subjects made by the command line (docs/benchmarks.md): starts a server on an empty
# database, imports bench/import.sh's data, then polls the directory until all 100,000
# companies are found. On SQLite and PostgreSQL.
#
#   bench/index_catchup.sh            # both backends
#   bench/index_catchup.sh sqlite     # one backend
set -euo pipefail
cd "$(dirname "$0")/.."

which=${1:-all}
data=${PARTNERNET_BENCH_DIR:-$HOME/.cache/partnernet/bench}
server=${PARTNERNET_BENCH_POSTGRES:-postgres://postgres@127.0.0.1:5432}
port=18765
mkdir -p "$data"
cargo build --release --quiet
binary=${CARGO_TARGET_DIR:-target}/release/partnernet
[[ -f $data/ares.ndjson ]] || bench/ares_records.py 100000 > "$data/ares.ndjson"

found() {
    curl -sf "http://127.0.0.1:$port/v1/companies?limit=1&facets=country" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["facets"]["total"])'
}

run() {
    local url=$1 index=$data/catchup-index
    rm -rf "$index"
    RUST_LOG=warn "$binary" --database-url "$url" serve --no-demo --bind "127.0.0.1:$port" \
        --index-dir "$index" &
    local pid=$!
    trap 'kill $pid 2>/dev/null' RETURN
    until curl -sf "http://127.0.0.1:$port/readyz" > /dev/null; do sleep 0.1; done
    RUST_LOG=warn "$binary" --database-url "$url" import ares "$data/ares.ndjson"
    local started ended
    started=$(date +%s.%N)
    until [[ $(found) == 100000 ]]; do sleep 0.05; done
    ended=$(date +%s.%N)
    echo "  all 100000 searchable $(echo "$ended - $started" | bc) s after the import ended"
    echo "  index: $(du -sm "$index" | cut -f1) MB"
}

if [[ $which == all || $which == sqlite ]]; then
    rm -f "$data"/catchup.db*
    echo "SQLite"
    run "sqlite://$data/catchup.db"
fi
if [[ $which == all || $which == postgres ]]; then
    psql "$server/postgres" -qc "DROP DATABASE IF EXISTS pn_catchup" -c "CREATE DATABASE pn_catchup"
    echo "PostgreSQL"
    run "$server/pn_catchup"
fi
