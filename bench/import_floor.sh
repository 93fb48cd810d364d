#!/usr/bin/env bash
# The database's own share of a first import (docs/benchmarks.md): takes 30,000 of the companies
# that bench/import.sh imported, deletes them with their rows, inserts them again table by table
# with INSERT ... SELECT inside one transaction, prints the time per company, and rolls back.
# No client, parsing or protocol is involved: what it prints is a lower bound for any importer
# writing the same rows and indexes. Run bench/import.sh first.
#
#   bench/import_floor.sh            # both backends
#   bench/import_floor.sh sqlite     # one backend
set -euo pipefail
cd "$(dirname "$0")/.."

which=${1:-all}
data=${PARTNERNET_BENCH_DIR:-$HOME/.cache/partnernet/bench}
server=${PARTNERNET_BENCH_POSTGRES:-postgres://postgres@127.0.0.1:5432}
n=30000
# Children first out, parents first in; search documents last (their index is the costliest).
tables="companies company_nace company_registrations company_changes company_search"

if [[ $which == all || $which == postgres ]]; then
    echo "PostgreSQL (µs per company)"
    {
        echo "BEGIN;"
        echo "CREATE TEMP TABLE picked AS SELECT id FROM companies ORDER BY id LIMIT $n;"
        for t in $tables; do
            key=$([[ $t == companies ]] && echo id || echo company_id)
            echo "CREATE TEMP TABLE copy_$t AS SELECT * FROM $t WHERE $key IN (SELECT id FROM picked);"
        done
        for t in $(echo "$tables" | tr ' ' '\n' | tac); do
            key=$([[ $t == companies ]] && echo id || echo company_id)
            echo "DELETE FROM $t WHERE $key IN (SELECT id FROM picked);"
        done
        for t in $tables; do
            columns=$([[ $t == company_search ]] && echo "(company_id, name, body)" || echo "")
            select=$([[ $t == company_search ]] && echo "company_id, name, body" || echo "*")
            echo "SELECT clock_timestamp() AS started \\gset"
            echo "INSERT INTO $t $columns SELECT $select FROM copy_$t;"
            echo "SELECT '$t' AS step, round(extract(epoch FROM clock_timestamp() - :'started'::timestamptz) * 1e6 / $n, 1) AS us \\gset"
            echo "\\echo :step :us"
        done
        echo "ROLLBACK;"
    } | psql -qX -v ON_ERROR_STOP=1 "$server/pn_import"
fi

if [[ $which == all || $which == sqlite ]]; then
    echo "SQLite (µs per company, Python's SQLite $(python3 -c 'import sqlite3; print(sqlite3.sqlite_version)'))"
    python3 - "$data/import.db" "$n" "$tables" <<'PY'
import sqlite3, sys, time
path, n, tables = sys.argv[1], int(sys.argv[2]), sys.argv[3].split()
db = sqlite3.connect(path, isolation_level=None)
db.executescript("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768;")
db.execute("BEGIN")
db.execute(f"CREATE TEMP TABLE picked AS SELECT id FROM companies ORDER BY id LIMIT {n}")
key = lambda t: "id" if t == "companies" else "company_id"
for t in tables:
    db.execute(f"CREATE TEMP TABLE copy_{t} AS SELECT * FROM {t} WHERE {key(t)} IN (SELECT id FROM picked)")
for t in reversed(tables):
    db.execute(f"DELETE FROM {t} WHERE {key(t)} IN (SELECT id FROM picked)")
for t in tables:
    columns, select = ("(company_id, name, body)", "company_id, name, body") if t == "company_search" else ("", "*")
    started = time.perf_counter()
    db.execute(f"INSERT INTO {t} {columns} SELECT {select} FROM copy_{t}")
    print(t, round((time.perf_counter() - started) * 1e6 / n, 1))
db.execute("ROLLBACK")
PY
fi
