#!/usr/bin/env bash
# Mixed load of docs/benchmarks.md: 64 clients reading, searching, writing and exporting at
# random for SECONDS (default 60) on the benchmark's data set (seeded by bench/run.sh's first
# run), then the writes counted in the database and the memory series. A soak is the same run,
# longer:
#
#   bench/mixed.sh sqlite            # 60 s on SQLite
#   bench/mixed.sh postgres 600      # a 10-minute soak on PostgreSQL
set -euo pipefail
cd "$(dirname "$0")/.."
PARTNERNET_BENCH_MIXED_SECONDS="${2:-60}" exec bench/run.sh "${1:-all}"
