#!/usr/bin/env bash
# The load benchmark of docs/benchmarks.md, on SQLite and PostgreSQL: seeds 100,000 synthetic
# companies with about 300,000 products and services on first use (kept for later runs), then
# measures six requests at 1, 16 and 64 concurrent clients. The search index is built on first
# use too and kept in ~/.cache/partnernet/bench/index-<backend> (PARTNERNET_BENCH_INDEX_DIR).
#
#   bench/run.sh            # both backends
#   bench/run.sh sqlite     # one backend
#
# PostgreSQL: PARTNERNET_BENCH_POSTGRES (default postgres://postgres@127.0.0.1:5432) names the
# server; the database pn_bench is created there if missing. PARTNERNET_BENCH_SECONDS sets the
# measuring time per step (default 8).
set -euo pipefail
cd "$(dirname "$0")/.."

which=${1:-all}
data=${PARTNERNET_BENCH_DIR:-$HOME/.cache/partnernet/bench}
server=${PARTNERNET_BENCH_POSTGRES:-postgres://postgres@127.0.0.1:5432}
mkdir -p "$data"

if [[ $which == all || $which == sqlite ]]; then
    PARTNERNET_BENCH_DATABASE_URL="sqlite://$data/bench.db" cargo bench -p api --bench load
fi
if [[ $which == all || $which == postgres ]]; then
    psql "$server/postgres" -Atqc "SELECT 1 FROM pg_database WHERE datname = 'pn_bench'" | grep -q 1 \
        || psql "$server/postgres" -qc "CREATE DATABASE pn_bench"
    PARTNERNET_BENCH_DATABASE_URL="$server/pn_bench" cargo bench -p api --bench load
fi
