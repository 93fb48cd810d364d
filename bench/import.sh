#!/usr/bin/env bash
# The import benchmark of docs/benchmarks.md: 100,000 synthetic ARES subjects (NDJSON) imported
# into an empty database, imported again unchanged, then again with every name changed, on
# SQLite and PostgreSQL. Needs python3 for the generator.
#
#   bench/import.sh            # both backends
#   bench/import.sh sqlite     # one backend
set -euo pipefail
cd "$(dirname "$0")/.."

which=${1:-all}
data=${PARTNERNET_BENCH_DIR:-$HOME/.cache/partnernet/bench}
server=${PARTNERNET_BENCH_POSTGRES:-postgres://postgres@127.0.0.1:5432}
mkdir -p "$data"
cargo build --release --quiet
binary=${CARGO_TARGET_DIR:-target}/release/partnernet
[[ -f $data/ares.ndjson ]] || bench/ares_records.py 100000 > "$data/ares.ndjson"
[[ -f $data/ares_updated.ndjson ]] || bench/ares_records.py 100000 2025-06-01 > "$data/ares_updated.ndjson"

run() {
    local url=$1
    for file in ares.ndjson ares.ndjson ares_updated.ndjson; do
        RUST_LOG=warn /usr/bin/time -f "  peak RSS %M KB" "$binary" --database-url "$url" import ares "$data/$file" 2>&1
    done
}
if [[ $which == all || $which == sqlite ]]; then
    rm -f "$data"/import.db*
    echo "SQLite"
    run "sqlite://$data/import.db"
fi
if [[ $which == all || $which == postgres ]]; then
    psql "$server/postgres" -qc "DROP DATABASE IF EXISTS pn_import" -qc "CREATE DATABASE pn_import"
    echo "PostgreSQL"
    run "$server/pn_import"
fi
